import type { Diagnostic, Position } from 'vscode-languageserver';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** Longer than any word typed at once or accepted from completion; a paste of statements is not typing. */
const TYPED_LENGTH = 64;

/**
 * Keeps new findings off the text being typed until the user pauses: `"kinesis:GetR"` is not
 * reported as an unknown action while the completion list is still open. A finding is held when
 * its range touches the place of the last keystroke and the same finding (rule and start) was not
 * already shown there; what was shown stays shown, so nothing flickers. Held findings are shown
 * once the document has not changed for the pause, or at once when the next edit is elsewhere.
 */
export class TypingHold {
  /** Where the last edit of each document ended, for the version it made. */
  private readonly typed = new Map<string, { version: number; position: Position }>();

  /** Notes an edit; call before the document takes it (`changes` refer to `before`). */
  noteEdit(before: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const last = changes.at(-1);
    if (!last || !('range' in last) || last.text.length > TYPED_LENGTH || /[\r\n]/.test(last.text)) {
      this.typed.delete(before.uri);
      return;
    }
    // A single keystroke or accepted completion: where it ends in the new text.
    const { start } = last.range;
    this.typed.set(before.uri, { version, position: { line: start.line, character: start.character + last.text.length } });
  }

  forget(uri: string): void {
    this.typed.delete(uri);
  }

  /** Splits a validation's findings into those to show now and those that wait for a pause. */
  split(document: TextDocument, diagnostics: Diagnostic[], shown: readonly Diagnostic[] | undefined): { now: Diagnostic[]; held: Diagnostic[] } {
    const typed = this.typed.get(document.uri);
    if (!typed || typed.version !== document.version || !shown) return { now: diagnostics, held: [] };
    const wasShown = new Set(shown.map(key));
    const now: Diagnostic[] = [];
    const held: Diagnostic[] = [];
    for (const d of diagnostics) (touches(d, typed.position) && !wasShown.has(key(d)) ? held : now).push(d);
    return { now, held };
  }
}

function key(d: Diagnostic): string {
  return `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`;
}

function touches(d: Diagnostic, p: Position): boolean {
  const { start, end } = d.range;
  const afterStart = p.line > start.line || (p.line === start.line && p.character >= start.character);
  const beforeEnd = p.line < end.line || (p.line === end.line && p.character <= end.character);
  return afterStart && beforeEnd;
}
