import * as l10n from '@vscode/l10n';
import { documentationUrl } from '../l10n';
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
    l10n.t('{0} — condition operator ({1})', code(written), operator.valueType),
    operator.description,
    family === 'Null'
      ? undefined
      : negated
        ? l10n.t('Several values of a key: true when the request matches none of them. A request without the key passes.')
        : l10n.t('Several values of a key: true when the request matches any of them. A request without the key fails.'),
    set ? `${code(set.name + ':')} ${set.description}` : undefined,
    `[${l10n.t('Condition operators')}](${documentationUrl(CONDITION_OPERATORS_URL)})`,
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
    ? `[${l10n.t('{0} condition keys', escapeMarkdown(key.service.name))}](${documentationUrl(key.service.reference)})`
    : `[${l10n.t('Global condition keys')}](${documentationUrl(GLOBAL_CONDITION_KEYS_URL + anchor)})`;
  return joinSections([
    key.global ? l10n.t('{0} — global condition key ({1})', code(key.name), key.type) : l10n.t('{0} — condition key ({1})', code(key.name), key.type),
    key.description ? escapeMarkdown(key.description) : undefined,
    isMultivalued(key.type)
      ? l10n.t('Multivalued: a request may carry several values; compare them with `ForAnyValue:` or `ForAllValues:`.')
      : l10n.t('Single-valued: a request carries at most one value.'),
    key.category ? l10n.t('Category: {0}', key.category) : undefined,
    statement ? supportLine(catalog, key, statement) : undefined,
    source,
    dataFooter(catalog),
  ]);
}

/** Which of the statement's actions support a service key (global keys apply to all). */
function supportLine(catalog: IamCatalog, key: ConditionKeyInfo, statement: StatementModel): string | undefined {
  if (key.global) return l10n.t('Applies to every action.');
  const written = (statement.action?.values ?? []).map((v) => v.value);
  if (!statement.action || written.some((a) => a === '*' || !a.includes(':'))) return undefined;
  const name = key.name.toLowerCase();
  const supporting = written
    .flatMap((a) => catalog.matchActions(a))
    .filter((action) => catalog.actionConditionKeys(action).includes(name))
    .map((action) => action.qualifiedName);
  if (supporting.length === 0) return l10n.t("None of this statement's actions supports it: their requests never carry it.");
  const unique = [...new Set(supporting)];
  const shown = unique.slice(0, 8).map(code).join(', ');
  return unique.length > 8 ? l10n.t('Supported by: {0} and {1} more.', shown, unique.length - 8) : l10n.t('Supported by: {0}.', shown);
}
