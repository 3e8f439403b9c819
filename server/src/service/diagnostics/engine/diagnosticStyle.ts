import * as l10n from '@vscode/l10n';
import { DIAGNOSTIC_SOURCE } from '../../../../../common/src/commands';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Interned } from '../../interned';
import type { PolicyRule, RuleFinding } from './rule';
import type { RuleSeverity } from './settings';
import type { CheckedText } from './validate';

export const SEVERITIES: Readonly<Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * How a rule's findings become diagnostics under the user's settings: the severity, the link to
 * the rule's documentation (one object for all of them, since nothing changes a published
 * diagnostic), and, for a policy that may be a VPC endpoint policy, the message hedged. The same
 * for every policy checked with the same settings: made once (`diagnosticStyle`), not for every
 * rule of every policy (a 1 MB template's first check made 96,000: 17 MB).
 */
export class DiagnosticStyle {
  private readonly codeDescription: { href: string };
  private readonly severity: DiagnosticSeverity | undefined;
  private readonly defaultSeverity: DiagnosticSeverity;

  constructor(
    private readonly rule: PolicyRule,
    configured: RuleSeverity | undefined,
    rulesDocumentation: string,
    private readonly hedged: boolean,
    private readonly messages: Interned,
  ) {
    this.codeDescription = { href: `${rulesDocumentation}#${rule.code}` };
    const hedgedSeverity = hedged && (rule.defaultSeverity === 'error' || rule.defaultSeverity === 'warning') ? DiagnosticSeverity.Warning : undefined;
    this.severity = configured === undefined || configured === 'off' ? hedgedSeverity : SEVERITIES[configured];
    this.defaultSeverity = SEVERITIES[rule.defaultSeverity];
  }

  /** The finding as a diagnostic of the document, its offsets counted from `base`. */
  make(document: CheckedText, finding: RuleFinding, base: number): Diagnostic {
    return {
      range: { start: document.positionAt(base + finding.offset), end: document.positionAt(base + finding.offset + finding.length) },
      severity: this.severity ?? (finding.severity === undefined ? this.defaultSeverity : SEVERITIES[finding.severity]),
      code: this.rule.code,
      codeDescription: this.codeDescription,
      source: DIAGNOSTIC_SOURCE,
      message: this.messages.of(this.hedged ? hedge(finding.message) : finding.message),
      tags: finding.tags,
      data: finding.data,
    };
  }
}

/** A policy that may be a VPC endpoint policy: say what holds if it is the stream's, and how to say it is not. */
function hedge(message: string): string {
  return l10n.t(
    'If this is the stream\'s resource policy: {0} If it is a VPC endpoint policy, where "Principal": "*" is normal, set "kinesisPolicy.policyKind" to "vpc-endpoint" or name the file *.vpce-policy.json.',
    message,
  );
}

/** The styles made for one language service, by documentation link, then by rule and settings (see `diagnosticStyle`). */
export type DiagnosticStyles = Map<string, DiagnosticStyle[]>;

/** The rule's style under these settings, made the first time it is asked for. */
export function diagnosticStyle(
  styles: DiagnosticStyles,
  rule: PolicyRule,
  index: number,
  configured: RuleSeverity | undefined,
  rulesDocumentation: string,
  hedged: boolean,
  messages: Interned,
): DiagnosticStyle {
  let forLink = styles.get(rulesDocumentation);
  if (!forLink) {
    // Links differ only between hosts (the extension's and the command line's): a few at most.
    if (styles.size >= LINKS_KEPT) styles.clear();
    styles.set(rulesDocumentation, (forLink = []));
  }
  const slot = index * SLOTS + (configured === undefined || configured === 'off' ? 0 : SEVERITY_SLOTS[configured]) * 2 + (hedged ? 1 : 0);
  return (forLink[slot] ??= new DiagnosticStyle(rule, configured, rulesDocumentation, hedged, messages));
}

const SEVERITY_SLOTS: Readonly<Record<Exclude<RuleSeverity, 'off'>, number>> = { error: 1, warning: 2, information: 3, hint: 4 };
/** A rule's styles: unset or each severity, hedged or not. */
const SLOTS = 10;
const LINKS_KEPT = 8;
