/**
 * The evaluation core: what a set of policies grants, as IAM decides it. Every check that asks
 * "is this allowed" asks here; the access checker and its tests ask the same questions.
 */
export { decideAccess, type AccessAnswer, type AccessRequest, type Decision } from './decide';
export { PolicyEvaluator, type CompiledStatements, type EvaluatedPolicy, type StatementMatch } from './policyEvaluator';
export { globCovers, resourceCoverage, type Coverage } from './patterns';
export { requestPrincipal, type RequestPrincipal } from './principals';
