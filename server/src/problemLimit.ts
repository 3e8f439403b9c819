import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type Diagnostic, type Position } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from './service';

/**
 * The most problems of one file VS Code shows: it keeps this many of a file's diagnostics, errors
 * first, then warnings, information and hints, each in the order given, and drops the rest with
 * one "Not showing N further errors and warnings." (`ExtHostDiagnostics._maxDiagnosticsPerFile`,
 * src/vs/workbench/api/common/extHostDiagnostics.ts). A policy of thousands of statements has
 * thousands of findings; sending the ones VS Code drops costs megabytes of messages and nothing else.
 */
export const DEFAULT_MAX_PROBLEMS = 1000;

const SEVERITY_ORDER = [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint];

/**
 * The problems to publish for a document: all of them when there are at most `max`; otherwise the
 * `max - 1` VS Code would keep (by severity, then in their order) and a note saying how many more
 * there are, where the first of those not sent starts in the text. Those kept stay in their order.
 */
export function limitProblems(diagnostics: Diagnostic[], max: number): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const room = Math.max(0, max - 1);
  const kept = new Set<Diagnostic>();
  for (const severity of SEVERITY_ORDER) {
    for (const d of diagnostics) {
      if (kept.size === room) break;
      // A diagnostic without a severity is shown as an error.
      if ((d.severity ?? DiagnosticSeverity.Error) === severity) kept.add(d);
    }
  }
  const shown = diagnostics.filter((d) => kept.has(d));
  let firstLeft: Diagnostic | undefined;
  for (const d of diagnostics) if (!kept.has(d) && (!firstLeft || before(d.range.start, firstLeft.range.start))) firstLeft = d;
  shown.push({
    range: { start: firstLeft!.range.start, end: firstLeft!.range.start },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: 'too-many-problems',
    // Never fewer than two: one left out would have had the note's place.
    message: l10n.t(
      '{0} more problems in this file are not shown (the kinesisPolicy.validate.maxProblems setting is {1}). The kinesis-policy check command lists them all.',
      diagnostics.length - room,
      max,
    ),
  });
  return shown;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
