import type { PolicyRule } from '../../rule';
import { at } from '../../ruleContext';

/** Allow with NotAction grants every action of every service except those listed. */
export const allowNotAction: PolicyRule = {
  code: 'iam/allow-not-action',
  defaultSeverity: 'warning',
  kinds: ['identity', 'kinesis-resource', 'other-resource'],
  check(context) {
    return context.model.statements
      .filter((s) => s.effect?.value === 'Allow' && s.notAction)
      .map((s) =>
        at(
          s.notAction!.property.children?.[0] ?? s.notAction!.property,
          '"Allow" with "NotAction" grants every action of every AWS service except those listed, including ones added later. ' +
            'List the actions to allow under "Action" instead.',
        ),
      );
  },
};
