import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceDocument } from './pieceDocument';
import { lineStart, PieceText } from './pieceText';

/** The document's length, without making a `PieceDocument`'s text whole. */
export function textLength(document: TextDocument): number {
  return document instanceof PieceDocument ? document.length : document.getText().length;
}

/** The document's text in pieces: a `PieceDocument`'s own, any other's as one piece. */
export function textOf(document: TextDocument): PieceText {
  return document instanceof PieceDocument ? document.text : PieceText.whole(document.getText());
}

/** The text from the start of the line `offset` is on (after the last `\n` before it) to `offset`. */
export function lineBefore(document: TextDocument, offset: number): string {
  const text = textOf(document);
  return text.slice(lineStart(text, offset), offset);
}
