import * as l10n from '@vscode/l10n';
import type { StatementModel } from '../../../policy/policyModel';
import { statementRule, type StatementRule } from '../../engine/rule';
import { ALL_KINDS, type PolicyKind } from '../../engine/policyKind';

/**
 * A statement must say what it is about: actions always, resources in identity and Kinesis
 * policies. `message` is asked for when a finding is made, in the display language.
 */
function missingElement<Code extends string>(code: Code, kinds: readonly PolicyKind[], has: (s: StatementModel) => boolean, message: () => string): StatementRule<Code> {
  return statementRule({
    code,
    defaultSeverity: 'error',
    kinds,
    checkStatement: (s) => (has(s) ? [] : [{ offset: s.node.offset, length: 1, message: message(), data: { statement: s.index } }]),
  });
}

export const missingAction = missingElement(
  'iam/missing-action',
  ALL_KINDS,
  (s) => s.action !== undefined || s.notAction !== undefined,
  () => l10n.t('This statement has no "Action" (or "NotAction"), so IAM rejects the policy. Add the actions it allows or denies.'),
);

// Role trust policies and some other resource-based policies leave Resource out; Kinesis ones do not.
export const missingResource = missingElement(
  'iam/missing-resource',
  ['identity', 'kinesis-resource'],
  (s) => s.resource !== undefined || s.notResource !== undefined,
  () => l10n.t('This statement has no "Resource" (or "NotResource"), so IAM rejects the policy. Add the ARNs it applies to, or "*" for actions that take no resource.'),
);
