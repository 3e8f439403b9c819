import * as l10n from '@vscode/l10n';
import type { AccessJob, KclVersion } from './choices';

/**
 * An access question and its answers, as the language service computes them, the editor shows
 * them and the command line prints them: declared once for all three.
 */

/** What is known of a request's context: a key's value or values, or `null` for a key it lacks. */
export type ContextValues = Readonly<Record<string, string | readonly string[] | null>>;

/** Who does what on which resource: some actions, or every request of a job. */
export interface AccessQuestion {
  /** A role, user or assumed-role ARN, or an account id; none: someone in the resource's own account. */
  principal?: string;
  actions?: string[];
  job?: AccessJob;
  kclVersion?: KclVersion;
  /** The resource; for a job, the stream. */
  resource: string;
  /** The KCL lease table's ARN, for the kcl-consumer job. */
  table?: string;
  /** The enhanced fan-out consumer: its ARN, `name:timestamp`, or its name. */
  consumer?: string;
  context?: ContextValues;
}

export type Decision = 'allowed' | 'explicitly-denied' | 'implicitly-denied' | 'conditional';

/** A statement that decided an answer, where a person finds it. */
export interface DecidingStatement {
  /** The policy's path (command line) or URI (editor). */
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

/** The answer to one request. */
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

/**
 * `KEY=VALUE` pairs as a request context; a key given twice has both values, as a multivalued
 * key does in a request. A string saying what is wrong for a pair that is not one.
 */
export function contextFromPairs(pairs: readonly string[]): Record<string, string | string[]> | string {
  const context: Record<string, string | string[]> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) return l10n.t('a request context value is KEY=VALUE, such as aws:SecureTransport=true, not "{0}".', pair);
    const key = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    const before = context[key];
    context[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return context;
}
