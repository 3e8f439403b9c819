import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE } from './service';

/** Looks for a policy's `"Statement":` key without parsing: a huge package-lock.json gets no note. */
const STATEMENT_KEY = /"Statement"\s*:/;

/** The one note a policy over the size limit gets, in place of its analysis. */
export function fileTooLarge(document: TextDocument, limit: number): Diagnostic[] {
  const text = document.getText();
  if (!STATEMENT_KEY.test(text)) return [];
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return [
    {
      range: { start: document.positionAt(0), end: document.positionAt(Math.min(1, text.length)) },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: 'file-too-large',
      message: l10n.t(
        'This file is {0}, over the {1} of the kinesisPolicy.validate.maxFileSize setting: Kinesis Policy does not check it, complete in it or hover in it. Raise the setting to check it anyway.',
        mb(text.length),
        mb(limit),
      ),
    },
  ];
}
