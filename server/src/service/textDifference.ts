/**
 * Where two versions of a text differ: what the incremental readers (YAML templates, Terraform
 * files) and fix-all compare versions with.
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
  const shortest = Math.min(a.length, b.length);
  // Chunks of falling size: each equal chunk is skipped at the engine's speed, and the last
  // characters are compared one by one within at most a few dozen.
  let start = 0;
  for (let chunk = 65536; chunk >= 16; chunk >>= 4) {
    while (start + chunk <= shortest && a.slice(start, start + chunk) === b.slice(start, start + chunk)) start += chunk;
  }
  while (start < shortest && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  const room = shortest - start;
  let suffix = 0;
  for (let chunk = 65536; chunk >= 16; chunk >>= 4) {
    while (suffix + chunk <= room && a.slice(a.length - suffix - chunk, a.length - suffix) === b.slice(b.length - suffix - chunk, b.length - suffix)) suffix += chunk;
  }
  while (suffix < room && a.charCodeAt(a.length - suffix - 1) === b.charCodeAt(b.length - suffix - 1)) suffix++;
  return { start, suffix, oldLength: a.length, delta: b.length - a.length };
}
