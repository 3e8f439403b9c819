import { DEFAULT_FILE_KINDS, isOneOf, KCL_VERSION_SETTINGS, POLICY_KIND_SETTINGS, RULE_SEVERITIES, type RuleSeverity } from '../../common/src/choices';
import { pathMatcher, type PathMatcher } from './filePatterns';
import { DEFAULT_MAX_PROBLEMS } from './problemLimit';
import { DEFAULT_SETTINGS, type DiagnosticSettings } from './service';

/** The `kinesisPolicy` settings as the client sends them; anything may be missing or mistyped. */
export interface RawSettings {
  validate?: { enable?: unknown; delay?: unknown; quickCheck?: unknown; typingPause?: unknown; maxFileSize?: unknown; maxProblems?: unknown };
  rules?: unknown;
  kcl?: { version?: unknown; assumeKcl?: unknown };
  policyKind?: unknown;
  files?: { identityPolicies?: unknown; resourcePolicies?: unknown; vpcEndpointPolicies?: unknown };
}

export interface ServerSettings {
  diagnostics: DiagnosticSettings;
  /** Milliseconds to wait after the last edit before validating. */
  validationDelay: number;
  /** Whether the first edit after a pause is validated at once when the document's last validation was quick. */
  quickCheck: boolean;
  /** Milliseconds a new finding on the text being typed waits for the user to pause; 0 shows it at once. */
  typingPause: number;
  /** Documents larger than this many characters are not analysed. */
  maxFileSize: number;
  /** The most problems published for one document (`limitProblems`). */
  maxProblems: number;
  identityPatterns: PathMatcher;
  resourcePatterns: PathMatcher;
  vpcEndpointPatterns: PathMatcher;
}

export const DEFAULT_VALIDATION_DELAY = 150;
export const DEFAULT_TYPING_PAUSE = 1000;
/** In megabytes: well above any real policy (IAM's largest quota is 10,240 characters). */
export const DEFAULT_MAX_FILE_SIZE_MB = 8;

/** Reads the settings defensively: a bad value falls back to its default, never throws. */
export function readSettings(raw: RawSettings | null | undefined): ServerSettings {
  const rules: Record<string, RuleSeverity> = {};
  if (raw?.rules && typeof raw.rules === 'object') {
    for (const [code, severity] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (isOneOf(RULE_SEVERITIES, severity)) rules[code] = severity;
    }
  }
  const kind = raw?.policyKind;
  const kcl = raw?.kcl?.version;
  const delay = raw?.validate?.delay;
  const pause = raw?.validate?.typingPause;
  const maxMb = raw?.validate?.maxFileSize;
  const maxProblems = raw?.validate?.maxProblems;
  return {
    diagnostics: {
      enable: raw?.validate?.enable !== false,
      rules,
      kclVersion: isOneOf(KCL_VERSION_SETTINGS, kcl) ? kcl : DEFAULT_SETTINGS.kclVersion,
      assumeKcl: raw?.kcl?.assumeKcl === true,
      policyKind: isOneOf(POLICY_KIND_SETTINGS, kind) ? kind : 'auto',
    },
    validationDelay: typeof delay === 'number' && delay >= 0 && delay <= 10_000 ? delay : DEFAULT_VALIDATION_DELAY,
    quickCheck: raw?.validate?.quickCheck !== false,
    typingPause: typeof pause === 'number' && pause >= 0 && pause <= 10_000 ? pause : DEFAULT_TYPING_PAUSE,
    maxFileSize: Math.round((typeof maxMb === 'number' && maxMb > 0 ? maxMb : DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024),
    maxProblems: typeof maxProblems === 'number' && maxProblems >= 1 ? Math.floor(maxProblems) : DEFAULT_MAX_PROBLEMS,
    // Editors that send no settings get the extension's defaults.
    identityPatterns: patterns(raw?.files?.identityPolicies ?? DEFAULT_FILE_KINDS.identityPolicies),
    resourcePatterns: patterns(raw?.files?.resourcePolicies ?? DEFAULT_FILE_KINDS.resourcePolicies),
    vpcEndpointPatterns: patterns(raw?.files?.vpcEndpointPolicies ?? DEFAULT_FILE_KINDS.vpcEndpointPolicies),
  };
}

function patterns(value: unknown): PathMatcher {
  return pathMatcher(Array.isArray(value) ? value : []);
}

/** A document's path, the same for an untitled document and the file it is saved as. */
export function pathOf(uri: string): string {
  return decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?/i, ''));
}

/** The kind a file pattern of the settings gives a document's path, if one matches. */
export function patternKind(uri: string, settings: ServerSettings): 'vpc-endpoint' | 'resource' | 'identity' | undefined {
  const path = pathOf(uri);
  if (settings.vpcEndpointPatterns(path)) return 'vpc-endpoint';
  if (settings.resourcePatterns(path)) return 'resource';
  if (settings.identityPatterns(path)) return 'identity';
  return undefined;
}

/**
 * The settings for one document: file patterns can force its policy kind, and what the user told
 * New Policy about it (`answers`, by path) adds what its text cannot say.
 */
export function settingsFor(uri: string, settings: ServerSettings, answers?: ReadonlyMap<string, { streamEncrypted: boolean }>): DiagnosticSettings {
  const told = answers?.get(pathOf(uri));
  const diagnostics = told ? { ...settings.diagnostics, streamEncrypted: told.streamEncrypted } : settings.diagnostics;
  const kind = patternKind(uri, settings);
  return kind ? { ...diagnostics, policyKind: kind } : diagnostics;
}
