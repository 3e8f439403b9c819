/**
 * The access checker: "can this principal do that on this resource?", answered offline from the
 * policies that apply, for one action or every request a job makes.
 */
export { checkAccess, lineOf, namesResources, policyFile, type AccessRequests, type AccessResult, type DecidingStatement, type PolicyFile } from './checkAccess';
export { isLiteral, jobRequests, jobTargetProblem, questionRequests, type JobRequest, type JobTarget } from './jobs';
export { parseAccessTestFile, runAccessTest, type AccessTest, type AccessTestFile, type AccessTestOutcome, type AccessTestProblem } from './accessTests';
export { missingFixes, type MissingFix } from './missing';
