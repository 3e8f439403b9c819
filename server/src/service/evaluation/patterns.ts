import { globsIntersect, variablesAsGlob } from '../catalog/arnPatterns';
import { hasWildcard } from '../catalog/wildcard';

/**
 * How much of a set of resources a statement's pattern takes in: every one of them (`all`), some
 * and perhaps all but not provably (`some`), or none. A request names one resource, or, when the
 * checks ask about what a policy writes (`stream/*`, `table/${app}`), a set of them.
 */
export type Coverage = 'all' | 'some' | 'none';

/** A policy variable or a template's value: text that is not known here. */
const VARIABLE = /\$\{[^}]*\}/g;

/**
 * How much of `target` the resource pattern `pattern` covers. ARNs are matched case-sensitively,
 * with `*` for any run of characters and `?` for one (IAM User Guide, "IAM JSON policy elements:
 * Resource"). A policy variable in the pattern (`${aws:username}`) takes its value from the request
 * ("IAM policy elements: Variables and tags"), which is not known here: such a pattern covers
 * `some` of what it could match. A variable in the target is unknown text: the parts around it
 * still decide (`arn:aws:dynamodb:${region}:${account}:table/x` is no role ARN).
 */
export function resourceCoverage(pattern: string, target: string, literal = false): Coverage {
  if (pattern === '*' || pattern === target) return 'all';
  if (literal) return literalCoverage(pattern, target);
  const patternHasVariable = pattern.includes('${');
  // For inclusion a variable is any text; for overlap, one that is a whole ARN header field has no `:`.
  const targetStars = variablesAsStars(target);
  if (!patternHasVariable) {
    if (!hasWildcard(pattern) && !hasWildcard(targetStars)) return pattern === targetStars ? 'all' : 'none';
    if (globCovers(pattern, targetStars)) return 'all';
  }
  return globsIntersect(variablesAsGlob(pattern), variablesAsGlob(target)) ? 'some' : 'none';
}

/**
 * The text with each policy variable as `*`. The same patterns and targets are compared again and
 * again, and a template's are written with `${unknown}` where the stack decides: the answers are
 * kept, up to a bound (the first check of a large template made 5 MB of these copies).
 */
function variablesAsStars(text: string): string {
  if (!text.includes('${')) return text;
  let stars = STARRED.get(text);
  if (stars === undefined) {
    if (STARRED.size >= STARRED_KEPT) STARRED.clear();
    STARRED.set(text, (stars = text.replace(VARIABLE, '*')));
  }
  return stars;
}

const STARRED = new Map<string, string>();
const STARRED_KEPT = 1024;

/**
 * A target that is one resource string, not a pattern: the `*` IAM puts in a request for an action
 * that takes no resource (`cloudwatch:PutMetricData`) is matched only by patterns that match `*`.
 */
function literalCoverage(pattern: string, target: string): Coverage {
  const known = variablesAsStars(pattern);
  // The target's own `*` and `?` are characters here: stand-ins that only a wildcard takes. (A
  // target without them is taken as it is: the check of a large template asks this millions of times.)
  if (!globCovers(known, hasWildcard(target) ? target.replace(/[*?]/g, '\u0002') : target)) return 'none';
  return known === pattern ? 'all' : 'some';
}

/** Globs longer than this are not compared cell by cell: no ARN is (AWS limits them to 2,048). */
const MAX_COVER_LENGTH = 2048;

/**
 * Whether every string `inner` matches is matched by `outer` (both IAM globs). `outer`'s `*`
 * takes any run of `inner`, wildcards included; its `?` takes one literal character or `?`;
 * a literal takes only itself. This proves inclusion where it answers true; the rare inclusions
 * it cannot prove (`?*` against `*?`) are answered false, which callers read as `some`.
 */
export function globCovers(outer: string, inner: string): boolean {
  if (outer.length > MAX_COVER_LENGTH || inner.length > MAX_COVER_LENGTH) return false;
  // reach[j]: outer[0..i) can take inner[0..j); two rows, swapped for each character of outer.
  let reach = new Uint8Array(inner.length + 1);
  let next = new Uint8Array(inner.length + 1);
  reach[0] = 1;
  for (let i = 0; i < outer.length; i++) {
    const ch = outer[i];
    next.fill(0);
    if (ch === '*') {
      let reached = 0;
      for (let j = 0; j <= inner.length; j++) {
        reached |= reach[j];
        next[j] = reached;
      }
    } else {
      for (let j = 0; j < inner.length; j++) {
        if (!reach[j]) continue;
        const other = inner[j];
        if (ch === '?' ? other !== '*' : other === ch) next[j + 1] = 1;
      }
    }
    [reach, next] = [next, reach];
  }
  return reach[inner.length] === 1;
}

/** The narrower of two coverages: what a statement covers when all of its parts must apply. */
export function narrower(a: Coverage, b: Coverage): Coverage {
  return a === 'none' || b === 'none' ? 'none' : a === 'some' || b === 'some' ? 'some' : 'all';
}

/** The wider of two coverages: what a list covers when any of its entries may apply. */
export function wider(a: Coverage, b: Coverage): Coverage {
  return a === 'all' || b === 'all' ? 'all' : a === 'some' || b === 'some' ? 'some' : 'none';
}

/** What a list of entries covers, or, negated (`NotResource`, `NotPrincipal`), what it leaves. */
export function listCoverage<T>(entries: readonly T[], coverage: (entry: T) => Coverage, negated: boolean): Coverage {
  let result: Coverage = 'none';
  for (const entry of entries) {
    result = wider(result, coverage(entry));
    if (result === 'all') break;
  }
  if (!negated) return result;
  return result === 'all' ? 'none' : result === 'some' ? 'some' : 'all';
}
