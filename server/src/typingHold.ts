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
  /** Where the last edit of each document ended (one place per cursor), for the version it made. */
  private readonly typed = new Map<string, { version: number; positions: Position[] }>();

  /** Notes an edit; call before the document takes it (`changes` refer to `before`). */
  noteEdit(before: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const positions: Position[] = [];
    for (const change of changes) {
      if (!('range' in change) || change.text.length > TYPED_LENGTH || /[\r\n]/.test(change.text)) {
        this.typed.delete(before.uri);
        return;
      }
      // A keystroke or accepted completion at one cursor: where it ends. The editor sends several
      // cursors' changes from the bottom up, so none moves the lines of the ones after it.
      const { start } = change.range;
      positions.push({ line: start.line, character: start.character + change.text.length });
    }
    if (positions.length === 0) this.typed.delete(before.uri);
    else this.typed.set(before.uri, { version, positions });
  }

  forget(uri: string): void {
    this.typed.delete(uri);
  }

  /** Splits a validation's findings into those to show now and those that wait for a pause. */
  split(document: TextDocument, diagnostics: Diagnostic[], shown: readonly Diagnostic[] | undefined): { now: Diagnostic[]; held: Diagnostic[] } {
    const typed = this.typed.get(document.uri);
    if (!typed || typed.version !== document.version || !shown) return { now: diagnostics, held: [] };
    const touching = (d: Diagnostic) => touchesAny(d, typed.positions);
    // Thousands of findings in a large document, a few where the user types: only those are compared
    // with what was shown, and only what was shown starting on their lines.
    const lines = new Set(diagnostics.filter(touching).map((d) => d.range.start.line));
    if (lines.size === 0) return { now: diagnostics, held: [] };
    const wasShown = new Set(shown.filter((d) => lines.has(d.range.start.line)).map(key));
    const now: Diagnostic[] = [];
    const held: Diagnostic[] = [];
    for (const d of diagnostics) (touching(d) && !wasShown.has(key(d)) ? held : now).push(d);
    return { now, held };
  }
}

function key(d: Diagnostic): string {
  return `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`;
}

function touchesAny(d: Diagnostic, positions: readonly Position[]): boolean {
  for (let i = 0; i < positions.length; i++) if (touches(d, positions[i])) return true;
  return false;
}

function touches(d: Diagnostic, p: Position): boolean {
  const { start, end } = d.range;
  const afterStart = p.line > start.line || (p.line === start.line && p.character >= start.character);
  const beforeEnd = p.line < end.line || (p.line === end.line && p.character <= end.character);
  return afterStart && beforeEnd;
}
