import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

/**
 * An edit of a policy's JSON text that changes the contents of several strings and nothing else,
 * as one edit of each string's contents: a fix-all's edit of a statement spans from its first change
 * there to its last (three actions renamed in one list, say), and a template can take each string's new text where
 * that string is written, but not the span as one piece when it holds other values (an intrinsic
 * function written in the list). Undefined where the edit changes anything but strings' contents.
 */
export function perStringEdits(document: TextDocument, edit: TextEdit): TextEdit[] | undefined {
  const text = document.getText();
  const from = document.offsetAt(edit.range.start);
  const to = document.offsetAt(edit.range.end);
  // Widened to whole tokens: the edit may begin or end inside a string.
  let start = from;
  let end = to;
  for (const token of tokens(text)) {
    if (token.offset < start && start < token.offset + token.length) start = token.offset;
    if (token.offset < end && end < token.offset + token.length) end = token.offset + token.length;
    if (token.offset >= end) break;
  }
  const before = text.slice(start, end);
  const after = text.slice(start, from) + edit.newText + text.slice(to, end);
  const was = tokens(before);
  const now = tokens(after);
  if (was.length !== now.length) return undefined;
  const edits: TextEdit[] = [];
  for (let i = 0; i < was.length; i++) {
    const old = before.slice(was[i].offset, was[i].offset + was[i].length);
    const changed = after.slice(now[i].offset, now[i].offset + now[i].length);
    if (was[i].kind !== now[i].kind) return undefined;
    if (old === changed) continue;
    if (was[i].kind !== SyntaxKind.StringLiteral || !old.endsWith('"') || !changed.endsWith('"')) return undefined;
    const at = start + was[i].offset;
    edits.push({ range: { start: document.positionAt(at + 1), end: document.positionAt(at + was[i].length - 1) }, newText: changed.slice(1, -1) });
  }
  return edits.length > 0 ? edits : undefined;
}

function tokens(text: string): { kind: SyntaxKind; offset: number; length: number }[] {
  const scanner = createScanner(text, false);
  const found: { kind: SyntaxKind; offset: number; length: number }[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) found.push({ kind, offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
  return found;
}
