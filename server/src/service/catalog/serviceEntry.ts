import type { ActionData, ConditionKeyData, ResourceTypeData, ServiceData } from './catalogData';
import { compileArnTemplate, type ArnTemplate } from './arn';

/** An action with the service it belongs to. */
export interface ActionInfo extends ActionData {
  service: ServiceEntry;
  /** `kinesis:GetRecords`: the service prefix and AWS's spelling of the name. */
  qualifiedName: string;
}

export interface ResourceTypeInfo extends ResourceTypeData {
  service: ServiceEntry;
  template: ArnTemplate;
}

/** One service's data with the indexes that lookups need, built once when the service loads. */
export class ServiceEntry {
  readonly prefix: string;
  readonly name: string;
  readonly reference: string;
  readonly actions: readonly ActionInfo[];
  readonly resourceTypes: readonly ResourceTypeInfo[];
  readonly conditionKeys: readonly ConditionKeyData[];
  private readonly actionsByName = new Map<string, ActionInfo>();
  private readonly resourceTypesByName = new Map<string, ResourceTypeInfo>();
  private readonly conditionKeysByName = new Map<string, ConditionKeyData>();
  /** Each action's resource types, worked out when first asked for. */
  private readonly resourceTypesByAction = new Map<ActionInfo, readonly ResourceTypeInfo[]>();
  /** Resource types by the literal start of their resource part (`stream/`, `table/`), for ARN matching. */
  private readonly resourceTypesByLead: { lead: string; type: ResourceTypeInfo }[] = [];

  constructor(data: ServiceData) {
    this.prefix = data.prefix;
    this.name = data.name;
    this.reference = data.reference;
    // In the order of their names: the data is written sorted (scripts/build-data.mjs).
    this.actions = data.actions.map((a) => ({ ...a, service: this, qualifiedName: `${data.prefix}:${a.name}` }));
    this.resourceTypes = data.resourceTypes.map((r) => ({ ...r, service: this, template: compileArnTemplate(r.arn) }));
    this.conditionKeys = data.conditionKeys;
    for (const a of this.actions) this.actionsByName.set(a.name.toLowerCase(), a);
    for (const r of this.resourceTypes) this.resourceTypesByName.set(r.name.toLowerCase(), r);
    for (const r of this.resourceTypes) this.resourceTypesByLead.push({ lead: resourceLead(r.arn), type: r });
    for (const k of this.conditionKeys) this.conditionKeysByName.set(k.name.toLowerCase(), k);
  }

  action(name: string): ActionInfo | undefined {
    return this.actionsByName.get(name.toLowerCase());
  }

  /** The resource types whose template could fit an ARN with this resource part. */
  resourceTypesFor(resource: string): ResourceTypeInfo[] {
    return this.resourceTypesByLead.filter(({ lead }) => resource.startsWith(lead)).map(({ type }) => type);
  }

  resourceType(name: string): ResourceTypeInfo | undefined {
    return this.resourceTypesByName.get(name.toLowerCase());
  }

  /** The resource types one of this service's actions applies to. */
  resourceTypesOf(action: ActionInfo): readonly ResourceTypeInfo[] {
    let types = this.resourceTypesByAction.get(action);
    if (!types) {
      types = (action.resourceTypes ?? []).map((t) => this.resourceType(t.name)).filter((t): t is ResourceTypeInfo => t !== undefined);
      this.resourceTypesByAction.set(action, types);
    }
    return types;
  }

  /** A condition key by its exact (case-insensitive) name, template placeholders included. */
  conditionKey(name: string): ConditionKeyData | undefined {
    return this.conditionKeysByName.get(name.toLowerCase());
  }
}

/** The literal text a template's resource part starts with: `stream/` of `arn:...:stream/${StreamName}`. */
function resourceLead(template: string): string {
  const resource = template.split(':').slice(5).join(':');
  const dollar = resource.indexOf('${');
  return dollar < 0 ? resource : resource.slice(0, dollar);
}
