import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

/**
 * A document written inline with `|` marking the cursor. Policies rarely contain `|`; a test
 * that needs one can pass another marker.
 */
export function documentWithCursor(text: string, marker = '|'): { document: TextDocument; position: Position; offset: number } {
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error('The test document has no cursor marker');
  const content = text.slice(0, offset) + text.slice(offset + marker.length);
  const document = TextDocument.create('file:///test/policy.json', 'json', 1, content);
  return { document, position: document.positionAt(offset), offset };
}

/** Applies a completion's text edit as the editor would (snippet syntax left as written). */
export function applyEdit(document: TextDocument, range: { start: Position; end: Position }, newText: string): string {
  const text = document.getText();
  return text.slice(0, document.offsetAt(range.start)) + newText + text.slice(document.offsetAt(range.end));
}
