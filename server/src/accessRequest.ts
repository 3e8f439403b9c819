import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE } from '../../common/src/commands';
import type { CheckAccessParams, CheckAccessResult, RunAccessTestsParams } from '../../common/src/protocol';
import { checkAccess, jobRequests, jobTargetProblem, missingFixes, parseAccessTestFile, runAccessTest, type JobRequest, type PolicyFile } from './service/access';
import { resourceCoverage } from './service/evaluation';
import type { PolicyModel } from './service';

/**
 * The access question of the editor's Check Access: the policies come as the client read them
 * (the server reads no files), and the answers name them by URI.
 */
export function answerAccess(params: CheckAccessParams, parse: (text: string) => PolicyModel): CheckAccessResult {
  const problems: string[] = [];
  const load = (sources: CheckAccessParams['identityPolicies']): PolicyFile[] =>
    sources.flatMap(({ uri, text }) => {
      const model = parse(text);
      if (model.syntaxErrors.length > 0 || !model.isPolicy) {
        problems.push(`${uri} is not a readable IAM policy; it was left out.`);
        return [];
      }
      return [{ file: uri, model }];
    });
  let requests: JobRequest[];
  if (params.job) {
    const target = { stream: params.resource, table: params.table, consumer: params.consumer, kclVersion: params.kclVersion };
    const problem = jobTargetProblem(params.job, target);
    if (problem) return { answers: [], problems: [problem], fixes: [] };
    requests = jobRequests(params.job, target);
  } else {
    requests = (params.actions ?? []).map((action) => ({ action, resource: params.resource, literal: !/[*?]/.test(params.resource) || params.resource === '*' }));
  }
  const identity = load(params.identityPolicies);
  // A resource policy counts for the resources its statements name: one for `stream/orders` says
  // nothing of `stream/orders-archive`, whose name merely starts the same.
  const resource = load(params.resourcePolicies).filter((policy) => names(policy, requests));
  const results = checkAccess(identity, resource, { requests, principal: params.principal, context: params.context });
  return {
    answers: results.map(({ statements, ...rest }) => ({ ...rest, statements: statements.map(({ file, ...s }) => ({ uri: file, ...s })) })),
    problems,
    fixes: missingFixes(results, identity, resource, params.principal).map(({ file, ...fix }) => ({ uri: file, ...fix })),
  };
}

/**
 * Runs an access-test file for the editor: what keeps it from being read, each policy file it
 * cannot use, and each failing test, as diagnostics on the test file.
 */
export function runAccessTestsFor(params: RunAccessTestsParams, parse: (text: string) => PolicyModel): { diagnostics: Diagnostic[]; passed: number; failed: number } {
  const document = TextDocument.create(params.uri, 'json', 0, params.text);
  const range = (offset: number, length: number) => ({ start: document.positionAt(offset), end: document.positionAt(offset + length) });
  const diagnostic = (offset: number, length: number, message: string, code = 'access-test/invalid'): Diagnostic => ({
    range: range(offset, length),
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code,
    message,
  });
  const { file, problems } = parseAccessTestFile(params.text);
  const diagnostics = problems.map((p) => diagnostic(p.offset, p.length, p.message));
  if (!file) return { diagnostics, passed: 0, failed: 0 };
  const load = (path: string): PolicyFile => {
    const text = params.policies[path];
    if (text === undefined) throw new Error(`cannot read the policy file ${path}`);
    const model = parse(text);
    if (model.syntaxErrors.length > 0 || !model.isPolicy) throw new Error(`${path} is not a readable IAM policy`);
    return { file: path, model };
  };
  let passed = 0;
  let failed = 0;
  for (const test of file.tests) {
    const { offset, length } = test.label;
    try {
      const outcome = runAccessTest(file, test, load);
      if (outcome.passed) {
        passed++;
        continue;
      }
      failed++;
      const wrong = outcome.results.filter((r) => (test.expect === 'allowed' ? r.decision !== 'allowed' : true));
      const said = wrong
        .slice(0, 5)
        .map((r) => `${r.action} on ${r.resource}: ${r.decision}`)
        .join('; ');
      diagnostics.push(diagnostic(offset, length, `"${test.name}" expects ${test.expect}, but ${said}${wrong.length > 5 ? `; and ${wrong.length - 5} more` : ''}.`, 'access-test/failed'));
    } catch (error) {
      failed++;
      diagnostics.push(diagnostic(offset, length, `"${test.name}": ${(error as Error).message}.`));
    }
  }
  return { diagnostics, passed, failed };
}

/** Whether some statement of a resource policy names a resource the requests are on. */
function names(policy: PolicyFile, requests: readonly JobRequest[]): boolean {
  return policy.model.statements.some(
    (statement) =>
      statement.notResource !== undefined ||
      (statement.resource?.values ?? []).some((pattern) => requests.some((r) => resourceCoverage(pattern.value, r.resource, r.literal) !== 'none')),
  );
}
