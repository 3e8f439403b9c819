import { RULES } from '../../server/src/service';
import type { Diagnostic } from 'vscode-languageserver-types';

/** A placeholder a fix writes (ACCOUNT_ID, ...) is for the user to fill in, and reported as such. */
export const PLACEHOLDER = 'iam/placeholder';

/** Rules about what a policy grants: they judge only actions IAM knows in statements that take effect. */
const GRANT_RULES = [
  'consumer/incomplete-read',
  'consumer/missing-describe-stream',
  'producer/missing-describe-stream',
  'producer/missing-list-shards',
  'kcl/missing-lease-table-permissions',
  'kcl/missing-metrics-permission',
  'kcl/missing-list-shards',
  'kcl/version-3-requirements',
  'kcl/broad-dynamodb-access',
  'kinesis/kms-permissions',
  'resource-policy/resource-mismatch',
  'resource-policy/unsupported-action',
  'iam/action-resource-mismatch',
  'iam/allow-not-action',
  'iam/deny-not-resource',
  'iam/redundant-action',
];

/**
 * Rules that cannot judge a statement until the fixed problem is gone, and so may speak up after
 * the fix (raised to errors by the settings): not new problems, but ones the first one hid. A
 * statement without a valid Effect grants nothing, nor does an action on a resource of a type it
 * does not take (`GetRecords` on a consumer ARN); an action IAM does not know is not judged; a
 * policy that reads records is a consumer's, and a consumer needs more; a wildcard is not held to
 * the resources each action it covers takes; a condition key is held to the statement's actions only
 * once every action is known (an empty entry is one still being written); an element whose key IAM does not know is not read
 * at all until the key is spelt right, and then every rule reads it. A policy whose every principal
 * is `"*"` may be a VPC endpoint policy, and its Kinesis resource-policy findings are warnings
 * until a principal names an account. What KCL 3.x needs beyond the lease table is told once the
 * policy grants a lease table: before, the missing table is the one finding. A policy that also
 * writes records is shaped like a KPL producer's once it publishes metrics.
 */
export const REVEALED_BY: Readonly<Record<string, readonly string[]>> = {
  'iam/unknown-key': RULES.map((r) => r.code),
  'iam/invalid-effect': GRANT_RULES,
  'iam/unknown-action': [...GRANT_RULES, 'iam/condition-key-not-applicable'],
  'iam/action-resource-mismatch': GRANT_RULES,
  'iam/empty-value': ['iam/condition-key-not-applicable'],
  'consumer/incomplete-read': GRANT_RULES.filter((c) => c.startsWith('consumer/') || c.startsWith('kcl/')),
  'kcl/missing-lease-table-permissions': ['kcl/version-3-requirements'],
  'kcl/missing-metrics-permission': ['producer/missing-list-shards'],
  'resource-policy/wildcard-action': ['resource-policy/resource-mismatch', 'iam/action-resource-mismatch'],
  'resource-policy/wildcard-principal': RULES.map((r) => r.code).filter((c) => c.startsWith('resource-policy/')),
};

/** What a check found, as the quick-fix tests compare it before and after a fix. */
interface Found {
  diagnostics: readonly Diagnostic[];
}

/** How many findings of `code`. */
export function count(found: Found, code: string): number {
  return found.diagnostics.filter((d) => d.code === code).length;
}

/** The kinds of error a fix of `code` adds: new error codes, but for placeholders and those it may reveal. */
export function newErrors(before: Found, after: Found, code: string): string[] {
  const errors = (found: Found) => new Set(found.diagnostics.filter((d) => d.severity === 1 && d.code !== PLACEHOLDER).map((d) => String(d.code)));
  const was = errors(before);
  return [...errors(after)].filter((c) => !was.has(c) && !(REVEALED_BY[code] ?? []).includes(c));
}
