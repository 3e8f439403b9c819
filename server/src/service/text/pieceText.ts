import { ownCopy } from '../ownCopy';

/**
 * The most characters a piece holds: what an edit changes is cut into pieces of this length. A
 * piece stays far below V8's large objects (128 KB; a piece of two-byte characters is 32 KB), so
 * that an edit allocates where the engine allocates quickly: a new large string is fresh memory
 * that the kernel maps page by page, which cost 3 ms for a 1 MB version of a text and 7-14 ms for
 * a 2 MB one on the benchmark's machine, against microseconds for a piece.
 */
export const PIECE = 16 * 1024;

/**
 * An immutable text held as a list of pieces: a version of a document that an edit makes without
 * copying the rest of the text. A character or a slice is read from the pieces; the whole string
 * (`toString`) is made once, when first asked for, and kept.
 *
 * Two versions share the pieces an edit did not touch (the same string objects), so where they
 * differ is found by comparing pieces rather than characters (`pieceDifference` in textDifference.ts).
 */
export class PieceText {
  private flat: string | undefined;

  private constructor(
    /** The pieces, in order, none empty unless the text is. */
    readonly pieces: readonly string[],
    /** Where each piece starts. */
    readonly starts: readonly number[],
    readonly length: number,
    /** How long a piece grows before it is cut (`PIECE`; shorter in tests, to reach the pieces' edges). */
    private readonly pieceLength: number,
  ) {}

  /**
   * A text of one piece or several, cut from `text`. The pieces are views into `text` (V8 makes a long
   * substring one), which its model's parsed values keep alive anyway; the pieces later edits make
   * are strings of their own.
   */
  static of(text: string, pieceLength = PIECE): PieceText {
    const made = text.length <= pieceLength ? new PieceText([text], [0], text.length, pieceLength) : PieceText.from(cut(text, pieceLength, false), pieceLength);
    made.flat = text;
    return made;
  }

  /** A text of one piece, however long: one that is read and not edited (a file the command line checks). */
  static whole(text: string): PieceText {
    const made = new PieceText([text], [0], text.length, PIECE);
    made.flat = text;
    return made;
  }

  private static from(pieces: string[], pieceLength: number): PieceText {
    const starts: number[] = [];
    let at = 0;
    for (const piece of pieces) {
      starts.push(at);
      at += piece.length;
    }
    return new PieceText(pieces, starts, at, pieceLength);
  }

  /** The index of the piece that holds `offset` (the last piece for the text's end). */
  private pieceAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  charCodeAt(offset: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(offset);
    if (offset < 0 || offset >= this.length) return NaN;
    const index = this.pieceAt(offset);
    return this.pieces[index].charCodeAt(offset - this.starts[index]);
  }

  /** The characters from `start` to `end`, as `String.prototype.slice` takes them for offsets in the text. */
  slice(start: number, end = this.length): string {
    if (this.flat !== undefined) return this.flat.slice(start, end);
    start = clamp(start, this.length);
    end = clamp(end, this.length);
    if (end <= start) return '';
    const first = this.pieceAt(start);
    const last = this.pieceAt(end - 1);
    if (first === last) return this.pieces[first].slice(start - this.starts[first], end - this.starts[first]);
    let text = this.pieces[first].slice(start - this.starts[first]);
    for (let i = first + 1; i < last; i++) text += this.pieces[i];
    return text + this.pieces[last].slice(0, end - this.starts[last]);
  }

  /** As `String.prototype.indexOf`, reading the pieces (and across their edges) rather than the whole text. */
  indexOf(search: string, from = 0): number {
    if (this.flat !== undefined) return this.flat.indexOf(search, from);
    from = Math.max(0, Math.min(from, this.length));
    if (search === '') return from;
    for (let i = this.pieceAt(from); i < this.pieces.length; i++) {
      const start = this.starts[i];
      const found = this.pieces[i].indexOf(search, Math.max(0, from - start));
      if (found >= 0) return start + found;
      // A match that begins in this piece and ends in a later one.
      const edge = Math.max(from, start + this.pieces[i].length - search.length + 1);
      const across = this.slice(edge, edge + 2 * search.length - 2).indexOf(search);
      if (across >= 0) return edge + across;
    }
    return -1;
  }

  /** As `String.prototype.lastIndexOf`, reading the pieces (and across their edges) rather than the whole text. */
  lastIndexOf(search: string, from = Infinity): number {
    if (this.flat !== undefined) return this.flat.lastIndexOf(search, from);
    // The last match that begins at or before `from`.
    const last = Math.min(Number.isNaN(from) ? Infinity : Math.max(0, from), this.length - search.length);
    if (last < 0) return -1;
    if (search === '') return last;
    for (let i = this.pieceAt(last); i >= 0; i--) {
      const start = this.starts[i];
      // A match that begins in this piece and ends in a later one.
      const edge = Math.max(start, start + this.pieces[i].length - search.length + 1);
      if (edge <= last) {
        const across = this.slice(edge, Math.min(last, start + this.pieces[i].length - 1) + search.length).lastIndexOf(search);
        if (across >= 0) return edge + across;
      }
      const found = this.pieces[i].lastIndexOf(search, last - start);
      if (found >= 0) return start + found;
    }
    return -1;
  }

  /** The whole text, made once. */
  toString(): string {
    this.flat ??= this.pieces.join('');
    return this.flat;
  }

  /** Whether the whole string has been made. */
  get isFlat(): boolean {
    return this.flat !== undefined;
  }

  /** The text with `[start, end)` replaced by `text`: a new version, sharing every piece the change leaves alone. */
  replace(start: number, end: number, text: string): PieceText {
    start = clamp(start, this.length);
    end = Math.max(start, clamp(end, this.length));
    if (this.pieces.length === 1 && this.length + text.length - (end - start) <= this.pieceLength) {
      const only = this.pieces[0];
      return PieceText.of(ownCopy(only.slice(0, start) + text + only.slice(end)), this.pieceLength);
    }
    const short = this.pieceLength / 4;
    let first = this.pieceAt(start);
    let last = this.pieceAt(Math.max(start, end - 1));
    // A short neighbour is joined to the piece made: pieces do not dwindle as text is deleted.
    if (first > 0 && this.pieces[first - 1].length < short) first--;
    if (last < this.pieces.length - 1 && this.pieces[last + 1].length < short) last++;
    const from = this.starts[first];
    const to = this.starts[last] + this.pieces[last].length;
    const changed = this.slice(from, start) + text + this.slice(end, to);
    const pieces = [...this.pieces.slice(0, first), ...cut(changed, this.pieceLength), ...this.pieces.slice(last + 1)];
    return PieceText.from(pieces.length > 0 ? pieces : [''], this.pieceLength);
  }
}

/** The start of the line `offset` is on: after the last `\n` before it (a string's, or a `PieceText`'s). */
export function lineStart(text: Pick<PieceText, 'lastIndexOf'>, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** What reading a text a character at a time takes: a string, or a `PieceText`. */
export type Characters = Pick<PieceText, 'length' | 'charCodeAt'>;

/** A text as pieces: a string as one piece (see `PieceText.whole`). */
export function piecesOf(text: string | PieceText): PieceText {
  return typeof text === 'string' ? PieceText.whole(text) : text;
}

/** `text` in pieces of `length`, each its own copy unless `copied` is false. */
function cut(text: string, length: number, copied = true): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += length) pieces.push(copied ? ownCopy(text.slice(at, at + length)) : text.slice(at, at + length));
  return pieces;
}

function clamp(offset: number, length: number): number {
  return offset < 0 ? Math.max(0, length + offset) : Math.min(offset, length);
}
