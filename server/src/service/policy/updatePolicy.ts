import type { Node, ParseError } from 'jsonc-parser';
import { countCommentMarks, MAX_DEPTH, PARSE_OPTIONS, ParsedPolicy } from './parsePolicy';
import { piecesOf, type PieceText } from '../text/pieceText';
import { NestingTooDeep, parseTree, type MutableNode } from './parseTree';
import type { PolicyModel } from './policyModel';
import { ownCopy } from '../ownCopy';
import { pieceDifference } from '../textDifference';

/**
 * The model of `text` made from `previous`, the model of an earlier text of the same document,
 * when the two differ only inside one statement object: that statement alone is parsed again,
 * and the nodes after it move by the change in length. The result is the model `parsePolicy`
 * gives for `text` (see below why); undefined when the texts differ in any other way, and then
 * `previous` is left as it was.
 *
 * On success the new model takes over `previous`'s tree, and `previous` reads as no policy from
 * then on: a caller keeps only the model of the current text.
 *
 * Why the result equals a full parse: jsonc-parser reads tokens left to right and decides on the
 * current token alone. The text before the statement is unchanged, so a full parse reaches its
 * `{` in the same state as before; if the statement, parsed on its own, ends by closing its
 * object at its last `}` (no error at the end of the piece), a full parse reads the same tokens
 * and reports the same errors inside it; the previous parse closed the statement at its `}` too
 * (it ended before the end of the text), so what follows is read from the same state as before,
 * over the same text, at offsets moved by the change in length. The statement is parsed within
 * the nesting left to it below its parents, so a text a full parse would give up on (see
 * `NestingTooDeep`) is left to the full parse.
 */
export function updatePolicy(previous: PolicyModel, next: string | PieceText): PolicyModel | undefined {
  if (!(previous instanceof ParsedPolicy) || !previous.root) return undefined;
  const old = previous.source;
  const text = piecesOf(next);
  if (text === old) return previous;
  const { start: prefix, suffix } = pieceDifference(old, text);
  if (prefix === old.length && old.length === text.length) return previous;
  const changeEnd = old.length - suffix;

  const items = previous.statementNodes();
  const index = statementIndexAt(items, prefix);
  const node = items[index];
  if (node?.type !== 'object') return undefined;
  const start = node.offset;
  const end = node.offset + node.length;
  // Strictly inside the braces, and a statement that its `}` closed rather than the end of the text.
  if (!(start < prefix && changeEnd < end && end < old.length)) return undefined;

  // One statement changed: parsed again alone, as `updateStatements` parses several.
  return updateStatements(previous, text, [{ start, end, delta: text.length - old.length }]);
}

/**
 * A statement's text parsed alone, within the nesting a full parse allows where `place` (the node
 * it replaces) stands. Undefined unless it reads as one object closed at its last `}` (not by the
 * end of the piece: see `updatePolicy` why a full parse then reads it the same), or when it nests
 * deeper (a full parse then gives up on the whole text).
 */
export function parseStatementAlone(source: string, errors: ParseError[], place: Node): MutableNode | undefined {
  let node: MutableNode | undefined;
  try {
    node = parseTree(source, errors, PARSE_OPTIONS, MAX_DEPTH - depthAbove(place));
  } catch (error) {
    if (error instanceof NestingTooDeep) return undefined;
    throw error;
  }
  return node?.type === 'object' && node.length === source.length && !errors.some((e) => e.offset >= source.length) ? node : undefined;
}

/** How many objects and arrays the node lies in. */
function depthAbove(node: Node): number {
  let depth = 0;
  for (let n = node.parent; n; n = n.parent) if (n.type === 'object' || n.type === 'array') depth++;
  return depth;
}

/** The index of the `Statement` item that starts last at or before `offset` (items are in text order). */
function statementIndexAt(items: readonly Node[], offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid].offset <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Adds `delta` to the offsets of a node and everything in it. */
export function move(node: Node, delta: number): void {
  const stack: Node[] = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    const mutable = n as MutableNode;
    mutable.offset += delta;
    if (mutable.colonOffset !== undefined) mutable.colonOffset += delta;
    if (n.children) for (const child of n.children) stack.push(child);
  }
}

/** Lengthens the node's ancestors by `delta` and moves every node after it by `delta`. */
function moveFollowing(node: Node, delta: number): void {
  if (delta === 0) return;
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    (parent as MutableNode).length += delta;
    const siblings = parent.children ?? [];
    for (let i = siblings.lastIndexOf(child) + 1; i < siblings.length; i++) move(siblings[i], delta);
  }
}

/** Empties a model whose tree another has taken over. */
function release(model: ParsedPolicy): void {
  model.root = undefined;
  model.isPolicy = false;
  model.version = model.id = model.statementProperty = undefined;
  model.syntaxErrors = [];
  model.forgetStatements();
}

/**
 * The model of `text` made from `previous` when the two differ only inside some statement objects,
 * each `[start, end)` of the previous text (in order, apart) now `delta` characters longer: each is
 * parsed again alone, as `updatePolicy` parses one, and the nodes between and after them move.
 * Undefined (and `previous` left as it was) when a statement does not read as one object alone.
 */
export function updateStatements(previous: PolicyModel, nextText: string | PieceText, changes: readonly { start: number; end: number; delta: number }[]): PolicyModel | undefined {
  if (!(previous instanceof ParsedPolicy) || !previous.root) return undefined;
  const text = piecesOf(nextText);
  if (changes.length === 0) return text === previous.source || text.toString() === previous.text ? previous : undefined;
  const items = previous.statementNodes();
  // First every replacement is made and checked; only then is the previous tree changed.
  const replacements: { index: number; node: Node; replacement: MutableNode; start: number; delta: number; errors: ParseError[] }[] = [];
  let shift = 0;
  // The count of comment marks moves by what the statements lose and gain: a statement's text starts
  // with `{` and ends with `}`, so no mark spans its edge.
  let marks = previous.marks;
  for (const { start, end, delta } of changes) {
    const index = statementIndexAt(items, start);
    const node = items[index];
    if (node?.type !== 'object' || node.offset !== start || node.offset + node.length !== end || end >= previous.source.length) return undefined;
    // Its own copy: the values parsed from a slice of the text would keep this whole version of it.
    const source = ownCopy(text.slice(start + shift, end + shift + delta));
    const errors: ParseError[] = [];
    const replacement = parseStatementAlone(source, errors, node);
    if (!replacement) return undefined;
    if (marks !== undefined) marks += countCommentMarks([source]) - countCommentMarks([previous.source.slice(start, end)]);
    replacements.push({ index, node, replacement, start: start + shift, delta, errors: errors.map((e) => ({ ...e, offset: e.offset + start + shift })) });
    shift += delta;
  }
  // The statements' array (or the one statement object) and what follows it move as the changes add up.
  const array: MutableNode | undefined = items[0]?.parent;
  if (!array) return undefined;
  let moved = 0;
  let next = 0;
  for (let i = 0; i < items.length; i++) {
    const change = replacements[next];
    if (change && change.index === i) {
      move(change.replacement, change.start);
      change.replacement.parent = array;
      array.children![array.type === 'array' ? i : 1] = change.replacement;
      moved += change.delta;
      next++;
    } else if (moved !== 0) move(items[i], moved);
  }
  if (next !== replacements.length) return undefined;
  // The array's ancestors lengthen, and what follows it in them moves, by all the changes together.
  array.length += moved;
  moveFollowing(array, moved);
  // The errors outside the changed statements, moved; then each one's own, in text order.
  const kept = previous.syntaxErrors
    .filter((e) => !changes.some((c) => e.offset > c.start && e.offset < c.end))
    .map((e) => ({ ...e, offset: e.offset + changes.filter((c) => c.end <= e.offset).reduce((sum, c) => sum + c.delta, 0) }));
  const errors = [...kept, ...replacements.flatMap((r) => r.errors)].sort((a, b) => a.offset - b.offset);
  const model = new ParsedPolicy(text, previous.root, errors);
  model.isPolicy = previous.isPolicy;
  model.version = previous.version;
  model.id = previous.id;
  model.statementProperty = previous.statementProperty;
  model.duplicateKeys = previous.duplicateKeys;
  model.built = previous.built.slice();
  model.marks = marks;
  for (const change of replacements) model.built[change.index] = undefined;
  release(previous);
  return model;
}
