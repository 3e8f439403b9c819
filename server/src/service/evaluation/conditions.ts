import type { ContextValues } from '../../../../common/src/access';
import { operatorMeaning, parseConditionOperator } from '../catalog/conditionOperators';
import type { ConditionElement, ConditionKeyEntry } from '../policy/policyModel';
import { valueMatches } from './conditionValues';
import { contextLookup, fillVariables, type ContextLookup } from './variables';
import type { Coverage } from './patterns';

/**
 * What is known of a request's context: a key's value or values, or `null` for a key the request
 * does not have. Keys left out are unknown. Keys are matched without regard to case, as IAM
 * matches them.
 */
export type RequestContext = ContextValues;

type Truth = 'true' | 'false' | 'unknown';

/**
 * Whether a statement's `Condition` holds for a request: `all` when it surely does, `none` when it
 * surely does not, `some` when the known context does not settle it (IAM User Guide, "IAM JSON
 * policy elements: Condition operators" and "Conditions with multiple context keys or values":
 * operators and keys combine with AND, a key's values with OR, or NOR under a negated operator; a
 * key missing from the request fails a condition, but passes a negated one, `...IfExists`, and
 * `ForAllValues:`).
 */
export function conditionCoverage(condition: ConditionElement, context: RequestContext | undefined): Coverage {
  if (!context || condition.value?.type !== 'object') return 'some';
  const lookup = contextLookup(context);
  let result: Coverage = 'all';
  for (const clause of condition.clauses) {
    const { qualifier, operator } = parseConditionOperator(clause.operator.value);
    if (!operator || clause.body?.type !== 'object') return 'some';
    const meaning = operatorMeaning(operator);
    for (const entry of clause.keys) {
      const truth = keyTruth(meaning, qualifier, entry, lookup(entry.key.value), lookup);
      if (truth === 'false') return 'none';
      if (truth === 'unknown') result = 'some';
    }
  }
  return result;
}


function keyTruth(
  meaning: ReturnType<typeof operatorMeaning>,
  qualifier: string | undefined,
  entry: ConditionKeyEntry,
  known: string | readonly string[] | null | undefined,
  lookup: ContextLookup,
): Truth {
  // Policy variables in the values are filled in from the context; one it cannot settle leaves it open.
  const filled = [...entry.values.map((v) => v.value), ...entry.scalars.map((n) => String(n.value))].map((v) => fillVariables(v, lookup));
  if (entry.invalid.length > 0 || filled.includes(undefined) || known === undefined) return 'unknown';
  // A value whose variable names a key the request lacks matches nothing.
  const policyValues = filled.filter((v): v is string => typeof v === 'string');
  const requestValues = known === null ? [] : typeof known === 'string' ? [known] : [...known];
  if (meaning.family === 'Null') {
    // "true": the key is absent; "false": it is present.
    const absent = requestValues.length === 0;
    return truth(policyValues.some((v) => (v.toLowerCase() === 'true') === absent));
  }
  if (requestValues.length === 0) {
    if (meaning.ifExists || qualifier === 'ForAllValues') return 'true';
    if (qualifier === 'ForAnyValue') return 'false';
    return truth(meaning.negated);
  }
  const matchesOne = (request: string): Truth => {
    let unknown = false;
    for (const policy of policyValues) {
      const matched = valueMatches(meaning.base, policy, request);
      if (matched === true) return meaning.negated ? 'false' : 'true';
      if (matched === undefined) unknown = true;
    }
    return unknown ? 'unknown' : meaning.negated ? 'true' : 'false';
  };
  const each = requestValues.map(matchesOne);
  if (qualifier === 'ForAllValues') return each.includes('false') ? 'false' : each.includes('unknown') ? 'unknown' : 'true';
  if (qualifier === 'ForAnyValue') return each.includes('true') ? 'true' : each.includes('unknown') ? 'unknown' : 'false';
  // A plain operator on a key with several values in the request: how IAM reads it depends on the key.
  return each.length === 1 ? each[0] : 'unknown';
}

function truth(value: boolean): Truth {
  return value ? 'true' : 'false';
}
