import * as l10n from '@vscode/l10n';
import { SHAREABLE_ACTIONS } from '../../../kinesis/kinesisFacts';
import { at, type RuleFinding, statementRule } from '../../engine/rule';

/**
 * The message for an action. It says what kind of action can be shared rather than listing
 * SHAREABLE_ACTIONS: the rule's documentation, which each diagnostic links to, lists them, and
 * repeated in each of thousands of diagnostics the list would be most of their text.
 */
function cannotShare(name: string): string {
  return l10n.t(
    "{0} cannot be granted in a Kinesis resource-based policy, which can share only {1} stream and consumer actions, such as kinesis:GetRecords (the rule's documentation lists them). Grant it through an identity-based policy in the other account instead.",
    name,
    Object.keys(SHAREABLE_ACTIONS).length,
  );
}

/** Only a few actions can be shared through a Kinesis resource-based policy (SHAREABLE_ACTIONS). */
export const unsupportedAction = statementRule({
  code: 'resource-policy/unsupported-action',
  defaultSeverity: 'error',
  kinds: ['kinesis-resource'],
  checkStatement(statement, context) {
    const findings: RuleFinding[] = [];
    // Wildcards are left out before their actions are read: `*` would load every service.
    for (const { value, actions } of context.actionsOf(statement).filter((a) => !a.wildcard)) {
      if (actions.length !== 1 || actions[0].qualifiedName in SHAREABLE_ACTIONS) continue;
      const name = actions[0].qualifiedName;
      findings.push(at(value.node, cannotShare(name), { data: { action: name } }));
    }
    return findings;
  },
});
