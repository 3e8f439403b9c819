import * as l10n from '@vscode/l10n';
import { alternatives } from '../l10n';
import { parseArn } from '../catalog/arn';
import type { AccessResult, DecidingStatement, Decision } from '../../../../common/src/access';
import { decideAccess, PolicyEvaluator, resourceCoverage, type StatementMatch } from '../evaluation';
import type { RequestContext } from '../evaluation/conditions';
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyModel } from '../policy/policyModel';
import type { JobRequest } from './jobs';

export type { AccessResult, DecidingStatement };

/** A policy file as the access checker reads it. */
export interface PolicyFile {
  /** How answers name it: a path, or a URI. */
  file: string;
  model: PolicyModel;
}

/** A policy file's model, or why it cannot be one: not JSON, or not an IAM policy. */
export function policyFile(file: string, text: string): PolicyFile | string {
  const model = parsePolicy(text);
  if (model.syntaxErrors.length > 0) return l10n.t('{0} is not valid JSON', file);
  if (!model.isPolicy) return l10n.t('{0} is not an IAM policy', file);
  return { file, model };
}

/**
 * Whether some statement of a resource policy names a resource the requests are on (a statement
 * with `NotResource` names all but a few): only then does IAM evaluate it for them.
 */
export function namesResources(policy: PolicyFile, requests: readonly JobRequest[]): boolean {
  return policy.model.statements.some(
    (statement) =>
      statement.notResource !== undefined ||
      (statement.resource?.values ?? []).some((pattern) => requests.some((r) => resourceCoverage(pattern.value, r.resource, r.literal) !== 'none')),
  );
}

/** The requests to answer, and who asks them in which context. */
export interface AccessRequests {
  requests: readonly JobRequest[];
  /** An account id or an IAM ARN; none: someone in the resource's own account. */
  principal?: string;
  context?: RequestContext;
}

/**
 * The answer to each request: allowed, explicitly denied, not allowed, or depending on what the
 * context leaves open, with the statements that decided it (see evaluation/decide.ts).
 */
export function checkAccess(identity: readonly PolicyFile[], resource: readonly PolicyFile[], question: AccessRequests): AccessResult[] {
  const evaluators = (files: readonly PolicyFile[], kind: 'identity' | 'resource') =>
    files.map((f) => new PolicyEvaluator({ model: f.model, kind, source: f.file }));
  const identityEvaluators = evaluators(identity, 'identity');
  const resourceEvaluators = evaluators(resource, 'resource');
  return question.requests.map((request) => {
    // Without a principal, someone in the resource's own account asks: a resource policy naming
    // only other accounts does not speak for them.
    const principal = question.principal ?? ownAccount(request.resource);
    // What the principal and the resource say of the request, unless the context says otherwise.
    const context = { ...knownKeys(principal, request.resource), ...question.context };
    // Of actions that do the same job, the one the policies allow best answers.
    const answers = [request.action, ...(request.alternatives ?? [])].map((action) => ({
      action,
      answer: decideAccess(identityEvaluators, resourceEvaluators, {
        action,
        resource: request.resource,
        literal: request.literal,
        principal,
        context,
      }),
    }));
    const { action, answer } = answers.reduce((best, next) => (RANK[next.answer.decision] < RANK[best.answer.decision] ? next : best));
    return {
      action,
      resource: request.resource,
      decision: answer.decision,
      statements: answer.statements.map(describe),
      crossAccount: answer.crossAccount,
      ...(request.alternatives ? { alternatives: [request.action, ...request.alternatives].filter((a) => a !== action) } : {}),
    };
  });
}

/**
 * The global keys a request's principal and resource settle (IAM User Guide, "AWS global condition
 * context keys"): `aws:PrincipalAccount`, `aws:PrincipalArn` (for an IAM user or role, not for a
 * session, whose role's path the session ARN does not say), `aws:ResourceAccount`,
 * `aws:RequestedRegion` (where the resource's ARN names a region).
 */
function knownKeys(principal: string | undefined, resource: string): Record<string, string> {
  const keys: Record<string, string> = {};
  const account = principal && /^\d{12}$/.test(principal) ? principal : principal ? parseArn(principal)?.account : undefined;
  if (account && /^\d{12}$/.test(account)) keys['aws:PrincipalAccount'] = account;
  const arn = principal ? parseArn(principal) : undefined;
  if (arn?.service === 'iam' && /^(?:role|user)\//.test(arn.resource) && principal) keys['aws:PrincipalArn'] = principal;
  const target = parseArn(resource);
  if (target && /^\d{12}$/.test(target.account)) keys['aws:ResourceAccount'] = target.account;
  if (target && /^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(target.region)) keys['aws:RequestedRegion'] = target.region;
  return keys;
}

function ownAccount(resource: string): string | undefined {
  const account = parseArn(resource)?.account;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** The 1-based line of an offset of a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Which answer is better for the caller, best first. */
const RANK: Record<Decision, number> = { allowed: 0, conditional: 1, 'implicitly-denied': 2, 'explicitly-denied': 3 };

function describe(match: StatementMatch): DecidingStatement {
  const { statement, policy } = match;
  const line = lineOf(policy.model.text, statement.node.offset);
  const conditional = match.coverage !== 'all';
  const conditions = conditional
    ? (statement.condition?.clauses ?? []).flatMap((clause) =>
        clause.keys.map((k) => `${clause.operator.value} ${k.key.value}: ${alternatives([...k.values.map((v) => v.value), ...k.scalars.map((n) => String(n.value))])}`),
      )
    : [];
  return {
    file: policy.source,
    line,
    ...(statement.sid ? { sid: statement.sid.value } : {}),
    effect: match.effect,
    policy: policy.kind,
    conditional,
    ...(conditions.length > 0 ? { conditions } : {}),
  };
}

