import { hasWildcard, wildcardMatcher } from '../catalog/wildcard';
import type { StatementModel } from '../policy/policyModel';
import { listCoverage, narrower, resourceCoverage, type Coverage } from './patterns';
import { principalCoverage, type RequestPrincipal } from './principals';
import { conditionCoverage, type RequestContext } from './conditions';
import { contextLookup, fillVariables } from './variables';

/** A statement as the evaluation reads it: its effect, and matchers for its actions and resources. */
export interface CompiledStatement {
  statement: StatementModel;
  effect: 'Allow' | 'Deny';
  /** Exact action names, lower-cased, of `Action` (or of `NotAction`, when `negatedActions`). */
  names: ReadonlySet<string>;
  /** The wildcard entries of the same list. */
  patterns: readonly ((action: string) => boolean)[];
  negatedActions: boolean;
  /** `Resource` (or `NotResource`, when `negatedResources`) entries; undefined without either. */
  resources: readonly string[] | undefined;
  negatedResources: boolean;
}

/**
 * The statement compiled for evaluation, or undefined when IAM would reject it before any
 * request: no valid `Effect`, or neither `Action` nor `NotAction`.
 */
export function compileStatement(statement: StatementModel): CompiledStatement | undefined {
  const effect = statement.effect?.value;
  const actions = statement.action ?? statement.notAction;
  if ((effect !== 'Allow' && effect !== 'Deny') || !actions) return undefined;
  const names = new Set<string>();
  const patterns: ((action: string) => boolean)[] = [];
  for (const { value } of actions.values) {
    if (hasWildcard(value)) patterns.push(wildcardMatcher(value));
    else names.add(value.toLowerCase());
  }
  const resources = statement.resource ?? statement.notResource;
  return {
    statement,
    effect,
    names,
    patterns,
    negatedActions: statement.action === undefined,
    resources: resources?.values.map((v) => v.value),
    negatedResources: statement.resource === undefined && statement.notResource !== undefined,
  };
}

/**
 * Whether the statement's action list takes `action` (`service:Name`). Action names are matched
 * without regard to case, wildcards included (IAM User Guide, "IAM JSON policy elements:
 * Action"); `NotAction` takes every action it does not list ("NotAction").
 */
export function takesAction(compiled: CompiledStatement, action: string): boolean {
  const lower = action.toLowerCase();
  const listed = compiled.names.has(lower) || compiled.patterns.some((matches) => matches(lower));
  return listed !== compiled.negatedActions;
}

/** How much of the request's resources the statement's `Resource` (or `NotResource`) covers. */
export function resourcesCovered(compiled: CompiledStatement, resource: string, literal = false): Coverage {
  // A statement without either element is rejected by IAM where it needs one; where it does
  // not (a role trust policy), it applies to the resource the policy is attached to.
  if (!compiled.resources) return 'all';
  return listCoverage(compiled.resources, (pattern) => resourceCoverage(pattern, resource, literal), compiled.negatedResources);
}

/**
 * The statement with the policy variables of its resources filled in from the context, where the
 * context settles them (`stream/${aws:PrincipalTag/team}-*` for a request by team "orders");
 * otherwise as written, where the comparison reads a variable as unknown text.
 */
function withVariablesFilled(compiled: CompiledStatement, context: RequestContext | undefined): CompiledStatement {
  if (!context || !compiled.resources?.some((r) => r.includes('${'))) return compiled;
  const lookup = contextLookup(context);
  const resources: string[] = [];
  for (const written of compiled.resources) {
    const filled = fillVariables(written, lookup);
    // A variable of a key the request lacks: the pattern names nothing. One left open: as written.
    if (filled !== null) resources.push(filled ?? written);
  }
  return { ...compiled, resources };
}

/** A request as one statement sees it. */
export interface StatementRequest {
  action: string;
  resource: string;
  /** Whether `resource` is one resource string rather than a pattern (see `resourceCoverage`). */
  literal: boolean;
  principal: RequestPrincipal | undefined;
  /** Whether the statement's principal must name the requester: in resource-based policies. */
  checkPrincipal: boolean;
  /** What is known of the request's context keys; without it, every condition is unsettled. */
  context?: RequestContext;
}

/**
 * How surely the statement applies to a request for `action` on `resource` by `principal`: the
 * narrowest of what its action, resource, principal and condition elements say. A `Condition`
 * the known context does not settle applies `some` of the time.
 */
export function statementApplies(compiled: CompiledStatement, request: StatementRequest): Coverage {
  const { action, resource, principal } = request;
  if (!takesAction(compiled, action)) return 'none';
  let coverage = resourcesCovered(withVariablesFilled(compiled, request.context), resource, request.literal);
  if (coverage === 'none') return coverage;
  const { statement } = compiled;
  const element = statement.principal ?? statement.notPrincipal;
  // In a resource policy, a statement names who it is for; IAM rejects one without a principal.
  if (request.checkPrincipal) coverage = element ? narrower(coverage, principalCoverage(element, principal)) : 'none';
  if (coverage !== 'none' && statement.condition) coverage = narrower(coverage, conditionCoverage(statement.condition, request.context));
  return coverage;
}
