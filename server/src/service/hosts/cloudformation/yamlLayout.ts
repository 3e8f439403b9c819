import { lineStart, type PieceText } from '../../text/pieceText';
/**
 * Where a YAML template's resources are, read from its lines: the `Resources` section and one
 * block of lines per resource, at one indentation; and, after an edit, from the layout before it
 * and the stretch of text the edit changed.
 */
import type { Difference } from '../../textDifference';

/** Where the `Resources` section and its resources are. */
export interface Layout {
  sectionStart: number;
  sectionEnd: number;
  /** The resources' indentation. */
  indent: number;
  /**
   * Where each resource's block starts; it ends where the next starts, the last at `sectionEnd`.
   * Numbers in a typed array: a layout is made at each keystroke and lives until the next, and as
   * an object per block a 1 MB template's was 80 KB of what each version held.
   */
  starts: Int32Array;
}

/** Where the layout's block `i` ends. */
export function blockEnd(layout: Layout, i: number): number {
  return i + 1 < layout.starts.length ? layout.starts[i + 1] : layout.sectionEnd;
}

/** Whether YAML text holds anchors or aliases (`&name`, `*name`), which join nodes across blocks. */
export function crossesBlocks(text: string): boolean {
  return /(^|[\s[{,])[&*][^\s,[\]{}]/.test(text);
}

/** Whether the text holds what the block reading does not follow: anchors, aliases, tabs, document markers other than a first `---`. */
function unfollowable(text: string, first: boolean): boolean {
  const markers = /^(---|\.\.\.)[ \t]*$/gm;
  for (let m = markers.exec(text); m; m = markers.exec(text)) if (!(first && m.index === 0 && m[1] === '---')) return true;
  return crossesBlocks(text) || text.includes('\t');
}

/**
 * The layout after a change inside the resources, from the one before: the resources before the
 * changed lines stay, those after move by the change in length, and only the changed lines are
 * read again. Undefined where the change may alter more (it reaches outside the section, or its
 * lines hold what `resourceLayout` does not follow): read the whole layout then.
 */
export function relayout(old: Layout, changed: Difference, text: PieceText): Layout | undefined {
  const oldEnd = changed.oldLength - changed.suffix;
  const first = old.starts.length > 0 ? old.starts[0] : old.sectionStart;
  if (changed.start <= first || oldEnd >= old.sectionEnd) return undefined;
  // The changed lines, whole, in the new text.
  const from = lineStart(text, changed.start);
  const newEnd = oldEnd + changed.delta;
  const lineEnd = text.indexOf('\n', newEnd);
  const to = lineEnd < 0 ? text.length : lineEnd;
  const lines = text.slice(from, to);
  if (unfollowable(lines, false)) return undefined;
  const fresh: number[] = [];
  const indentOf = /^( *)[^ \r\n#]/gm;
  for (let m = indentOf.exec(lines); m; m = indentOf.exec(lines)) {
    const column = m[1].length;
    if (column < old.indent) return undefined;
    if (column === old.indent) fresh.push(from + m.index);
  }
  // The old starts are in order: those before the changed lines, then those after them, moved.
  const oldFrom = from;
  const oldTo = to - changed.delta;
  const kept = old.starts;
  let before = 0;
  while (before < kept.length && kept[before] < oldFrom) before++;
  let after = kept.length;
  while (after > before && kept[after - 1] > oldTo) after--;
  const starts = new Int32Array(before + fresh.length + kept.length - after);
  starts.set(kept.subarray(0, before));
  starts.set(fresh, before);
  for (let i = after, at = before + fresh.length; i < kept.length; i++, at++) starts[at] = kept[i] + changed.delta;
  if (starts.length === 0) return undefined;
  return { sectionStart: starts[0], sectionEnd: old.sectionEnd + changed.delta, indent: old.indent, starts };
}

/** Whether a previous block, to stand at `start`, lies wholly in the text both versions share. */
export function unchanged(block: { start: number; end: number }, start: number, changed: Difference): boolean {
  // Before the first difference, where it was; or within the common end, moved by the change in length.
  return (block.end <= changed.start && start === block.start) || (block.start >= changed.oldLength - changed.suffix && start === block.start + changed.delta);
}

/**
 * Where the `Resources` section and its resources are: a top-level `Resources:` key in block
 * style, its entries at one indentation. Undefined when the text has what crosses blocks
 * (anchors, aliases, merge keys, document markers) or another shape.
 */
export function resourceLayout(text: string): Layout | undefined {
  if (unfollowable(text, true)) return undefined;
  const heading = /^Resources:[ ]*(#.*)?\r?\n/m.exec(text);
  if (!heading) return undefined;
  const from = heading.index + heading[0].length;
  // The section ends at the next key at column 0; its entries are the lines at its first line's indentation.
  const sectionEnd = findFrom(/^[^\s#]/gm, text, from)?.index ?? text.length;
  const first = findFrom(/^( +)[^ \r\n#]/gm, text, from);
  if (!first || first.index >= sectionEnd) return undefined;
  const indent = first[1].length;
  // A line less indented than the entries (but not at column 0) is a shape this reading does not follow.
  const outdented = indent > 1 ? findFrom(new RegExp(`^ {1,${indent - 1}}[^ \\r\\n#]`, 'gm'), text, from) : undefined;
  if (outdented && outdented.index < sectionEnd) return undefined;
  const starts: number[] = [];
  const entry = new RegExp(`^ {${indent}}[^ \\r\\n#]`, 'gm');
  entry.lastIndex = from;
  for (let m = entry.exec(text); m && m.index < sectionEnd; m = entry.exec(text)) starts.push(m.index);
  // A block runs from its key's line to the next key's (comment lines before a key belong to the block above).
  return { sectionStart: starts[0], sectionEnd, indent, starts: Int32Array.from(starts) };
}

function findFrom(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(text);
}

/** The end of the line `offset` is on, before its line break. */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** The column of `offset` on its line. */
export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/**
 * Where the text before `offset` ends, trailing blank space and line breaks left out: YAML's
 * (YAML 1.2, "Basic Structures"), not JavaScript's `\s`, which takes a BOM or a no-break space,
 * characters of a plain scalar.
 */
export function contentEnd(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && ' \t\r\n'.includes(text[end - 1])) end--;
  return end;
}
