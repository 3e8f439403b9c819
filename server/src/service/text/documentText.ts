import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceDocument } from './pieceDocument';
import { PieceText } from './pieceText';

/** The document's length, without making a `PieceDocument`'s text whole. */
export function textLength(document: TextDocument): number {
  return document instanceof PieceDocument ? document.length : document.getText().length;
}

/** The document's text in pieces: a `PieceDocument`'s own, any other's as one piece. */
export function textOf(document: TextDocument): PieceText {
  return document instanceof PieceDocument ? document.text : PieceText.whole(document.getText());
}

/** How far back `lineBefore` looks in pieces before it reads the whole text. */
const LINE_WINDOW = 4096;

/** The text from the start of the line `offset` is on (after the last `\n` before it) to `offset`. */
export function lineBefore(document: TextDocument, offset: number): string {
  const text = textOf(document);
  const from = Math.max(0, offset - LINE_WINDOW);
  const before = text.slice(from, offset);
  const newline = before.lastIndexOf('\n');
  if (newline >= 0 || from === 0) return before.slice(newline + 1);
  const whole = text.toString();
  return whole.slice(whole.lastIndexOf('\n', offset - 1) + 1, offset);
}
