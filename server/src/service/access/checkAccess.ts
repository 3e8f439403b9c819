import { parseArn } from '../catalog/arn';
import { decideAccess, PolicyEvaluator, type Decision, type StatementMatch } from '../evaluation';
import type { RequestContext } from '../evaluation/conditions';
import type { PolicyModel } from '../policy/policyModel';
import type { JobRequest } from './jobs';

/** A policy file as the access checker reads it. */
export interface PolicyFile {
  /** How answers name it: a path, or a URI. */
  file: string;
  model: PolicyModel;
}

/** A statement that decided an answer, where a person finds it. */
export interface DecidingStatement {
  file: string;
  /** 1-based line of the statement's opening brace. */
  line: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Which policy it is in: the principal's or the resource's. */
  policy: 'identity' | 'resource';
  /** Whether it applies only under conditions, or to only some of what the request names. */
  conditional: boolean;
  /** For a statement that applies only perhaps, the conditions that decide: `Bool aws:SecureTransport: true`. */
  conditions?: string[];
}

export interface AccessResult {
  action: string;
  resource: string;
  decision: Decision;
  statements: DecidingStatement[];
  /** Whether the principal's account is not the resource's: then both halves must allow. */
  crossAccount: boolean;
  /** Actions that would have done instead of `action`, for a job's request with alternatives. */
  alternatives?: string[];
}

export interface AccessQuestion {
  requests: readonly JobRequest[];
  /** An account id or an IAM ARN; none: someone in the resource's own account. */
  principal?: string;
  context?: RequestContext;
}

/**
 * The answer to each request: allowed, explicitly denied, not allowed, or depending on what the
 * context leaves open, with the statements that decided it (see evaluation/decide.ts).
 */
export function checkAccess(identity: readonly PolicyFile[], resource: readonly PolicyFile[], question: AccessQuestion): AccessResult[] {
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

/** Which answer is better for the caller, best first. */
const RANK: Record<Decision, number> = { allowed: 0, conditional: 1, 'implicitly-denied': 2, 'explicitly-denied': 3 };

function describe(match: StatementMatch): DecidingStatement {
  const { statement, policy } = match;
  const before = policy.model.text.slice(0, statement.node.offset);
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  const conditional = match.coverage !== 'all';
  const conditions = conditional
    ? (statement.condition?.clauses ?? []).flatMap((clause) =>
        clause.keys.map((k) => `${clause.operator.value} ${k.key.value}: ${[...k.values.map((v) => v.value), ...k.scalars.map((n) => String(n.value))].join(' or ')}`),
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
