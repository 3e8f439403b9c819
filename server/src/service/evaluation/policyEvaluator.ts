import { hasWildcard } from '../catalog/wildcard';
import type { PolicyModel, StatementModel } from '../policy/policyModel';
import type { Coverage } from './patterns';
import { namesOnlyTheAccount, type RequestPrincipal } from './principals';
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
  /** In a resource policy, a statement that names the requester only through its account: the account's identity policies must allow too. */
  delegated?: boolean;
}

/** Compiled statements, kept with their models; a language service keeps one for all its documents. */
export type CompiledStatements = WeakMap<StatementModel, CompiledStatement | null>;

/**
 * One policy, indexed for many questions: its Allow and its Deny statements, each by the exact
 * resources they name and by the exact actions they list, so that a question about one action on
 * one stream reads the few statements that can answer it, not every statement of a large policy.
 */
export class PolicyEvaluator {
  private readonly allows = new StatementIndex();
  private readonly denies = new StatementIndex();

  constructor(
    readonly policy: EvaluatedPolicy,
    private readonly memory: CompiledStatements = new WeakMap(),
  ) {
    for (const statement of policy.model.statements) {
      const entry = this.compiled(statement);
      if (entry) (entry.effect === 'Allow' ? this.allows : this.denies).add(entry);
    }
  }

  /** Whether the policy has a Deny statement at all: without one, nothing it allows is taken away. */
  get hasDeny(): boolean {
    return this.denies.size > 0;
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

  /** How surely some statement of one effect applies to a request with no principal: `all`, `some` or `none`. */
  widest(action: string, resource: string, literal: boolean, effect: 'Allow' | 'Deny'): Coverage {
    const index = effect === 'Allow' ? this.allows : this.denies;
    if (index.size === 0) return 'none';
    const request = { action, resource, principal: undefined, literal, checkPrincipal: this.policy.kind === 'resource' };
    let widest: Coverage = 'none';
    for (const compiled of index.candidates(action, resource)) {
      const coverage = statementApplies(compiled, request);
      if (coverage === 'all') return coverage;
      if (coverage === 'some') widest = coverage;
    }
    return widest;
  }

  /** The statements that apply to a request (of one effect, if given), in document order. */
  matches(action: string, resource: string, principal: RequestPrincipal | undefined, literal = false, effect?: 'Allow' | 'Deny'): StatementMatch[] {
    const request = { action, resource, principal, literal, checkPrincipal: this.policy.kind === 'resource' };
    const candidates =
      effect === 'Allow'
        ? this.allows.candidates(action, resource)
        : effect === 'Deny'
          ? this.denies.candidates(action, resource)
          : inOrder(this.allows.candidates(action, resource), this.denies.candidates(action, resource));
    const result: StatementMatch[] = [];
    for (const compiled of candidates) {
      const coverage = statementApplies(compiled, request);
      if (coverage === 'none') continue;
      const element = compiled.statement.principal;
      const delegated = request.checkPrincipal && element !== undefined && namesOnlyTheAccount(element, principal);
      result.push({ policy: this.policy, statement: compiled.statement, effect: compiled.effect, coverage, ...(delegated ? { delegated } : {}) });
    }
    return result;
  }
}

/** Statements of one effect, by the exact resources and actions they name. */
class StatementIndex {
  /** Statements that name resources exactly, by resource. */
  private readonly byResource = new Map<string, CompiledStatement[]>();
  /** Statements that may cover any resource (a pattern, a variable, `NotResource` or none), by exact action. */
  private readonly broadByAction = new Map<string, CompiledStatement[]>();
  /** Of those, the ones whose actions are patterns or `NotAction`: they may take any action. */
  private readonly broadAnyAction: CompiledStatement[] = [];
  private readonly all: CompiledStatement[] = [];

  get size(): number {
    return this.all.length;
  }

  add(entry: CompiledStatement): void {
    this.all.push(entry);
    const resources = entry.negatedResources ? undefined : entry.resources;
    if (!resources || resources.some((r) => hasWildcard(r) || r.includes('${'))) {
      if (entry.negatedActions || entry.patterns.length > 0) this.broadAnyAction.push(entry);
      for (const name of entry.negatedActions ? [] : entry.names) push(this.broadByAction, name, entry);
      return;
    }
    for (const resource of resources) push(this.byResource, resource, entry);
  }

  /** The statements that may apply, in document order; `statementApplies` decides. */
  candidates(action: string, resource: string): readonly CompiledStatement[] {
    if (this.all.length === 0) return this.all;
    if (hasWildcard(resource) || resource.includes('${')) return this.all;
    const named = this.byResource.get(resource) ?? [];
    const broad = this.broadByAction.get(action.toLowerCase()) ?? [];
    if (broad.length === 0 && this.broadAnyAction.length === 0) return named;
    return inOrder(named, broad, this.broadAnyAction);
  }
}

/** Lists of statements merged into document order, each statement once. */
function inOrder(...lists: (readonly CompiledStatement[])[]): readonly CompiledStatement[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  return [...new Set(nonEmpty.flat())].sort((a, b) => a.statement.index - b.statement.index);
}

function push<K>(map: Map<K, CompiledStatement[]>, key: K, entry: CompiledStatement): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== entry) list.push(entry);
  } else map.set(key, [entry]);
}
