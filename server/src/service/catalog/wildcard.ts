/** IAM's wildcards: `*` matches any run of characters, `?` any single character. */

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** A case-insensitive, anchored matcher for an IAM wildcard pattern. */
export function wildcardMatcher(pattern: string): (candidate: string) => boolean {
  if (!hasWildcard(pattern)) {
    const lower = pattern.toLowerCase();
    return (candidate) => candidate.toLowerCase() === lower;
  }
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${source}$`, 'is');
  return (candidate) => regex.test(candidate);
}
