import type { PolicyModel, StatementModel } from '../policy/policyModel';
import type { Coverage } from './patterns';
import { namesOnlyTheAccount, type RequestPrincipal } from './principals';
import { compileStatement, statementApplies, type CompiledStatement } from './statements';
import type { RequestContext } from './conditions';

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
  matches(
    action: string,
    resource: string,
    principal: RequestPrincipal | undefined,
    literal = false,
    effect?: 'Allow' | 'Deny',
    context?: RequestContext,
  ): StatementMatch[] {
    const request = { action, resource, principal, literal, checkPrincipal: this.policy.kind === 'resource', context };
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

/**
 * Statements of one effect, by what their resources begin with and by the actions they list. A
 * statement can cover part of a request's resources only where the literal start of one of its
 * patterns (up to the first `*`, `?` or variable) and the literal start of the request's are one
 * the other's prefix; and it can apply only if its actions take the request's. Questions about one
 * stream, or one family of streams, then read a handful of statements even among thousands.
 */
class StatementIndex {
  /** Statements under the literal start of each of their resource patterns (the whole ARN for a plain one). */
  private readonly byLead = new Map<string, ActionBucket>();
  /** The same leads, sorted, for the leads that begin with a request's lead. */
  private sortedLeads: string[] | undefined;
  /** The lengths the leads have: the prefixes of a request's lead worth looking up. */
  private leadLengths: number[] | undefined;
  /** Statements with `NotResource`, or no resource element: they may cover anything. */
  private readonly anywhere = new ActionBucket();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(entry: CompiledStatement): void {
    this.count++;
    this.sortedLeads = undefined;
    this.leadLengths = undefined;
    if (entry.negatedResources || !entry.resources) {
      this.anywhere.add(entry);
      return;
    }
    for (const resource of new Set(entry.resources.map(literalLead))) {
      let bucket = this.byLead.get(resource);
      if (!bucket) {
        bucket = new ActionBucket();
        this.byLead.set(resource, bucket);
      }
      bucket.add(entry);
    }
  }

  /** The statements that may apply, in document order; `statementApplies` decides. */
  candidates(action: string, resource: string): readonly CompiledStatement[] {
    if (this.count === 0) return [];
    const name = action.toLowerCase();
    const lead = literalLead(resource);
    const lists: (readonly CompiledStatement[])[] = [];
    this.anywhere.collect(name, lists);
    // Patterns whose lead is a prefix of the request's: `stream/*` for `stream/orders`.
    this.leadLengths ??= [...new Set([...this.byLead.keys()].map((k) => k.length))];
    for (const length of this.leadLengths) {
      if (length <= lead.length) this.byLead.get(length === lead.length ? lead : lead.slice(0, length))?.collect(name, lists);
    }
    // A request that is itself a pattern also meets the leads that go on from its own: `stream/o*` meets `stream/orders`.
    if (lead.length < resource.length) {
      this.sortedLeads ??= [...this.byLead.keys()].sort();
      const leads = this.sortedLeads;
      for (let i = lowerBound(leads, lead); i < leads.length && leads[i].startsWith(lead); i++) {
        if (leads[i].length > lead.length) this.byLead.get(leads[i])?.collect(name, lists);
      }
    }
    return inOrder(...lists);
  }
}

/** Statements by the exact actions they list, and those that may take any (patterns, `NotAction`). */
class ActionBucket {
  private readonly byAction = new Map<string, CompiledStatement[]>();
  private readonly anyAction: CompiledStatement[] = [];

  add(entry: CompiledStatement): void {
    if (entry.negatedActions || entry.patterns.length > 0) this.anyAction.push(entry);
    if (!entry.negatedActions) for (const name of entry.names) push(this.byAction, name, entry);
  }

  /** Adds the lists that may take the (lower-cased) action. */
  collect(name: string, lists: (readonly CompiledStatement[])[]): void {
    const named = this.byAction.get(name);
    if (named) lists.push(named);
    if (this.anyAction.length > 0) lists.push(this.anyAction);
  }
}

/** The text of a resource or pattern up to its first wildcard or policy variable. */
function literalLead(resource: string): string {
  let end = resource.length;
  for (const mark of ['*', '?', '${']) {
    const at = resource.indexOf(mark);
    if (at >= 0 && at < end) end = at;
  }
  return resource.slice(0, end);
}

/** The first index whose string is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < key) low = mid + 1;
    else high = mid;
  }
  return low;
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
