import type { RequestContext } from './conditions';

/** A context key's value as a policy variable reads it: one value, absent (`null`), or unknown (`undefined`). */
export type ContextLookup = (key: string) => string | readonly string[] | null | undefined;

/** The context's keys without regard to case, as IAM matches them. */
export function contextLookup(context: RequestContext): ContextLookup {
  const lower = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  return (key) => lower.get(key.toLowerCase());
}

const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * The text with its policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`)
 * filled in from the request context (IAM User Guide, "IAM policy elements: Variables and tags"):
 * a key the context gives one value of is replaced by it; an absent key by the default the variable
 * names. Null when the request lacks a key and the variable names no default: the value then
 * matches nothing. Undefined when a variable cannot be settled: the key is unknown or has several
 * values, or the variable is one of the escapes `${*}`, `${?}`, `${$}` (literal characters that a
 * pattern must not read as wildcards).
 */
export function fillVariables(text: string, lookup: ContextLookup): string | null | undefined {
  if (!text.includes('${')) return text;
  let settled = true;
  let missing = false;
  const filled = text.replace(VARIABLE, (whole, inner: string) => {
    const match = /^\s*([^,\s]+)\s*(?:,\s*'([^']*)'\s*)?$/.exec(inner);
    if (!match || ['*', '?', '$'].includes(match[1])) {
      settled = false;
      return whole;
    }
    const value = lookup(match[1]);
    if (typeof value === 'string') return value;
    if (value === null && match[2] !== undefined) return match[2];
    if (value === null) missing = true;
    else settled = false;
    return whole;
  });
  return !settled ? undefined : missing ? null : filled;
}
