import { operatorMeaning, parseConditionOperator, SET_QUALIFIERS } from '../catalog/conditionOperators';
import { CONDITION_OPERATORS_URL, GLOBAL_CONDITION_KEYS_URL } from '../catalog/documentationLinks';
import { isMultivalued, type ConditionKeyInfo, type IamCatalog } from '../catalog/iamCatalog';
import type { StatementModel } from '../policy/policyModel';
import { code, dataFooter, escapeMarkdown, joinSections } from './markdown';

/** Hover text for a condition operator such as `ForAnyValue:StringLikeIfExists`. */
export function operatorHoverText(written: string): string | undefined {
  const { qualifier, operator } = parseConditionOperator(written);
  if (!operator) return undefined;
  const set = SET_QUALIFIERS.find((q) => q.name === qualifier);
  const { negated, family } = operatorMeaning(operator);
  return joinSections([
    `${code(written)} — condition operator (${operator.valueType})`,
    operator.description,
    family === 'Null'
      ? undefined
      : negated
        ? 'Several values of a key: true when the request matches none of them. A request without the key passes.'
        : 'Several values of a key: true when the request matches any of them. A request without the key fails.',
    set ? `${code(set.name + ':')} ${set.description}` : undefined,
    `[Condition operators](${CONDITION_OPERATORS_URL})`,
  ]);
}

/**
 * Hover text for a condition key such as `aws:SourceAccount` or `aws:ResourceTag/team`: its type,
 * whether it holds one value or several, and which of the statement's actions support it.
 */
export function conditionKeyHoverText(catalog: IamCatalog, written: string, statement?: StatementModel): string | undefined {
  const key = catalog.conditionKey(written);
  if (!key) return undefined;
  const anchor = key.global ? `#condition-keys-${key.name.slice(key.name.indexOf(':') + 1).split('/')[0].toLowerCase()}` : '';
  const source = key.service
    ? `[${escapeMarkdown(key.service.name)} condition keys](${key.service.reference})`
    : `[Global condition keys](${GLOBAL_CONDITION_KEYS_URL}${anchor})`;
  return joinSections([
    `${code(key.name)} — ${key.global ? 'global condition key' : 'condition key'} (${key.type})`,
    key.description ? escapeMarkdown(key.description) : undefined,
    isMultivalued(key.type)
      ? 'Multivalued: a request may carry several values; compare them with `ForAnyValue:` or `ForAllValues:`.'
      : 'Single-valued: a request carries at most one value.',
    key.category ? `Category: ${key.category}` : undefined,
    statement ? supportLine(catalog, key, statement) : undefined,
    source,
    dataFooter(catalog),
  ]);
}

/** Which of the statement's actions support a service key (global keys apply to all). */
function supportLine(catalog: IamCatalog, key: ConditionKeyInfo, statement: StatementModel): string | undefined {
  if (key.global) return 'Applies to every action.';
  const written = (statement.action?.values ?? []).map((v) => v.value);
  if (!statement.action || written.some((a) => a === '*' || !a.includes(':'))) return undefined;
  const name = key.name.toLowerCase();
  const supporting = written
    .flatMap((a) => catalog.matchActions(a))
    .filter((action) => catalog.actionConditionKeys(action).includes(name))
    .map((action) => action.qualifiedName);
  if (supporting.length === 0) return "None of this statement's actions supports it: their requests never carry it.";
  const unique = [...new Set(supporting)];
  return `Supported by: ${unique.slice(0, 8).map(code).join(', ')}${unique.length > 8 ? ` and ${unique.length - 8} more` : ''}.`;
}
