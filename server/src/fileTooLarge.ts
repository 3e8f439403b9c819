import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, textOf } from './service';
import type { PieceText } from './service/text/pieceText';

/**
 * Whether the text holds a policy's `"Statement":` key (white space before the colon), found without
 * parsing and without making the whole text: a huge package-lock.json gets no note.
 */
function holdsStatementKey(text: PieceText): boolean {
  const key = '"Statement"';
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    for (let from = at + key.length; ; from += 256) {
      const ahead = text.slice(from, from + 256);
      const space = /^\s*/.exec(ahead)?.[0].length ?? 0;
      if (space < ahead.length) {
        if (ahead[space] === ':') return true;
        break;
      }
      if (ahead.length < 256) break;
    }
  }
  return false;
}

/** The one note a policy over the size limit gets, in place of its analysis. */
export function fileTooLarge(document: TextDocument, limit: number): Diagnostic[] {
  const text = textOf(document);
  if (!holdsStatementKey(text)) return [];
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
