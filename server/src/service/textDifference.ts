import type { PieceText } from './text/pieceText';
/**
 * Where two versions of a text differ: what the incremental readers (YAML templates, Terraform
 * files), the policy model's update and code actions compare versions with.
 */

/** The first offset where two texts differ, and how long the common end is. */
export interface Difference {
  /** The first offset where the texts differ. */
  start: number;
  /** How many characters at their ends are the same. */
  suffix: number;
  oldLength: number;
  delta: number;
}

export function difference(a: string, b: string): Difference {
  const start = commonPrefix(a, b);
  const suffix = commonSuffix(a, b, Math.min(a.length, b.length) - start);
  return { start, suffix, oldLength: a.length, delta: b.length - a.length };
}

/**
 * How many characters `a` and `b` share at their start. Compared in chunks of falling size: each
 * equal chunk is skipped at the engine's speed (a loop over the characters of a large document
 * took milliseconds), and the last characters one by one within at most a few dozen.
 */
function commonPrefix(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length);
  let start = 0;
  for (let chunk = 65536; chunk >= 16; chunk >>= 4) {
    while (start + chunk <= shortest && a.slice(start, start + chunk) === b.slice(start, start + chunk)) start += chunk;
  }
  while (start < shortest && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  return start;
}

/** How many characters `a` and `b` share at their end, at most `max`; compared as `commonPrefix` does. */
function commonSuffix(a: string, b: string, max: number): number {
  let suffix = 0;
  for (let chunk = 65536; chunk >= 16; chunk >>= 4) {
    while (suffix + chunk <= max && a.slice(a.length - suffix - chunk, a.length - suffix) === b.slice(b.length - suffix - chunk, b.length - suffix)) suffix += chunk;
  }
  while (suffix < max && a.charCodeAt(a.length - suffix - 1) === b.charCodeAt(b.length - suffix - 1)) suffix++;
  return suffix;
}

/**
 * `difference` of two versions of a text in pieces, without making either whole: the pieces the
 * two share at their start and at their end are skipped (an edit leaves them the same strings,
 * compared at once), and only what lies between is compared character by character. The same
 * result as `difference` of the whole strings, except that the common start and end may stop short
 * at a piece's edge where the characters after it happen to be the same: the span between still
 * holds every change.
 */
export function pieceDifference(a: PieceText, b: PieceText): Difference {
  let first = 0;
  while (first < a.pieces.length && first < b.pieces.length && a.starts[first] === b.starts[first] && a.pieces[first] === b.pieces[first]) first++;
  let last = 0;
  const sharedEnd = (i: number) => {
    const x = a.pieces.length - 1 - i;
    const y = b.pieces.length - 1 - i;
    return x >= first && y >= first && a.length - a.starts[x] === b.length - b.starts[y] && a.pieces[x] === b.pieces[y];
  };
  while (sharedEnd(last)) last++;
  const from = first < a.pieces.length ? a.starts[first] : a.length;
  const suffix = last === 0 ? 0 : a.length - a.starts[a.pieces.length - last];
  const inner = difference(a.slice(from, a.length - suffix), b.slice(from, b.length - suffix));
  return { start: from + inner.start, suffix: suffix + inner.suffix, oldLength: a.length, delta: b.length - a.length };
}
