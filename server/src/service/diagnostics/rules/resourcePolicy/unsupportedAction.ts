import { SHAREABLE_ACTIONS } from '../../../kinesis/kinesisFacts';
import type { PolicyRule } from '../../rule';
import { at } from '../../ruleContext';

const SHAREABLE = Object.keys(SHAREABLE_ACTIONS);

/** Only a few actions can be shared through a Kinesis resource-based policy (SHAREABLE_ACTIONS). */
export const unsupportedAction: PolicyRule = {
  code: 'resource-policy/unsupported-action',
  defaultSeverity: 'error',
  kinds: ['kinesis-resource'],
  check(context) {
    return context.model.statements.flatMap((statement) =>
      context.actionsOf(statement)
        .filter((a) => !a.wildcard && a.actions.length === 1 && !(a.actions[0].qualifiedName in SHAREABLE_ACTIONS))
        .map((a) =>
          at(
            a.value.node,
            `${a.actions[0].qualifiedName} cannot be granted in a Kinesis resource-based policy; ` +
              `only ${SHAREABLE.join(', ')} can. Grant it through an identity-based policy in the other account instead.`,
            { data: { action: a.actions[0].qualifiedName } },
          ),
        ),
    );
  },
};
