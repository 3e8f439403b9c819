import { hasWildcard } from '../catalog/wildcard';
import type { PolicyModel, StatementModel } from '../policy/policyModel';
import type { Coverage } from './patterns';
import type { RequestPrincipal } from './principals';
import { compileStatement, statementApplies, type CompiledStatement } from './statements';

/** A policy to evaluate: its model, whether it is attached to an identity or to a resource, and its name for answers. */
export interface EvaluatedPolicy {
  model: PolicyModel;
  kind: 'identity' | 'resource';
  /** How answers name the document, e.g. its URI or path. */
  source: string;
}

/** A statement that applies to a request: surely (`all`) or only perhaps (`some`). */
export interface StatementMatch {
  policy: EvaluatedPolicy;
  statement: StatementModel;
  effect: 'Allow' | 'Deny';
  coverage: Exclude<Coverage, 'none'>;
}

/** Compiled statements, kept with their models; a language service keeps one for all its documents. */
export type CompiledStatements = WeakMap<StatementModel, CompiledStatement | null>;

/**
 * One policy, indexed for many questions: its statements by the exact resources they name, so
 * that a question about one stream reads the statements that name that stream and the few that
 * name resources by pattern, not every statement of a large policy.
 */
export class PolicyEvaluator {
  private readonly byResource = new Map<string, CompiledStatement[]>();
  /** Statements with a pattern, a variable, `NotResource` or no resource: each may cover anything. */
  private readonly broad: CompiledStatement[] = [];
  private readonly all: CompiledStatement[] = [];

  constructor(
    readonly policy: EvaluatedPolicy,
    private readonly memory: CompiledStatements = new WeakMap(),
  ) {
    for (const statement of policy.model.statements) {
      const entry = this.compiled(statement);
      if (!entry) continue;
      this.all.push(entry);
      const resources = entry.negatedResources ? undefined : entry.resources;
      if (!resources || resources.some((r) => hasWildcard(r) || r.includes('${'))) {
        this.broad.push(entry);
        continue;
      }
      for (const resource of new Set(resources)) {
        const list = this.byResource.get(resource);
        if (list) list.push(entry);
        else this.byResource.set(resource, [entry]);
      }
    }
  }

  /** A statement of the policy compiled for evaluation; undefined for one IAM would reject. */
  compiled(statement: StatementModel): CompiledStatement | undefined {
    let entry = this.memory.get(statement);
    if (entry === undefined) {
      entry = compileStatement(statement) ?? null;
      this.memory.set(statement, entry);
    }
    return entry ?? undefined;
  }

  /** The statements that apply to a request, in document order. */
  matches(action: string, resource: string, principal: RequestPrincipal | undefined, literal = false): StatementMatch[] {
    const request = { action, resource, principal, literal, checkPrincipal: this.policy.kind === 'resource' };
    const result: StatementMatch[] = [];
    for (const compiled of this.candidates(resource)) {
      const coverage = statementApplies(compiled, request);
      if (coverage !== 'none') result.push({ policy: this.policy, statement: compiled.statement, effect: compiled.effect, coverage });
    }
    return result;
  }

  private candidates(resource: string): readonly CompiledStatement[] {
    if (hasWildcard(resource) || resource.includes('${')) return this.all;
    const named = this.byResource.get(resource);
    if (!named) return this.broad;
    return [...named, ...this.broad].sort((a, b) => a.statement.index - b.statement.index);
  }
}
