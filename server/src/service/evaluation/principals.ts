import { parseArn } from '../catalog/arn';
import { hasWildcard, wildcardMatcher } from '../catalog/wildcard';
import type { PrincipalElement } from '../policy/policyModel';
import { listCoverage, type Coverage } from './patterns';

/** Who makes a request: an account id, or the ARN of an IAM role, user or assumed-role session. */
export interface RequestPrincipal {
  /** As given: `444455556666`, `arn:aws:iam::444455556666:role/reader`. */
  text: string;
  /** Its 12-digit account, when known. */
  account?: string;
  /** Whether only the account is known (`text` is an account id or its root ARN): any principal in it. */
  accountOnly: boolean;
}

const ACCOUNT_ID = /^\d{12}$/;

export function requestPrincipal(text: string): RequestPrincipal {
  if (ACCOUNT_ID.test(text)) return { text, account: text, accountOnly: true };
  const arn = parseArn(text);
  const account = arn && ACCOUNT_ID.test(arn.account) ? arn.account : undefined;
  return { text, account, accountOnly: arn !== undefined && arn.service === 'iam' && arn.resource === 'root' };
}

/**
 * How much of the request's principal a statement's `Principal` (or, negated, `NotPrincipal`)
 * names (IAM User Guide, "AWS JSON policy elements: Principal" and "NotPrincipal"):
 * - `"*"` and `{"AWS": "*"}` name everyone;
 * - an account id or `arn:aws:iam::ACCOUNT:root` names the account, and so every principal in it
 *   (the account then decides through its own identity policies);
 * - a role or user ARN names that principal alone;
 * - service, federated and canonical-user principals name no IAM principal.
 * With no principal known, only `*` is sure to name it.
 */
export function principalCoverage(element: PrincipalElement, principal: RequestPrincipal | undefined): Coverage {
  const negated = element.key === 'NotPrincipal';
  if (element.bare) return listCoverage([element.bare.value], (v) => (v === '*' ? 'all' : 'none'), negated);
  const values = element.entries.flatMap((entry) => entry.values.map((v) => ({ type: entry.type.value, value: v.value })));
  return listCoverage(values, ({ type, value }) => (type === 'AWS' ? awsValueCoverage(value, principal) : principal ? 'none' : 'some'), negated);
}

function awsValueCoverage(value: string, principal: RequestPrincipal | undefined): Coverage {
  if (value === '*') return 'all';
  const account = ACCOUNT_ID.test(value) ? value : rootAccount(value);
  if (!principal) return 'some';
  if (account !== undefined) return principal.account === undefined ? 'some' : principal.account === account ? 'all' : 'none';
  // A role or user: the principal itself, or some principal of an account that holds it.
  if (principal.accountOnly) return parseArn(value)?.account === principal.account ? 'some' : 'none';
  if (hasWildcard(value)) return wildcardMatcher(value)(principal.text) ? 'all' : 'none';
  return value === principal.text ? 'all' : 'none';
}

function rootAccount(value: string): string | undefined {
  const arn = parseArn(value);
  return arn && arn.service === 'iam' && arn.resource === 'root' && ACCOUNT_ID.test(arn.account) ? arn.account : undefined;
}
