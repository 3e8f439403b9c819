import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PIECE, PieceText } from './pieceText';
import { finish, type Steps } from '../steps';
import { firstAtOrAfter } from './firstAtOrAfter';

const LF = 10;
const CR = 13;
/** How many characters `readLines` reads a step: about a millisecond's work. */
const CHARS_PER_LINES_STEP = 256 * 1024;

/**
 * A text document whose text is a `PieceText`: an edit makes the next version from the pieces it
 * touches, and the whole text is made only when something asks for it (`getText()`). Positions
 * are read as `TextDocument.create`'s documents read them: a line ends at `\n`, `\r\n` or `\r`, and
 * a position past a line's end, or inside its line break, is the end of its text. The server keeps
 * its open documents as these; everything that takes a `TextDocument` takes one.
 */
export class PieceDocument implements TextDocument {
  private pieces: PieceText;
  /**
   * Where each line starts, the first at 0: found when first needed (opening a large file does not
   * wait for it). Four bytes a line, in an array of its exact length: a 2 MB policy has 70,000 lines,
   * whose starts pushed one by one into an array took twice the memory and left the arrays it grew
   * out of to the old generation.
   */
  private lineStarts: Int32Array | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
    /** See `PieceText.of`. */
    private readonly pieceLength = PIECE,
  ) {
    this.pieces = PieceText.of(text, pieceLength);
  }

  private get lines(): Int32Array {
    const lines = this.lineStarts ?? finish(this.readStarts());
    this.lineStarts = lines;
    return lines;
  }

  /**
   * Finds where the lines start, a stretch of the text a step, unless they are known: a large
   * document's first position, asked by its first check, then does not read them all at once (a
   * 2 MB policy's take 7-15 ms). Left to the first position asked if the text changes meanwhile.
   */
  *readLines(charsPerStep = CHARS_PER_LINES_STEP): Steps<void> {
    if (this.lineStarts) return;
    const pieces = this.pieces;
    const steps = this.readStarts(charsPerStep);
    for (;;) {
      const step = steps.next();
      if (step.done) {
        this.lineStarts = step.value;
        return;
      }
      yield;
      // Left to the first position asked, if the text changed meanwhile.
      if (this.pieces !== pieces || this.lineStarts) return;
    }
  }

  /**
   * The line starts of the text as it is when called, a stretch of the text a step: counted first,
   * then written into an array of that length. Read once into an array that doubled as it filled,
   * a 2 MB policy's took longer (3.5 ms against 3.1, in-process).
   */
  private *readStarts(charsPerStep = Infinity): Steps<Int32Array> {
    const pieces = this.pieces;
    const stretches: [number, number][] = [];
    for (let from = 1; from <= pieces.length; from += charsPerStep) stretches.push([from, Math.min(pieces.length, from + charsPerStep - 1)]);
    let count = 1;
    for (const [from, to] of stretches) {
      count += lineStarts(pieces, from, to, () => undefined);
      if (stretches.length > 1) yield;
    }
    const starts = new Int32Array(count);
    let at = 1;
    for (const [from, to] of stretches) {
      lineStarts(pieces, from, to, (start) => (starts[at++] = start));
      if (stretches.length > 1) yield;
    }
    return starts;
  }

  get version(): number {
    return this.currentVersion;
  }

  /** This version's text, which later edits leave as it is. */
  get text(): PieceText {
    return this.pieces;
  }

  get length(): number {
    return this.pieces.length;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  getText(range?: Range): string {
    if (!range) return this.pieces.toString();
    // As `substring` reads a range: its ends in either order.
    const [a, b] = [this.offsetAt(range.start), this.offsetAt(range.end)];
    return this.pieces.slice(Math.min(a, b), Math.max(a, b));
  }

  /** Takes the editor's changes, in order, each against the text the ones before it left. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range !== undefined) {
        const [from, to] = ordered(change.range.start, change.range.end);
        this.replace(this.offsetAt(from), this.offsetAt(to), change.text);
      } else {
        this.pieces = PieceText.of(change.text, this.pieceLength);
        this.lineStarts = undefined;
      }
    }
    this.currentVersion = version;
  }

  private replace(start: number, end: number, text: string): void {
    const delta = text.length - (end - start);
    // The previous version's line starts (found now if not yet: before the text changes).
    const lines = this.lines;
    this.pieces = this.pieces.replace(start, end, text);
    // Whether a line starts at p depends on the characters at p - 1 and p: the starts from `start`
    // to `end` (inclusive) are read again from the new text, and those after move by `delta`.
    const first = firstAtOrAfter(lines, Math.max(start, 1));
    const after = firstAtOrAfter(lines, end + 1);
    const found: number[] = [];
    lineStarts(this.pieces, Math.max(start, 1), start + text.length, (at) => found.push(at));
    // In place while the lines are as many (a keystroke within a line); otherwise a new array.
    const updated = found.length === after - first ? lines : new Int32Array(lines.length - (after - first) + found.length);
    if (updated !== lines) {
      updated.set(lines.subarray(0, first));
      updated.set(lines.subarray(after), first + found.length);
    }
    updated.set(found, first);
    for (let i = first + found.length; i < updated.length; i++) updated[i] += delta;
    this.lineStarts = updated;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.pieces.length));
    const line = firstAtOrAfter(this.lines, offset + 1) - 1;
    return { line, character: this.beforeLineBreak(offset, this.lines[line]) - this.lines[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines.length) return this.pieces.length;
    if (position.line < 0) return 0;
    const start = this.lines[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < this.lines.length ? this.lines[position.line + 1] : this.pieces.length;
    return this.beforeLineBreak(Math.min(start + position.character, next), start);
  }

  /** The line's text, without its line break; past the last line, the last line. */
  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= this.lines.length) {
      const last = this.lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.pieces.length - this.lines[last] } };
    }
    const [start, breakAt] = this.lineBounds(line);
    return { start: { line, character: 0 }, end: { line, character: breakAt - start } };
  }

  /** The line's line break: `\n`, `\r\n`, `\r`, or none for the last line. */
  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lines.length) return '';
    const [, breakAt, next] = this.lineBounds(line);
    return this.pieces.slice(breakAt, next);
  }

  /** Where the line starts, where its line break starts, and where the next line starts. */
  private lineBounds(line: number): [number, number, number] {
    const start = this.lines[line];
    const next = line + 1 < this.lines.length ? this.lines[line + 1] : this.pieces.length;
    return [start, this.beforeLineBreak(next, start), next];
  }

  /** `offset`, moved back over any line break before it, not before `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.pieces.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/**
 * Each offset in `[from, to]` (`from` at least 1) where a line starts, in order, by the characters
 * around it: after `\n`, after `\r\n`, and after a `\r` not followed by `\n`. How many there are.
 */
function lineStarts(text: PieceText, from: number, to: number, found: (start: number) => void): number {
  let count = 0;
  const end = Math.min(to, text.length);
  const chars = text.slice(from - 1, Math.min(end + 1, text.length));
  const base = from - 1;
  if (chars.indexOf('\r') === -1) {
    // Lines that end in `\n` alone, as nearly every file's do: found by `indexOf`, which skips a
    // long line at the engine's speed (a loop over the characters of a 2 MB policy took 7-15 ms).
    for (let at = chars.indexOf('\n'); at !== -1 && at + base + 1 <= end; at = chars.indexOf('\n', at + 1), count++) found(at + base + 1);
    return count;
  }
  for (let p = from; p <= end; p++) {
    const before = chars.charCodeAt(p - 1 - base);
    if (before === LF || (before === CR && (p === text.length || chars.charCodeAt(p - base) !== LF))) {
      found(p);
      count++;
    }
  }
  return count;
}

function ordered(a: Position, b: Position): [Position, Position] {
  return a.line > b.line || (a.line === b.line && a.character > b.character) ? [b, a] : [a, b];
}

function isLineBreak(char: number): boolean {
  return char === LF || char === CR;
}
