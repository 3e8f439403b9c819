import * as l10n from '@vscode/l10n';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS } from '../../../../common/src/commands';
import { DIAGNOSTIC_SOURCE, type ValidationOptions } from '../diagnostics/engine/validate';
import { SEVERITIES } from '../diagnostics/engine/diagnosticStyle';
import { PrincipalAccess, TEMPLATE_CHECKS } from './cloudformation/checks';
import type { TemplateDocument } from './hostModel';

/** The checks of the template across its resources, as diagnostics (see `cloudformation/checks/`). */
export function templateCheckDiagnostics(host: TextDocument, template: TemplateDocument, options: ValidationOptions): Diagnostic[] {
  const { settings } = options;
  // Where the YAML is broken some policies are not read: what the others lack may be theirs.
  if (!settings.enable || template.broken) return [];
  const access = new PrincipalAccess(template);
  return TEMPLATE_CHECKS.flatMap((check) => {
    const configured = settings.rules[check.code];
    if (configured === 'off') return [];
    return check.check({ template, access }).map(
      (finding): Diagnostic => ({
        range: { start: host.positionAt(finding.start), end: host.positionAt(finding.end) },
        severity: SEVERITIES[configured ?? finding.severity ?? check.defaultSeverity],
        code: check.code,
        codeDescription: { href: `${options.rulesDocumentation}#${check.code}` },
        source: DIAGNOSTIC_SOURCE,
        message: finding.message,
        ...(finding.fix ? { data: { fix: { title: finding.fix.title, text: finding.fix.text, was: template.source.slice(finding.fix.start, finding.fix.end) } } } : {}),
      }),
    );
  });
}

const CODES = new Set<string>(TEMPLATE_CHECKS.map((c) => c.code));

/** The quick fixes and documentation of the template checks' diagnostics the editor asks about. */
export function templateCheckActions(host: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && CODES.has(String(d.code)))
    .flatMap((diagnostic) => {
      // The fix replaces the finding's text, where the editor shows it now, if it is still there.
      const fix = (diagnostic.data as { fix?: { title: string; text: string; was: string } } | undefined)?.fix;
      const documentation: CodeAction = {
        title: l10n.t('Show documentation for {0}', String(diagnostic.code)),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: l10n.t('Show Rule Documentation'), command: COMMANDS.showRuleDocumentation, arguments: [diagnostic.code] },
      };
      if (!fix || host.getText(diagnostic.range) !== fix.was) return [documentation];
      const edit = { range: diagnostic.range, newText: fix.text };
      return [{ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [host.uri]: [edit] } } }, documentation];
    });
}
