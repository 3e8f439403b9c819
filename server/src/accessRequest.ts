import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { currentLanguage } from './service/l10n';
import { DIAGNOSTIC_SOURCE } from '../../common/src/commands';
import type { CheckAccessParams, CheckAccessResult, RunAccessTestsParams } from '../../common/src/protocol';
import { checkAccess, missingFixes, namesResources, parseAccessTestFile, policyFile, questionRequests, runAccessTest, type PolicyFile } from './service/access';

/**
 * The access question of the editor's Check Access: the policies come as the client read them
 * (the server reads no files), and the answers name them by URI.
 */
export function answerAccess(params: CheckAccessParams): CheckAccessResult {
  const problems: string[] = [];
  const load = (sources: CheckAccessParams['identityPolicies']): PolicyFile[] =>
    sources.flatMap(({ uri, text }) => {
      const policy = policyFile(uri, text);
      if (typeof policy !== 'string') return [policy];
      problems.push(l10n.t('{0}; it was left out.', policy));
      return [];
    });
  const requests = questionRequests(params);
  if (typeof requests === 'string') return { answers: [], problems: [requests], fixes: [] };
  const identity = load(params.identityPolicies);
  // A resource policy counts for the resources its statements name: one for `stream/orders` says
  // nothing of `stream/orders-archive`, whose name merely starts the same.
  const resource = load(params.resourcePolicies).filter((policy) => namesResources(policy, requests));
  const results = checkAccess(identity, resource, { requests, principal: params.principal, context: params.context });
  return {
    answers: results,
    problems,
    fixes: missingFixes(results, identity, resource, params.principal).map(({ file, ...fix }) => ({ uri: file, ...fix })),
  };
}

/**
 * Runs an access-test file for the editor: what keeps it from being read, each policy file it
 * cannot use, and each failing test, as diagnostics on the test file.
 */
export function runAccessTestsFor(params: RunAccessTestsParams): { diagnostics: Diagnostic[]; passed: number; failed: number } {
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
    if (text === undefined) throw new Error(l10n.t('cannot read the policy file {0}', path));
    const policy = policyFile(path, text);
    if (typeof policy === 'string') throw new Error(policy);
    return policy;
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
        .map((r) => l10n.t('{0} on {1}: {2}', r.action, r.resource, r.decision))
        .join(currentLanguage() === 'zh-cn' ? '；' : '; ');
      const message =
        wrong.length > 5
          ? l10n.t('"{0}" expects {1}, but {2}; and {3} more.', test.name, test.expect, said, wrong.length - 5)
          : l10n.t('"{0}" expects {1}, but {2}.', test.name, test.expect, said);
      diagnostics.push(diagnostic(offset, length, message, 'access-test/failed'));
    } catch (error) {
      failed++;
      diagnostics.push(diagnostic(offset, length, l10n.t('"{0}": {1}.', test.name, (error as Error).message)));
    }
  }
  return { diagnostics, passed, failed };
}
