import { addDescribeAction, addKmsStatement, addLeaseTableActions, addMetricsStatement, addMissingAction, narrowWildcard } from './addActions';
import type { RuleCode } from '../../diagnostics/rules';
import { addNullGuard, dropSetQualifier, fixBoolValue } from './conditions';
import type { FixProvider, StatementFixProvider } from './fix';
import { fixEffect, fixPartition, removeEntry, renameSid, replaceWithSuggestion, setVersion } from './iam';
import { addPrincipal, moveAction, removeAction, removeActions, removePrincipal, replaceWildcardWithShareable } from './sharing';

/** The quick fixes of each rule, by code; a rule without fixes is left out. */
export const FIX_PROVIDERS: Readonly<Partial<Record<RuleCode, FixProvider>>> = {
  'resource-policy/wildcard-action': replaceWildcardWithShareable,
  'resource-policy/wildcard-principal': removePrincipal,
  'resource-policy/service-principal': removePrincipal,
  'resource-policy/federated-principal': removePrincipal,
  'resource-policy/canonical-user-principal': removePrincipal,
  'resource-policy/unsupported-action': removeAction,
  'resource-policy/resource-mismatch': moveAction,
  'resource-policy/missing-principal': addPrincipal,
  'kcl/missing-lease-table-permissions': addLeaseTableActions,
  'kcl/version-3-requirements': addLeaseTableActions,
  'kcl/missing-metrics-permission': addMetricsStatement,
  'kcl/broad-dynamodb-access': narrowWildcard,
  'kcl/missing-list-shards': addMissingAction,
  'consumer/incomplete-read': addMissingAction,
  'consumer/missing-describe-stream': addDescribeAction,
  'producer/missing-describe-stream': addDescribeAction,
  'producer/missing-list-shards': addMissingAction,
  'kinesis/kms-permissions': addKmsStatement,
  'kinesis/broad-access': narrowWildcard,
  'iam/unknown-action': replaceWithSuggestion,
  'iam/action-resource-mismatch': moveAction,
  'iam/invalid-principal': replaceWithSuggestion,
  'iam/invalid-arn': fixPartition,
  'iam/unknown-key': replaceWithSuggestion,
  'iam/invalid-sid': replaceWithSuggestion,
  'iam/invalid-effect': fixEffect,
  'iam/invalid-version': setVersion,
  'iam/duplicate-sid': renameSid,
  'iam/empty-value': removeEntry,
  'iam/redundant-action': removeEntry,
  'iam/condition-unknown-operator': replaceWithSuggestion,
  'iam/condition-null-ifexists': replaceWithSuggestion,
  'iam/condition-unknown-key': replaceWithSuggestion,
  'iam/condition-value-type': fixBoolValue,
  'iam/condition-single-valued-set-operator': dropSetQualifier,
  'iam/condition-forallvalues-without-null': addNullGuard,
};

/** Rules whose fixes are safe to apply all at once across a file. */
export const FIX_ALL_CODES: ReadonlySet<RuleCode> = new Set<RuleCode>([
  'resource-policy/wildcard-action',
  'resource-policy/unsupported-action',
  'iam/unknown-action',
  'iam/invalid-effect',
  'iam/duplicate-sid',
  'iam/redundant-action',
  'iam/empty-value',
  'iam/action-resource-mismatch',
]);

/**
 * Rules whose fix-all fixes in one statement can be made as one change (see `StatementFixProvider`):
 * a statement with several such findings needs one round of fix-all rather than one each.
 */
export const STATEMENT_FIX_PROVIDERS: Readonly<Partial<Record<RuleCode, StatementFixProvider>>> = {
  'resource-policy/unsupported-action': removeActions,
};

/** The fixes for a diagnostic's code, which comes from the client and may be anything. */
export function fixProviderFor(code: unknown): FixProvider | undefined {
  return typeof code === 'string' && Object.hasOwn(FIX_PROVIDERS, code) ? FIX_PROVIDERS[code as RuleCode] : undefined;
}

/** The fix-all fixes in one statement made as one, for a diagnostic's code. */
export function statementFixProviderFor(code: unknown): StatementFixProvider | undefined {
  return typeof code === 'string' && Object.hasOwn(STATEMENT_FIX_PROVIDERS, code) ? STATEMENT_FIX_PROVIDERS[code as RuleCode] : undefined;
}

/** Whether a diagnostic's code is one whose fixes may all be applied at once. */
export function isFixAllCode(code: unknown): boolean {
  return typeof code === 'string' && (FIX_ALL_CODES as ReadonlySet<string>).has(code);
}
