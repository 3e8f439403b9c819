import type { Node, ParseError } from 'jsonc-parser';
import { nodeAt } from './policyAt';
import { MAX_DEPTH, PARSE_OPTIONS, parsePolicy, policyModel } from './parsePolicy';
import { piecesOf, type PieceText } from '../text/pieceText';
import { NestingTooDeep, parseTree, type MutableNode } from './parseTree';
import type { PolicyModel } from './policyModel';
import { move, parseStatementAlone } from './updatePolicy';

type Span = { start: number; end: number };

/** Below this many characters a text is parsed in one step (a few milliseconds). */
export const STEPWISE_FROM = 256 * 1024;
/** How many characters are scanned, or statements parsed, between two pauses. */
const CHARACTERS_PER_STEP = 128 * 1024;
const STATEMENTS_PER_STEP = 64;

/**
 * `parsePolicy` in steps, for a caller that answers other requests between them: a 2 MB policy
 * takes some 70 ms to parse at once. The same model `parsePolicy` gives, made as `updatePolicy`
 * makes a statement's (see there why that is the same): the statement objects of the `Statement`
 * array are found by a scan of the characters, the text is parsed with each of them written `{}`,
 * and each is parsed alone, a few dozen a step, and put in its place. jsonc-parser reads `{}` and a
 * statement that closes at its last `}` into the same state, so what lies between the statements
 * reads the same either way. The parse with `{}` confirms each is an object where the scan found
 * it; a statement that does not parse alone as one object to its last `}`, or a scan the parse does
 * not confirm (a text broken where it matters), and the text is parsed whole.
 */
export function* parsePolicySteps(whole: string | PieceText, from = STEPWISE_FROM): Generator<void, PolicyModel, void> {
  const source = piecesOf(whole);
  const text = source.toString();
  if (text.length < from) return parsePolicy(source);
  const spans = yield* statementSpans(text);
  const skeleton = spans.length > 0 ? yield* parseSkeleton(text, spans) : undefined;
  if (!skeleton) return parsePolicy(source);
  const { root, errors, emptied } = skeleton;
  const inner: ParseError[] = [];
  // Where the last statement went in its array: the next one is further along, most likely the next.
  let lastParent: Node | undefined;
  let cursor = 0;
  for (let i = 0; i < spans.length; i++) {
    const { start, end } = spans[i];
    const statementText = text.slice(start, end);
    const own: ParseError[] = [];
    const statement = parseStatementAlone(statementText, own, emptied[i]);
    if (!statement) return parsePolicy(source);
    move(statement, start);
    const parent = emptied[i].parent as MutableNode;
    statement.parent = parent;
    const index = parent.children!.indexOf(emptied[i], parent === lastParent ? cursor : 0);
    parent.children![index] = statement;
    lastParent = parent;
    cursor = index + 1;
    for (const e of own) inner.push({ ...e, offset: e.offset + start });
    if (i % STATEMENTS_PER_STEP === STATEMENTS_PER_STEP - 1) yield;
  }
  const all = errors.concat(inner).sort((a, b) => a.offset - b.offset);
  return policyModel(source, root, all);
}

/**
 * The text parsed with each statement written `{}`, its places moved back to the text's; and the
 * empty object of each statement, which the parse must find where the scan found the statement.
 * Undefined where it does not, or where the text nests too deep.
 */
function* parseSkeleton(text: string, spans: readonly Span[]): Generator<void, { root: Node; errors: ParseError[]; emptied: MutableNode[] } | undefined, void> {
  const pieces: string[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    pieces.push(text.slice(at, start), '{}');
    at = end;
  }
  pieces.push(text.slice(at));
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(pieces.join(''), errors, PARSE_OPTIONS, MAX_DEPTH);
  } catch (error) {
    if (error instanceof NestingTooDeep) return undefined;
    throw error;
  }
  if (!root) return undefined;
  // Its parse, its places and its statements' objects: a step each (thousands of statements).
  yield;
  let held = 0;
  const skeletonStarts = spans.map((span) => {
    const start = span.start - held;
    held += span.end - span.start - 2;
    return start;
  });
  const place = placeInText(spans, skeletonStarts);
  forEachNode(root, (node) => {
    const end = place(node.offset + node.length, true);
    node.offset = place(node.offset);
    node.length = end - node.offset;
    if (node.colonOffset !== undefined) node.colonOffset = place(node.colonOffset);
  });
  for (const e of errors) {
    const end = place(e.offset + e.length, true);
    e.offset = place(e.offset);
    e.length = end - e.offset;
  }
  yield;
  const emptied: MutableNode[] = [];
  for (const { start, end } of spans) {
    const node = nodeAt(root, start);
    if (node?.type !== 'object' || node.offset !== start || node.length !== end - start || node.children?.length !== 0 || node.parent?.type !== 'array') return undefined;
    emptied.push(node);
  }
  yield;
  return { root, errors, emptied };
}

/**
 * Where a place of the text with each statement written `{}` is in the text: a place past a
 * statement's `{` moves by the characters its `{}` stands for, except the end of something that
 * ends with that `{` (an error on it).
 */
function placeInText(spans: readonly Span[], skeletonStarts: readonly number[]): (offset: number, isEnd?: boolean) => number {
  return (offset, isEnd = false) => {
    // The last statement whose `{` lies before the place.
    let low = 0;
    let high = skeletonStarts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (skeletonStarts[middle] < offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0) return offset;
    if (isEnd && offset === skeletonStarts[found] + 1) return spans[found].start + 1;
    return offset + spans[found].end - skeletonStarts[found] - 2;
  };
}

function forEachNode(root: Node, visit: (node: MutableNode) => void): void {
  const stack: Node[] = [root];
  for (let n = stack.pop(); n; n = stack.pop()) {
    visit(n);
    if (n.children) for (const child of n.children) stack.push(child);
  }
}

/**
 * Where the objects in the array of the top object's `Statement` start and end, `[start, end)`,
 * found by reading the characters as JSON with comments: strings, comments, brackets.
 */
function* statementSpans(text: string): Generator<void, Span[], void> {
  const spans: Span[] = [];
  /** The open brackets, innermost last: `{`, `[`, or `S` for the array of a top-level `Statement`. */
  const open: string[] = [];
  let key: string | undefined;
  let statementStart = -1;
  let pause = CHARACTERS_PER_STEP;
  for (let i = 0; i < text.length; i++) {
    if (i >= pause) {
      pause += CHARACTERS_PER_STEP;
      yield;
    }
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const from = i + 1;
      for (i = from; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i++;
        else if (s === 0x22 || s === 0x0a || s === 0x0d) break;
      }
      if (open.length === 1) key = text.slice(from, i);
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === 0x7b /* { */) {
      if (open.length === 2 && open[1] === 'S') statementStart = i;
      open.push('{');
    } else if (c === 0x5b /* [ */) {
      open.push(open.length === 1 && open[0] === '{' && key === 'Statement' ? 'S' : '[');
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
      if (c === 0x7d && open.length === 2 && open[1] === 'S' && statementStart >= 0) {
        spans.push({ start: statementStart, end: i + 1 });
        statementStart = -1;
      }
    } else if (c === 0x2c /* , */ && open.length === 1) key = undefined;
  }
  return spans;
}
