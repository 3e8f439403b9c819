/**
 * The access checker: "can this principal do that on this resource?", answered offline from the
 * policies that apply, for one action or every request a job makes.
 */
export { checkAccess, type AccessQuestion, type AccessResult, type DecidingStatement, type PolicyFile } from './checkAccess';
export { jobRequests, jobTargetProblem, type JobRequest, type JobTarget } from './jobs';
export { parseAccessTestFile, runAccessTest, testRequests, type AccessTest, type AccessTestFile, type AccessTestOutcome, type AccessTestProblem } from './accessTests';
export { missingFixes, type MissingFix } from './missing';
