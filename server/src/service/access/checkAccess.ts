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
    // Of actions that do the same job, the one the policies allow best answers.
    const answers = [request.action, ...(request.alternatives ?? [])].map((action) => ({
      action,
      answer: decideAccess(identityEvaluators, resourceEvaluators, {
        action,
        resource: request.resource,
        literal: request.literal,
        principal,
        context: question.context,
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
