import type { Decision } from '../../../../common/src/access';
import { parseArn } from '../catalog/arn';
import type { PolicyEvaluator, StatementMatch } from './policyEvaluator';
import { requestPrincipal, type RequestPrincipal } from './principals';
import type { RequestContext } from './conditions';

/**
 * What IAM would answer. `conditional`: an Allow or a Deny applies only if conditions hold (or
 * a pattern matches) that what is known of the request does not settle.
 */
export type { Decision };

export interface AccessRequest {
  /** `service:Name`, e.g. `kinesis:GetRecords`. */
  action: string;
  /** An ARN, or a pattern standing for the resources it matches (`stream/*`, `${var}` unknown). */
  resource: string;
  /**
   * Whether `resource` is one resource string and not a pattern: `*` is what IAM evaluates for an
   * action that takes no resource (IAM User Guide, "IAM JSON policy elements: Resource").
   */
  literal?: boolean;
  /** Who asks: an account id or an IAM ARN. Unknown: a request from the resource's own account. */
  principal?: string;
  /** What is known of the request's condition keys; conditions on other keys stay unsettled. */
  context?: RequestContext;
}

export interface AccessAnswer {
  decision: Decision;
  /** The statements that decided it: the Denies for a denial, else the Allows and any Deny that might apply. */
  statements: StatementMatch[];
  /** Whether the principal's account is not the resource's: then both kinds of policy must allow. */
  crossAccount: boolean;
}

/** How surely something holds: surely, perhaps, or not at all. */
type Level = 'yes' | 'maybe' | 'no';

/**
 * The decision for one request, following IAM's policy evaluation logic (IAM User Guide, "Policy
 * evaluation logic", "How AWS enforcement code logic evaluates requests to allow or deny access"
 * and "Cross-account policy evaluation logic"). Organization, boundary and session policies are
 * outside what a policy file says and are not modelled.
 */
export function decideAccess(identity: readonly PolicyEvaluator[], resource: readonly PolicyEvaluator[], request: AccessRequest): AccessAnswer {
  const principal = request.principal === undefined ? undefined : requestPrincipal(request.principal);
  const crossAccount = isCrossAccount(principal, request.resource);
  const ask = (p: PolicyEvaluator) => p.matches(request.action, request.resource, principal, request.literal, undefined, request.context);
  const identityMatches = identity.flatMap(ask);
  const resourceMatches = resource.flatMap(ask);
  const matches = [...identityMatches, ...resourceMatches];

  // 1. An explicit Deny in any policy overrides every Allow.
  const denies = matches.filter((m) => m.effect === 'Deny');
  const sureDenies = denies.filter((m) => m.coverage === 'all');
  if (sureDenies.length > 0) return { decision: 'explicitly-denied', statements: sureDenies, crossAccount };

  // 2. Within one account, an Allow in the identity policies or in the resource policy is enough;
  //    across accounts, the principal's identity policies and the resource's policy must both allow.
  //    A resource policy that names the requester only through its account delegates to that
  //    account's identity policies: it is enough on its own in neither case (IAM User Guide, "AWS
  //    JSON policy elements: Principal", AWS account principals).
  const identityAllows = allowLevel(identityMatches);
  const resourceAllows = allowLevel(resourceMatches);
  const resourceAlone = allowLevel(resourceMatches.filter((m) => !m.delegated));
  const allowed = crossAccount ? lower(identityAllows, resourceAllows) : higher(identityAllows, resourceAlone);
  const allows = matches.filter((m) => m.effect === 'Allow');

  // 3. Nothing allows it: the implicit deny.
  if (allowed === 'no') return { decision: 'implicitly-denied', statements: allows, crossAccount };
  if (allowed === 'yes' && denies.length === 0) return { decision: 'allowed', statements: allows.filter((m) => m.coverage === 'all'), crossAccount };
  return { decision: 'conditional', statements: [...allows, ...denies], crossAccount };
}

function allowLevel(matches: readonly StatementMatch[]): Level {
  let level: Level = 'no';
  for (const m of matches) {
    if (m.effect !== 'Allow') continue;
    if (m.coverage === 'all') return 'yes';
    level = 'maybe';
  }
  return level;
}

function lower(a: Level, b: Level): Level {
  return a === 'no' || b === 'no' ? 'no' : a === 'maybe' || b === 'maybe' ? 'maybe' : 'yes';
}

function higher(a: Level, b: Level): Level {
  return a === 'yes' || b === 'yes' ? 'yes' : a === 'maybe' || b === 'maybe' ? 'maybe' : 'no';
}

/** Cross-account when both accounts are known and differ. */
function isCrossAccount(principal: RequestPrincipal | undefined, resource: string): boolean {
  const account = parseArn(resource)?.account;
  return principal?.account !== undefined && account !== undefined && /^\d{12}$/.test(account) && account !== principal.account;
}
