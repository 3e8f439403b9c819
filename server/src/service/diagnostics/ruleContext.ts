import type { Node } from 'jsonc-parser';
import type { IamCatalog } from '../catalog/iamCatalog';
import type { ActionInfo } from '../catalog/serviceEntry';
import { hasWildcard, wildcardMatcher } from '../catalog/wildcard';
import type { PolicyModel, PolicyString, StatementModel } from '../policy/policyModel';
import { PermissionIndex } from './permissions';
import type { PolicyKind, RuleFinding } from './rule';
import type { DiagnosticSettings } from './settings';

/** An `Action` entry with the catalog actions it stands for. */
export interface ResolvedAction {
  value: PolicyString;
  wildcard: boolean;
  /** Empty for unknown actions and for wildcards that match nothing. */
  actions: ActionInfo[];
}

/** What every rule reads: the policy, the catalog, the settings, and work shared between rules. */
export class RuleContext {
  private readonly resolved = new Map<StatementModel, ResolvedAction[]>();
  private permissionIndex: PermissionIndex | undefined;

  constructor(
    readonly model: PolicyModel,
    readonly catalog: IamCatalog,
    readonly settings: DiagnosticSettings,
    readonly kind: PolicyKind,
  ) {}

  /** The statement's `Action` entries resolved against the catalog, once per statement. */
  actionsOf(statement: StatementModel): ResolvedAction[] {
    let list = this.resolved.get(statement);
    if (!list) {
      list = (statement.action?.values ?? []).map((value) => {
        const wildcard = hasWildcard(value.value);
        const actions = wildcard ? this.catalog.matchActions(value.value) : [this.catalog.action(value.value)].filter((a) => a !== undefined);
        return { value, wildcard, actions };
      });
      this.resolved.set(statement, list);
    }
    return list;
  }

  get permissions(): PermissionIndex {
    this.permissionIndex ??= new PermissionIndex(this.model);
    return this.permissionIndex;
  }

  /** Where a grant of `action` is written: the first matching `Action` entry, or the `NotAction` key. */
  grantSite(action: string): Node | undefined {
    const statement = this.permissions.grantsOf(action)[0];
    if (!statement) return undefined;
    const entry = statement.action?.values.find((v) => wildcardMatcher(v.value)(action));
    return entry?.node ?? statement.notAction?.property.children?.[0];
  }
}

/** A finding on a node's whole text: a string with its quotes, a property, an object. */
export function at(node: Node, message: string, extra: Omit<RuleFinding, 'offset' | 'length' | 'message'> = {}): RuleFinding {
  return { offset: node.offset, length: node.length, message, ...extra };
}
