import type { CatalogIndexData, CatalogSource, ConditionKeyData, GlobalConditionKeyData } from './catalogData';
import { ServiceEntry, type ActionInfo, type ResourceTypeInfo } from './serviceEntry';
import { matchArnTemplate, parseArn, type ArnParts } from './arn';
import { hasWildcard, wildcardMatcher } from './wildcard';
import { documentString, Interned } from '../interned';

export const MAX_ARN_LENGTH = 2048;
const ARN_MEMO_SIZE = 20_000;

/** Services a Kinesis policy names most: loaded at start, every other one on first use. */
export const CORE_SERVICES = ['kinesis', 'dynamodb', 'cloudwatch', 'kms'] as const;

export interface ServiceSummary {
  prefix: string;
  name: string;
}

export interface ConditionKeyInfo {
  /** The key as the catalog spells it, placeholders included: `aws:ResourceTag/${TagKey}`. */
  name: string;
  type: string;
  description: string;
  /** The service that defines it; undefined for global `aws:` keys and cross-service keys. */
  service?: ServiceEntry;
  global: boolean;
  category?: string;
}

/** Whether a key of the catalog's type can hold several values in one request (`ArrayOfString`...). */
export function isMultivalued(type: string): boolean {
  return type.startsWith('ArrayOf');
}

export interface ArnInfo extends ArnParts {
  /** The resource type whose ARN template fits best, when one does. */
  resourceType?: ResourceTypeInfo;
  /** The template's placeholder values, e.g. `[['StreamName', 'orders'], ...]`. */
  variables: [string, string][];
}

/** The IAM reference data: every service's actions, resource types and condition keys. */
export class IamCatalog {
  readonly dataVersion: string;
  readonly dataDate: string;
  readonly dataPackage: string;
  private readonly summaries: readonly ServiceSummary[];
  private readonly prefixes = new Map<string, ServiceSummary>();
  private readonly loaded = new Map<string, ServiceEntry | undefined>();
  private readonly globalKeys: readonly ConditionKeyInfo[];
  private readonly globalKeysByName = new Map<string, ConditionKeyInfo>();
  private readonly arns = new Map<string, ArnInfo | undefined>();
  /** The remembered ARNs' partitions, services, regions and accounts: a few of each, named thousands of times. */
  private readonly arnFields = new Interned(1024);
  /** Each action's condition keys, worked out once: every check of a statement with conditions asks. */
  private readonly conditionKeysOfAction = new WeakMap<ActionInfo, readonly string[]>();

  constructor(
    private readonly source: CatalogSource,
    preload: readonly string[] = CORE_SERVICES,
  ) {
    const index: CatalogIndexData = source.readIndex();
    this.dataVersion = index.dataVersion;
    this.dataDate = index.dataDate;
    this.dataPackage = index.dataPackage;
    this.summaries = index.services.map(([prefix, name]) => ({ prefix, name }));
    for (const s of this.summaries) this.prefixes.set(s.prefix.toLowerCase(), s);
    this.globalKeys = index.globalConditionKeys.map(globalKeyInfo);
    for (const k of this.globalKeys) this.globalKeysByName.set(k.name.toLowerCase(), k);
    for (const prefix of preload) this.service(prefix);
  }

  services(): readonly ServiceSummary[] {
    return this.summaries;
  }

  hasService(prefix: string): boolean {
    return this.prefixes.has(prefix.toLowerCase());
  }

  /** A service's data, read from the source the first time it is asked for. */
  service(prefix: string): ServiceEntry | undefined {
    const key = prefix.toLowerCase();
    if (!this.loaded.has(key)) {
      const summary = this.prefixes.get(key);
      const data = summary ? this.source.readService(summary.prefix) : undefined;
      this.loaded.set(key, data ? new ServiceEntry(data) : undefined);
    }
    return this.loaded.get(key);
  }

  /** An action by its `service:Name`, case-insensitively; undefined for wildcards and unknowns. */
  action(qualifiedName: string): ActionInfo | undefined {
    const colon = qualifiedName.indexOf(':');
    if (colon < 0) return undefined;
    return this.service(qualifiedName.slice(0, colon))?.action(qualifiedName.slice(colon + 1));
  }

  /**
   * Whether an `Action` entry covers any action at all. Cheaper than `matchActions` for wildcards:
   * `*` covers some without a service being loaded, and a wildcard in the service part stops at
   * the first service with a match.
   */
  matchesAnyAction(pattern: string): boolean {
    if (pattern === '*') return this.summaries.length > 0;
    const colon = pattern.indexOf(':');
    if (colon < 0) return false;
    const servicePattern = pattern.slice(0, colon);
    const actionPattern = pattern.slice(colon + 1);
    const matches = wildcardMatcher(actionPattern);
    const prefixes = hasWildcard(servicePattern) ? this.summaries.map((s) => s.prefix).filter(wildcardMatcher(servicePattern)) : [servicePattern];
    for (const prefix of prefixes) {
      const service = this.service(prefix);
      if (!service) continue;
      if (hasWildcard(actionPattern) ? service.actions.some((a) => matches(a.name)) : service.action(actionPattern) !== undefined) return true;
    }
    return false;
  }

  /**
   * Every action an `Action` entry covers: `kinesis:Get*`, `kinesis:GetRecords`, `*`.
   * A wildcard in the service part loads the services it matches.
   */
  matchActions(pattern: string): ActionInfo[] {
    if (pattern === '*') return this.servicesMatching('*').flatMap((s) => [...s.actions]);
    const colon = pattern.indexOf(':');
    if (colon < 0) return [];
    const actionPattern = pattern.slice(colon + 1);
    const matches = wildcardMatcher(actionPattern);
    const result: ActionInfo[] = [];
    for (const service of this.servicesMatching(pattern.slice(0, colon))) {
      if (!hasWildcard(actionPattern)) {
        const action = service.action(actionPattern);
        if (action) result.push(action);
      } else {
        for (const action of service.actions) if (matches(action.name)) result.push(action);
      }
    }
    return result;
  }

  globalConditionKeys(): readonly ConditionKeyInfo[] {
    return this.globalKeys;
  }

  /**
   * A condition key as written in a policy (`kinesis:FisActionId`, `aws:ResourceTag/team`),
   * matched against the catalog's names and their `${Placeholder}` templates.
   */
  conditionKey(written: string): ConditionKeyInfo | undefined {
    const colon = written.indexOf(':');
    if (colon < 0) return undefined;
    const prefix = written.slice(0, colon).toLowerCase();
    const global = findKey(this.globalKeys, written, this.globalKeysByName);
    if (global) return global;
    const service = this.service(prefix);
    if (!service) return undefined;
    const data = service.conditionKey(written) ?? service.conditionKeys.find((k) => templateFits(k.name, written));
    return data ? serviceKeyInfo(data, service) : undefined;
  }

  /**
   * The condition keys a request for the action can carry, by the Service Authorization Reference:
   * the action's own and those of the resource types it takes (catalog spellings, lower-cased).
   */
  actionConditionKeys(action: ActionInfo): readonly string[] {
    let names = this.conditionKeysOfAction.get(action);
    if (!names) {
      names = [
        ...(action.conditionKeys ?? []),
        ...(action.resourceTypes ?? []).flatMap((t) => t.conditionKeys ?? []),
        ...action.service.resourceTypesOf(action).flatMap((t) => t.conditionKeys ?? []),
      ].map((n) => n.toLowerCase());
      this.conditionKeysOfAction.set(action, names);
    }
    return names;
  }

  /** Condition keys defined by a service, as the catalog spells them. */
  serviceConditionKey(service: ServiceEntry, name: string): ConditionKeyInfo | undefined {
    const global = this.globalKeysByName.get(name.toLowerCase());
    const data = service.conditionKey(name);
    if (data) return { ...serviceKeyInfo(data, service), global: global !== undefined, category: global?.category };
    return global;
  }

  /** An ARN's fields and the resource type it names. Policies repeat ARNs: answers are remembered. */
  describeArn(text: string): ArnInfo | undefined {
    // Longer than any ARN: described from its fields alone, which is cheap, and not remembered.
    if (text.length > MAX_ARN_LENGTH) return this.matchArn(text);
    let info = this.arns.get(text);
    if (info === undefined && !this.arns.has(text)) {
      // A string from a parsed document may be a slice of the whole text: remember a copy, the one the parse keeps.
      const own = documentString(text);
      info = this.matchArn(own);
      if (this.arns.size >= ARN_MEMO_SIZE) this.arns.clear();
      this.arns.set(own, info);
    }
    return info;
  }

  private matchArn(text: string): ArnInfo | undefined {
    const parsed = parseArn(text);
    if (!parsed) return undefined;
    const fields = this.arnFields;
    const parts = { ...parsed, partition: fields.of(parsed.partition), service: fields.of(parsed.service), region: fields.of(parsed.region), account: fields.of(parsed.account) };
    // AWS limits ARNs to 2,048 characters; longer text is not matched against the templates.
    if (text.length > MAX_ARN_LENGTH) return new DescribedArn(parts, text, undefined);
    const service = hasWildcard(parts.service) ? undefined : this.service(parts.service);
    let best: ResourceTypeInfo | undefined;
    for (const resourceType of service?.resourceTypesFor(parts.resource) ?? []) {
      if (!resourceType.template.regex.test(text)) continue;
      if (!best || resourceType.template.literalLength > best.template.literalLength) best = resourceType;
    }
    return new DescribedArn(parts, text, best);
  }

  private servicesMatching(pattern: string): ServiceEntry[] {
    if (!hasWildcard(pattern)) {
      const service = this.service(pattern);
      return service ? [service] : [];
    }
    const matches = wildcardMatcher(pattern);
    return this.summaries
      .filter((s) => matches(s.prefix))
      .map((s) => this.service(s.prefix))
      .filter((s): s is ServiceEntry => s !== undefined);
  }
}

/**
 * An ARN described: its fields and resource type, kept for every distinct ARN a policy names; the
 * template's placeholder values, which only hover shows, are read when asked for.
 */
class DescribedArn implements ArnInfo {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;

  constructor(
    parts: ArnParts,
    private readonly text: string,
    readonly resourceType: ResourceTypeInfo | undefined,
  ) {
    this.partition = parts.partition;
    this.service = parts.service;
    this.region = parts.region;
    this.account = parts.account;
    this.resource = parts.resource;
  }

  get variables(): [string, string][] {
    return (this.resourceType && matchArnTemplate(this.resourceType.template, this.text)) ?? [];
  }
}

function globalKeyInfo(k: GlobalConditionKeyData): ConditionKeyInfo {
  return { name: k.name, type: k.type, description: '', global: true, category: k.category };
}

function serviceKeyInfo(k: ConditionKeyData, service: ServiceEntry): ConditionKeyInfo {
  return { name: k.name, type: k.type, description: k.description, service, global: false };
}

function findKey(
  keys: readonly ConditionKeyInfo[],
  written: string,
  byName: Map<string, ConditionKeyInfo>,
): ConditionKeyInfo | undefined {
  return byName.get(written.toLowerCase()) ?? keys.find((k) => templateFits(k.name, written));
}

/**
 * `aws:ResourceTag/${TagKey}` fits `aws:ResourceTag/team`; the reference writes some templates as
 * `s3:ExistingObjectTag/<key>`, which fits `s3:ExistingObjectTag/environment` the same way.
 */
export function templateFits(template: string, written: string): boolean {
  const at = templateStart(template);
  if (at < 0) return false;
  return written.length > at && written.slice(0, at).toLowerCase() === template.slice(0, at).toLowerCase();
}

/**
 * Where a key template's placeholder starts (`${...}` or `<...>`); -1 for a plain key. The
 * reference also writes a tag key as the words `tag-key` (`secretsmanager:ResourceTag/tag-key`)
 * or leaves it out (`glacier:ResourceTag/`): those stand for any tag key too.
 */
export function templateStart(name: string): number {
  let start = TEMPLATE_STARTS.get(name);
  if (start === undefined) {
    start = findTemplateStart(name);
    TEMPLATE_STARTS.set(name, start);
  }
  return start;
}

/** The catalog's key names, a few thousand, are asked about again and again: each is read once. */
const TEMPLATE_STARTS = new Map<string, number>();

function findTemplateStart(name: string): number {
  const dollar = name.indexOf('${');
  const angle = /<[^<>]+>/.exec(name)?.index ?? -1;
  const written = dollar < 0 ? angle : angle < 0 ? dollar : Math.min(dollar, angle);
  if (written >= 0) return written;
  if (/Tag\/tag-key$/i.test(name)) return name.length - 'tag-key'.length;
  return /Tag\/$/i.test(name) ? name.length : -1;
}
