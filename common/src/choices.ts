/**
 * The choices a user makes about a policy, declared once for the extension, the server, the
 * language service and the command line; the manifest's settings repeat them, and a test holds
 * the two together.
 */

/** The Kinesis Client Library versions whose permissions the product knows. */
export const KCL_VERSIONS = ['1.x', '2.x', '3.x'] as const;
export type KclVersion = (typeof KCL_VERSIONS)[number];

/**
 * The KCL version setting: `auto` checks what every KCL version needs and notes what KCL 3.x needs
 * beyond it; a version checks that version's set; `none` is for consumers that do not use the KCL.
 */
export const KCL_VERSION_SETTINGS = ['auto', ...KCL_VERSIONS, 'none'] as const;
export type KclVersionSetting = (typeof KCL_VERSION_SETTINGS)[number];

/** How to read a policy: decided from the document, or forced to one kind. */
export const POLICY_KIND_SETTINGS = ['auto', 'identity', 'resource', 'vpc-endpoint'] as const;
export type PolicyKindSetting = (typeof POLICY_KIND_SETTINGS)[number];

/**
 * File patterns that say how to read a policy, by default: the extension's
 * `kinesisPolicy.files.*` settings start from these, and the command line applies them to the
 * files it checks when `--kind` is `auto`.
 */
export const DEFAULT_FILE_KINDS = {
  resourcePolicies: ['**/*.resource-policy.json', '**/*-resource-policy.json', '**/*.stream-policy.json', '**/*-stream-policy.json', '**/*.consumer-policy.json'],
  vpcEndpointPolicies: ['**/*.vpce-policy.json', '**/*-endpoint-policy.json'],
  identityPolicies: [] as string[],
} as const;

/** How loud a rule's findings are; `off` silences the rule. */
export const RULE_SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/** The jobs a whole policy can be written for (New Policy, snippets, inserted statements). */
export const POLICY_ROLES = [
  'producer',
  'kcl-consumer',
  'efo-consumer',
  'cross-account-read',
  'cross-account-write',
  'consumer-share-stream',
  'consumer-share-consumer',
  'stream-admin',
] as const;
export type PolicyRole = (typeof POLICY_ROLES)[number];

/**
 * The jobs the access checker knows the whole permission set of: `access --job` and the
 * `job` of an access test.
 */
export const ACCESS_JOBS = ['producer', 'kcl-consumer', 'efo-consumer', 'cross-account-reader', 'cross-account-writer'] as const;
export type AccessJob = (typeof ACCESS_JOBS)[number];

/** Whether a value is one of a list of choices, narrowing it to that list's type. */
export function isOneOf<T extends string>(choices: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value);
}
