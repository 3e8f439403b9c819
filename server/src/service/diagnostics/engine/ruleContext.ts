import type { Node } from 'jsonc-parser';
import { describedFitsTypes, variablesAsGlob } from '../../catalog/arnPatterns';
import { parseArn, type ArnParts } from '../../catalog/arn';
import type { IamCatalog } from '../../catalog/iamCatalog';
import type { ActionInfo, ResourceTypeInfo } from '../../catalog/serviceEntry';
import { hasWildcard } from '../../catalog/wildcard';
import type { ListElement, PolicyModel, PolicyString, StatementModel } from '../../policy/policyModel';
import { grantSiteIn, PolicyAccess } from '../helpers/access';
import type { CompiledStatements } from '../../evaluation';
import { measureStatements, modelSize, type PolicySize, type StatementSizes } from '../helpers/size';
import type { PolicyKind } from './policyKind';
import type { DiagnosticSettings } from './settings';

/** An `Action` entry with the catalog actions it stands for. */
export interface ResolvedAction {
  value: PolicyString;
  wildcard: boolean;
  /** Whether it covers any action: false for unknown actions and wildcards that match nothing. */
  known: boolean;
  /**
   * The actions it covers; empty for unknown actions and wildcards that match nothing. Worked out
   * when first read: `*` covers every action of every service, which a rule that only asks
   * `known` never loads. Shared: do not change it.
   */
  readonly actions: readonly ActionInfo[];
}

/** A `Resource` entry with its ARN fields and the resource type it names. */
export interface ResolvedResource {
  value: PolicyString;
  /**
   * The entry as an IAM wildcard pattern: a policy variable (`${aws:username}`) or a template's
   * value (`${AWS::Region}`) stands for text not known here (see `variablesAsGlob`); the known
   * parts still decide.
   */
  pattern: string;
  /** Whether the pattern has wildcards or variables: then it may name resources of several types. */
  wildcard: boolean;
  /** The ARN's fields; undefined when the entry is not an ARN: `*`, a typo. */
  arn: ArnParts | undefined;
}

/**
 * What rule contexts remember of each statement from one validation to the next: a statement's
 * model is never changed (an edit makes a new one), and catalog data does not change, so what is
 * worked out from a statement holds for as long as its model lives. Owned by one language
 * service (see `createValidationMemory`), never shared between services.
 */
export interface StatementMemory {
  actions: WeakMap<StatementModel, ResolvedAction[]>;
  resources: WeakMap<StatementModel, ResolvedResource[]>;
  sizes: StatementSizes;
  /** Each statement compiled for the evaluation core. */
  compiled: CompiledStatements;
  /** What rules worked out from one statement alone, by the rule's key (see `statementMemo`). */
  derived: WeakMap<StatementModel, Map<string, unknown>>;
}

/** What every rule reads: the policy, the catalog, the settings, and work shared between rules. */
export class RuleContext {
  /** Policies repeat their actions: each distinct spelling is looked up once per validation. */
  private readonly actionsByText = new Map<string, readonly ActionInfo[]>();
  private policyAccess: PolicyAccess | undefined;
  private readonly memos = new Map<object, Map<string, unknown>>();

  constructor(
    readonly model: PolicyModel,
    readonly catalog: IamCatalog,
    readonly settings: DiagnosticSettings,
    readonly kind: PolicyKind,
    private readonly memory: StatementMemory,
  ) {}

  /** The statement's `Action` entries resolved against the catalog, once per statement. */
  actionsOf(statement: StatementModel): readonly ResolvedAction[] {
    return resolveOnce(this.memory.actions, statement, statement.action, (value) => {
      const wildcard = hasWildcard(value.value);
      if (!wildcard) {
        const actions = this.actionsNamed(value.value);
        return { value, wildcard, known: actions.length > 0, actions };
      }
      let actions: readonly ActionInfo[] | undefined;
      const named = (text: string) => this.actionsNamed(text);
      return {
        value,
        wildcard,
        known: this.catalog.matchesAnyAction(value.value),
        get actions() {
          actions ??= named(value.value);
          return actions;
        },
      };
    });
  }

  /** The statement's `Resource` entries with their ARNs parsed, once per statement. */
  resourcesOf(statement: StatementModel): readonly ResolvedResource[] {
    return resolveOnce(this.memory.resources, statement, statement.resource, (value) => {
      const pattern = variablesAsGlob(value.value);
      // A variable makes it a pattern, whichever wildcard stands for it.
      return { value, pattern, wildcard: pattern !== value.value || hasWildcard(pattern), arn: parseArn(value.value) };
    });
  }

  /** The resource type a plain ARN names; the catalog describes each distinct ARN once. */
  resourceTypeOf(resource: ResolvedResource): ResourceTypeInfo | undefined {
    return resource.arn && !resource.wildcard ? this.catalog.describeArn(resource.value.value)?.resourceType : undefined;
  }

  /** Whether a resource entry can name a resource of one of the given types (see `resourceFitsTypes`). */
  fits(resource: ResolvedResource, types: readonly ResourceTypeInfo[]): boolean {
    const { pattern } = resource;
    return pattern === '*' || describedFitsTypes(pattern, resource.wildcard ? undefined : this.resourceTypeOf(resource), types);
  }

  /**
   * What `compute` works out from the statement alone (its text, the catalog), kept with the
   * statement's model across validations; `key` names the question and must say all it depends on.
   */
  statementMemo<V>(statement: StatementModel, key: string, compute: () => V): V {
    let map = this.memory.derived.get(statement);
    if (!map) {
      map = new Map();
      this.memory.derived.set(statement, map);
    }
    if (map.has(key)) return map.get(key) as V;
    const value = compute();
    map.set(key, value);
    return value;
  }

  /** A map that lives as long as this validation, for a rule's own memo; `owner` keeps the rules' maps apart. */
  memo<V>(owner: object): Map<string, V> {
    let map = this.memos.get(owner);
    if (!map) {
      map = new Map<string, unknown>();
      this.memos.set(owner, map);
    }
    return map as Map<string, V>;
  }

  /** The policy's size as AWS counts it, measuring again only the statements an edit made anew. */
  get size(): PolicySize {
    return modelSize(this.model, this.memory.sizes);
  }

  /** Measures the statements `size` will read, in steps (see `measureStatements`). */
  measureSteps(): Generator<void, void, void> {
    return measureStatements(this.model, this.memory.sizes);
  }

  /** What the policy grants, as the evaluation core decides it (identity policies). */
  get access(): PolicyAccess {
    this.policyAccess ??= new PolicyAccess(this.model, this.memory.compiled);
    return this.policyAccess;
  }

  /** Where a grant of `action` is written: in the first Allow statement that takes it. */
  grantSite(action: string): Node | undefined {
    const statement = this.access.allowsOf(action)[0];
    return statement && grantSiteIn(statement, action);
  }

  private actionsNamed(text: string): readonly ActionInfo[] {
    let actions = this.actionsByText.get(text);
    if (!actions) {
      if (hasWildcard(text)) actions = this.catalog.matchActions(text);
      else {
        const action = this.catalog.action(text);
        actions = action ? [action] : [];
      }
      this.actionsByText.set(text, actions);
    }
    return actions;
  }
}

/** An element's entries resolved one by one, remembered with the statement; a list of its exact size. */
function resolveOnce<T>(memory: WeakMap<StatementModel, T[]>, statement: StatementModel, element: ListElement | undefined, resolve: (value: PolicyString) => T): T[] {
  let list = memory.get(statement);
  if (!list) {
    const values = element?.values ?? [];
    list = new Array<T>(values.length);
    for (let i = 0; i < values.length; i++) list[i] = resolve(values[i]);
    memory.set(statement, list);
  }
  return list;
}
