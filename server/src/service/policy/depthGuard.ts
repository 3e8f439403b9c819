/**
 * jsonc-parser recurses once per level of nesting: a text nested deeper than any policy is not
 * parsed at all. A policy nests five levels (Statement, statement, Condition, operator, values);
 * a thousand is no policy.
 *
 * The guard counts brackets outside strings, reading the text as a machine of three states:
 * outside a string, inside one, and just after a backslash inside one.
 */
export const MAX_DEPTH = 1000;

const OUTSIDE = 0;
const INSIDE = 1;
const ESCAPED = 2;
type ScanState = typeof OUTSIDE | typeof INSIDE | typeof ESCAPED;

/** The deepest the brackets of the text nest, or `MAX_DEPTH + 1` as soon as they pass the limit. */
export function maxNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let state: ScanState = OUTSIDE;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (state === ESCAPED) state = INSIDE;
    else if (state === INSIDE) {
      if (code === 0x5c) state = ESCAPED;
      else if (code === 0x22) state = OUTSIDE;
    } else if (code === 0x22) state = INSIDE;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > max && (max = depth) > MAX_DEPTH) return max;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return max;
}

/** What a piece of text does to the scan entering it in `state`: where it leaves, the net and the highest depth. */
function effect(text: string, entry: ScanState): { state: ScanState; depth: number; max: number } {
  let state = entry;
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (state === ESCAPED) state = INSIDE;
    else if (state === INSIDE) {
      if (code === 0x5c) state = ESCAPED;
      else if (code === 0x22) state = OUTSIDE;
    } else if (code === 0x22) state = INSIDE;
    else if (code === 0x7b || code === 0x5b) max = Math.max(max, ++depth);
    else if (code === 0x7d || code === 0x5d) depth--;
  }
  return { state, depth, max };
}

/**
 * After `before` is replaced by `after` in a text whose nesting is at most `bound`: a new bound,
 * or undefined when the guard must read the whole text again. The scan of what follows the
 * replacement is unchanged when both pieces leave it in the same state and at the same depth,
 * whatever state it entered them in.
 */
export function nestingAfterReplace(bound: number, before: string, after: string): number | undefined {
  let result = bound;
  for (const entry of [OUTSIDE, INSIDE, ESCAPED] as const) {
    const old = effect(before, entry);
    const now = effect(after, entry);
    if (old.state !== now.state || old.depth !== now.depth) return undefined;
    // The depth where the piece starts is at most `bound - old.max`, since the old text kept within `bound`.
    result = Math.max(result, bound - old.max + now.max);
  }
  return result <= MAX_DEPTH ? result : undefined;
}
