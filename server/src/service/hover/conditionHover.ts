import { parseConditionOperator, SET_QUALIFIERS } from '../catalog/conditionOperators';
import { CONDITION_OPERATORS_URL, GLOBAL_CONDITION_KEYS_URL } from '../catalog/documentationLinks';
import type { IamCatalog } from '../catalog/iamCatalog';
import { code, dataFooter, escapeMarkdown, joinSections } from './markdown';

/** Hover text for a condition operator such as `ForAnyValue:StringLikeIfExists`. */
export function operatorHoverText(written: string): string | undefined {
  const { qualifier, operator } = parseConditionOperator(written);
  if (!operator) return undefined;
  const set = SET_QUALIFIERS.find((q) => q.name === qualifier);
  return joinSections([
    `${code(written)} — condition operator (${operator.valueType})`,
    operator.description,
    set ? `${code(set.name + ':')} ${set.description}` : undefined,
    `[Condition operators](${CONDITION_OPERATORS_URL})`,
  ]);
}

/** Hover text for a condition key such as `aws:SourceAccount` or `aws:ResourceTag/team`. */
export function conditionKeyHoverText(catalog: IamCatalog, written: string): string | undefined {
  const key = catalog.conditionKey(written);
  if (!key) return undefined;
  const anchor = key.global ? `#condition-keys-${key.name.slice(key.name.indexOf(':') + 1).split('/')[0].toLowerCase()}` : '';
  const source = key.service
    ? `[${escapeMarkdown(key.service.name)} condition keys](${key.service.reference})`
    : `[Global condition keys](${GLOBAL_CONDITION_KEYS_URL}${anchor})`;
  return joinSections([
    `${code(key.name)} — ${key.global ? 'global condition key' : 'condition key'} (${key.type})`,
    key.description ? escapeMarkdown(key.description) : undefined,
    key.category ? `Category: ${key.category}` : undefined,
    source,
    dataFooter(catalog),
  ]);
}
