import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { limitProblems } from '../../server/src/problemLimit';

function finding(line: number, severity: DiagnosticSeverity | undefined, code = 'iam/unknown-action'): Diagnostic {
  return { range: { start: { line, character: 4 }, end: { line, character: 9 } }, severity, code, message: `finding on line ${line}` };
}

describe('the most problems published for a document', () => {
  it('sends every finding up to the limit, the same array', () => {
    const findings = [finding(0, DiagnosticSeverity.Warning), finding(1, DiagnosticSeverity.Error)];
    assert.equal(limitProblems(findings, 2), findings);
  });

  it('keeps what VS Code would show, errors first, in their order, and says how many more there are', () => {
    const severities = [DiagnosticSeverity.Hint, DiagnosticSeverity.Warning, DiagnosticSeverity.Error, DiagnosticSeverity.Information, DiagnosticSeverity.Warning, undefined, DiagnosticSeverity.Error];
    const findings = severities.map((severity, line) => finding(line, severity));
    const shown = limitProblems(findings, 5);
    assert.deepEqual(
      shown.map((d) => [d.range.start.line, d.severity, d.code]),
      [
        // Both errors and the one without a severity (VS Code shows it as an error), then the first warning.
        [1, DiagnosticSeverity.Warning, 'iam/unknown-action'],
        [2, DiagnosticSeverity.Error, 'iam/unknown-action'],
        [5, undefined, 'iam/unknown-action'],
        [6, DiagnosticSeverity.Error, 'iam/unknown-action'],
        // The note of the three left out, where the first of them in the text starts.
        [0, DiagnosticSeverity.Information, 'too-many-problems'],
      ],
    );
    const note = shown[4];
    assert.deepEqual(note.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } });
    assert.equal(note.source, 'kinesis-policy');
    assert.equal(
      note.message,
      '3 more problems in this file are not shown (the kinesisPolicy.validate.maxProblems setting is 5). The kinesis-policy check command lists them all.',
    );
  });

  it('sends the note alone when the limit is one', () => {
    const shown = limitProblems([finding(7, DiagnosticSeverity.Error), finding(3, DiagnosticSeverity.Error)], 1);
    assert.deepEqual(
      shown.map((d) => [d.code, d.range.start.line]),
      [['too-many-problems', 3]],
    );
    assert.match(typeof shown[0].message === 'string' ? shown[0].message : '', /^2 more problems/);
  });
});
