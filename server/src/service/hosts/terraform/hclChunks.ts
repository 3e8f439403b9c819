import type { Difference } from '../../textDifference';
import type { PieceText } from '../../text/pieceText';
import { spliceIn } from './spliceIn';
import { firstAtOrAfter } from '../../text/firstAtOrAfter';

/**
 * Where a Terraform file's top-level items (blocks and attributes) start, found by a scan of its
 * characters: each is parsed apart, and after an edit only the items whose text changed are parsed
 * again (see `terraformHost.ts`). The tree-sitter HCL grammar parses about 2 KB a millisecond, so a
 * 1 MB configuration would otherwise take half a second a keystroke.
 *
 * HCL ends an attribute at a newline outside brackets (HCL Native Syntax Specification, "Structural
 * Elements"); an item starts on a line whose first character begins a name, outside brackets,
 * strings, comments and heredocs. Where brackets are left open (the user is typing), a line at
 * column 0 that opens a top-level block (`resource "...`) starts an item all the same, so that
 * an unclosed brace reaches no further than its block.
 */

const TOP_LEVEL = /^(?:resource|data|module|variable|output|locals|provider|terraform|moved|import|check|removed)[ \t]*["{]/y;

const QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const PERCENT = 37;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const LESS = 60;

function startsName(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * The starts of the items from `from` (an item's start) on; `stop` is asked at each start found
 * after `from` and ends the scan when it says so (that start is then the last one returned).
 */
export function itemStarts(text: string, from = 0, stop?: (start: number) => boolean): number[] {
  const starts = [from];
  // What is open: `{`, `[`, `(` brackets, `"` a string, `$` an interpolation in a string.
  const open: number[] = [];
  let heredoc: RegExp | undefined;
  let i = from;
  const length = text.length;
  while (i < length) {
    // At a line's start.
    if (heredoc) {
      heredoc.lastIndex = i;
      if (heredoc.test(text)) heredoc = undefined;
    } else if (i > from) {
      let first = i;
      while (first < length && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
      TOP_LEVEL.lastIndex = i;
      const reopened = open.length > 0 && TOP_LEVEL.test(text);
      if ((open.length === 0 && first < length && startsName(text.charCodeAt(first))) || reopened) {
        open.length = 0;
        starts.push(i);
        if (stop?.(i)) return starts;
      }
    }
    const end = heredoc ? lineEndAt(text, i) : scanLine(text, i, lineEndAt(text, i), open, (marker) => (heredoc = marker));
    // A string does not go on past its line: one left open there is closed, as the parser reads it.
    while (open.length > 0 && (open[open.length - 1] === QUOTE || open[open.length - 1] === DOLLAR)) open.pop();
    i = end + 1;
  }
  return starts;
}

/**
 * Scans a line's code from `i` to its end `end`, keeping `open` up to date; returns the end of
 * the line it stopped on (a block comment may end on a later line).
 */
function scanLine(text: string, i: number, end: number, open: number[], heredocAt: (marker: RegExp) => void): number {
  while (i < end) {
    const code = text.charCodeAt(i);
    const top = open[open.length - 1];
    if (top === QUOTE) {
      if (code === BACKSLASH) i += 2;
      else if ((code === DOLLAR || code === PERCENT) && text.charCodeAt(i + 1) === code && text.charCodeAt(i + 2) === 123) i += 3;
      else if ((code === DOLLAR || code === PERCENT) && text.charCodeAt(i + 1) === 123) {
        open.push(DOLLAR);
        i += 2;
      } else {
        if (code === QUOTE) open.pop();
        i++;
      }
      continue;
    }
    if (code === HASH || (code === SLASH && text.charCodeAt(i + 1) === SLASH)) return end;
    if (code === SLASH && text.charCodeAt(i + 1) === STAR) {
      const close = text.indexOf('*/', i + 2);
      // A block comment may span lines: the scan goes on after it, on its last line.
      if (close < 0) return text.length;
      const after = close + 2;
      if (after > end) return scanLine(text, after, lineEndAt(text, after), open, heredocAt);
      i = after;
      continue;
    }
    if (code === LESS && text.charCodeAt(i + 1) === LESS) {
      const found = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?$/.exec(text.slice(i, end));
      if (found) {
        heredocAt(new RegExp(`[ \\t]*${found[1]}[ \\t]*(\\r?\\n|$)`, 'y'));
        return end;
      }
    }
    if (code === QUOTE) open.push(QUOTE);
    else if (code === 123 || code === 91 || code === 40) open.push(code);
    else if (code === 125 || code === 93 || code === 41) {
      // `}` closes an interpolation and goes back into its string.
      if (top === DOLLAR) open.pop();
      else if (top !== undefined) open.pop();
    }
    i++;
  }
  return end;
}

function lineEndAt(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
}

/**
 * The item starts of a new version of a text, from those of the previous one and where the two
 * differ: starts before the change are kept, the scan runs from the item before it until it meets
 * a start of the previous version past the change (the text from there on is the same, and so is
 * every start after it, moved by the change in length).
 *
 * `old` is taken over: the result is `old` itself, changed in place, as the previous version's
 * reading is never read again (`earlier` in keptReadings.ts). A keystroke in a large file made an
 * array of all its starts and a set of those after the change, which lived until the next one.
 */
export function moveStarts(old: number[], changed: Difference, text: PieceText): number[] {
  const oldChangeEnd = changed.oldLength - changed.suffix;
  // The item the change begins in, and the one before it: a change at an item's start may join it to the last.
  let k = 0;
  while (k + 1 < old.length && old[k + 1] <= changed.start) k++;
  const from = k > 0 ? k - 1 : 0;
  // The previous version's starts past the change: `old[after]` on (they are in order).
  const after = firstAtOrAfter(old, oldChangeEnd, from + 1);
  const firstAfter: number | undefined = old[after];
  const scanFrom = old[from] ?? 0;
  const scan = (within: string, base: number) => {
    let met: number | undefined;
    const scanned = itemStarts(within, 0, (start) => {
      const moved = base + start - changed.delta;
      if (moved >= oldChangeEnd && old[firstAtOrAfter(old, moved, after)] === moved) met = moved;
      return met !== undefined;
    }).map((start) => base + start);
    return { scanned, met };
  };
  // First over the text from the scan's start to a little past the first start after the change,
  // which the scan most likely meets. Its result is the whole text's when it met a start there
  // with that start's whole line within the piece read: every character the scan read up to it was
  // then within, and read as in the whole text (a line's end, a comment's end, a heredoc's line).
  let result: { scanned: number[]; met: number | undefined } | undefined;
  if (firstAfter !== undefined) {
    const end = Math.min(text.length, firstAfter + changed.delta + WINDOW_PAST);
    const within = text.slice(scanFrom, end);
    const tried = scan(within, scanFrom);
    if (tried.met !== undefined && (end === text.length || within.indexOf('\n', tried.met + changed.delta - scanFrom) >= 0)) result = tried;
  }
  result ??= scan(text.slice(scanFrom), scanFrom);
  // The starts from the scan's start up to the one it met (all of them, if it met none) are the scan's; those after it, moved.
  const replaced = result.met === undefined ? old.length : firstAtOrAfter(old, result.met, after) + 1;
  spliceIn(old, from, replaced - from, result.scanned);
  for (let j = from + result.scanned.length; j < old.length; j++) old[j] += changed.delta;
  return old;
}

/** How far past the first item start after a change the scan reads before it reads the rest of the text. */
const WINDOW_PAST = 4096;
