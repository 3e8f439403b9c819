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
