import { parseArn } from '../catalog/arn';
import { hasWildcard } from '../catalog/wildcard';
import type { PrincipalElement } from '../policy/policyModel';
import { listCoverage, type Coverage } from './patterns';

/** Who makes a request: an account id, or the ARN of an IAM role, user or assumed-role session. */
export interface RequestPrincipal {
  /** As given: `444455556666`, `arn:aws:iam::444455556666:role/reader`. */
  text: string;
  /** For an assumed-role session (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`), the role's name. */
  sessionOf?: string;
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
  const session = arn?.service === 'sts' ? /^assumed-role\/([^/]+)\/.+$/.exec(arn.resource) : null;
  return { text, account, accountOnly: arn !== undefined && arn.service === 'iam' && arn.resource === 'root', ...(session ? { sessionOf: session[1] } : {}) };
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
  return listCoverage(values, ({ type, value }) => (type === 'AWS' ? awsValueCoverage(value, principal, negated) : principal ? 'none' : 'some'), negated);
}

function awsValueCoverage(value: string, principal: RequestPrincipal | undefined, negated = false): Coverage {
  if (value === '*') return 'all';
  const account = ACCOUNT_ID.test(value) ? value : rootAccount(value);
  if (!principal) return 'some';
  if (account !== undefined) return principal.account === undefined ? 'some' : principal.account === account ? 'all' : 'none';
  // A role or user: the principal itself, or some principal of an account that holds it.
  if (principal.accountOnly) return parseArn(value)?.account === principal.account ? 'some' : 'none';
  // Only "*" is a wildcard in a principal: "role/*" names no one ("AWS JSON policy elements: Principal").
  if (hasWildcard(value)) return 'none';
  if (value === principal.text) return 'all';
  // A role names its sessions too: a role's name is unique in its account, whatever its path. Not
  // in NotPrincipal, which must list the assumed-role session's ARN to leave it out ("NotPrincipal").
  const role = parseArn(value);
  if (!negated && principal.sessionOf && role?.service === 'iam' && role.account === principal.account && role.resource.startsWith('role/')) {
    return role.resource.split('/').at(-1) === principal.sessionOf ? 'all' : 'none';
  }
  return 'none';
}

/**
 * Whether the statement names the requester only through its account (an account id or root ARN):
 * that delegates the decision to the account's own identity policies (IAM User Guide, "AWS JSON
 * policy elements: Principal", AWS account principals).
 */
export function namesOnlyTheAccount(element: PrincipalElement, principal: RequestPrincipal | undefined): boolean {
  if (element.key !== 'Principal' || element.bare || !principal) return false;
  const values = element.entries.flatMap((entry) => (entry.type.value === 'AWS' ? entry.values.map((v) => v.value) : []));
  const direct = values.some((v) => v === '*' || (rootAccount(v) === undefined && !ACCOUNT_ID.test(v) && awsValueCoverage(v, principal) !== 'none'));
  return !direct && values.some((v) => (ACCOUNT_ID.test(v) ? v : rootAccount(v)) === principal.account);
}

function rootAccount(value: string): string | undefined {
  const arn = parseArn(value);
  return arn && arn.service === 'iam' && arn.resource === 'root' && ACCOUNT_ID.test(arn.account) ? arn.account : undefined;
}
