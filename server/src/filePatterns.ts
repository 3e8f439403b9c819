import picomatch from 'picomatch';

/** Whether a path matches; built once per pattern list. */
export type PathMatcher = (path: string) => boolean;

/**
 * File patterns as VS Code settings write them (`**` any folders, `*` any characters but `/`,
 * `{a,b}` alternatives), matched by picomatch against a path with forward slashes. Patterns that
 * are not strings, or empty, are left out; no pattern matches nothing.
 */
export function pathMatcher(patterns: readonly unknown[]): PathMatcher {
  const globs = patterns.filter((p): p is string => typeof p === 'string' && p !== '');
  if (globs.length === 0) return () => false;
  // Compiled when first asked: the server reads its default settings as it starts, before it answers.
  let matchers: PathMatcher[] | undefined;
  return (path) => {
    matchers ??= globs.flatMap((glob) => {
      try {
        return [picomatch(glob, { dot: true })];
      } catch {
        // A pattern picomatch refuses (over 65,536 characters) matches nothing; the others still match.
        return [];
      }
    });
    return matchers.some((match) => match(path));
  };
}
