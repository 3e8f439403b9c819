import type { KclVersionSetting, PolicyKindSetting, RuleSeverity } from '../../../../../common/src/choices';

export type { RuleSeverity };

/** What users can turn: severities per rule code, the KCL version, how to read the policy. */
export interface DiagnosticSettings {
  /** `off` turns diagnostics off altogether. */
  enable: boolean;
  /** Severity overrides by rule code (any string: settings are user input; unknown codes do nothing). */
  rules: Readonly<Record<string, RuleSeverity>>;
  /** Which KCL's permission set a consumer needs; `none` skips the KCL checks. */
  kclVersion: KclVersionSetting;
  /** Treat every consumer as a KCL consumer (warnings rather than information). */
  assumeKcl: boolean;
  /** `auto` decides from the document; a setting or file pattern can force the kind. */
  policyKind: PolicyKindSetting;
  /**
   * Where the policy sits, when that gives its kind rather than the settings: a template's
   * resource type and property (`AWS::IAM::Policy PolicyDocument`).
   */
  kindPlace?: string;
  /**
   * Whether the stream is encrypted with a customer-managed KMS key, when the user said so (New
   * Policy asks); undefined when nobody said, and the KMS hint is shown.
   */
  streamEncrypted?: boolean;
  /**
   * Names of DynamoDB tables that exist before the application runs (a template creates them):
   * the KCL needs no CreateTable on them.
   */
  existingTables?: readonly string[];
  /**
   * Whether the policies are a Lambda function's role's (a template says so): Lambda reads the
   * stream for the function, which keeps no lease table, so the KCL checks do not speak to it.
   */
  lambdaRole?: boolean;
}

export const DEFAULT_SETTINGS: DiagnosticSettings = {
  enable: true,
  rules: {},
  kclVersion: 'auto',
  assumeKcl: false,
  policyKind: 'auto',
};
