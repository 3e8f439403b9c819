import type { CheckAccessParams, CheckAccessResult } from '../../common/src/protocol';
import { checkAccess, jobRequests, jobTargetProblem, type PolicyFile } from './service/access';
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
  let requests;
  if (params.job) {
    const target = { stream: params.resource, table: params.table, consumer: params.consumer, kclVersion: params.kclVersion };
    const problem = jobTargetProblem(params.job, target);
    if (problem) return { answers: [], problems: [problem] };
    requests = jobRequests(params.job, target);
  } else {
    requests = (params.actions ?? []).map((action) => ({ action, resource: params.resource, literal: !/[*?]/.test(params.resource) || params.resource === '*' }));
  }
  const results = checkAccess(load(params.identityPolicies), load(params.resourcePolicies), {
    requests,
    principal: params.principal,
    context: params.context,
  });
  return {
    answers: results.map(({ statements, ...rest }) => ({ ...rest, statements: statements.map(({ file, ...s }) => ({ uri: file, ...s })) })),
    problems,
  };
}
