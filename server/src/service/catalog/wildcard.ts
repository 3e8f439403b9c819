/** IAM's wildcards: `*` matches any run of characters, `?` any single character. */

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/**
 * A case-insensitive, anchored matcher for an IAM wildcard pattern. Matching walks the pattern
 * and the candidate once, going back only to the last `*`: no regular expression, so a pattern
 * full of stars written by anyone cannot make it backtrack exponentially.
 */
export function wildcardMatcher(pattern: string): (candidate: string) => boolean {
  const lowerPattern = pattern.toLowerCase();
  if (!hasWildcard(pattern)) return (candidate) => candidate.toLowerCase() === lowerPattern;
  return (candidate) => globMatch(lowerPattern, candidate.toLowerCase());
}

/** The same, respecting case: what `StringLike` and `ArnLike` do with a condition's values. */
export function caseSensitiveMatcher(pattern: string): (candidate: string) => boolean {
  if (!hasWildcard(pattern)) return (candidate) => candidate === pattern;
  return (candidate) => globMatch(pattern, candidate);
}

function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const ch = pattern[p];
    if (ch === '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.length && (ch === '?' || ch === text[t])) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
