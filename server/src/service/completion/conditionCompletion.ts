import * as l10n from '@vscode/l10n';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { CONDITION_OPERATORS, parseConditionOperator, SET_QUALIFIERS } from '../catalog/conditionOperators';
import type { ConditionKeyInfo } from '../catalog/iamCatalog';
import type { CompletionRequest } from './completionRequest';
import { RETRIGGER, escapeSnippet, keyPrefixItem, propertyItem, stringValueItem } from './items';

/** Operator keys inside `Condition`, with their IfExists forms and set qualifiers. */
export function completeConditionOperators(request: CompletionRequest): CompletionItem[] {
  const typed = request.cursor.prefix;
  const colon = typed.indexOf(':');
  const qualifier = colon >= 0 ? SET_QUALIFIERS.find((q) => q.name.toLowerCase() === typed.slice(0, colon).toLowerCase()) : undefined;
  const operators = CONDITION_OPERATORS.filter((op) => !qualifier || op.name !== 'Null').map((op, i) =>
    propertyItem(request, qualifier ? `${qualifier.name}:${op.name}` : op.name, '{\n\t"$1": "$2"\n}', {
      kind: CompletionItemKind.Operator,
      detail: op.valueType,
      documentation: op.description,
      sortText: `1${String(i).padStart(2, '0')}`,
      command: RETRIGGER,
    }),
  );
  if (qualifier) return operators;
  const qualifiers = SET_QUALIFIERS.map((q) =>
    keyPrefixItem(request, `${q.name}:`, { kind: CompletionItemKind.Keyword, documentation: q.description, sortText: `2${q.name}` }),
  );
  return [...operators, ...qualifiers];
}

/** Condition keys inside an operator block: those of the statement's actions, then global keys. */
export function completeConditionKeys(request: CompletionRequest): CompletionItem[] {
  const keys = new Map<string, ConditionKeyInfo>();
  for (const key of statementConditionKeys(request)) keys.set(key.name.toLowerCase(), key);
  for (const key of request.catalog.globalConditionKeys()) if (!keys.has(key.name.toLowerCase())) keys.set(key.name.toLowerCase(), key);
  return [...keys.values()].map((key) =>
    propertyItem(request, key.name, '"$0"', {
      kind: CompletionItemKind.Variable,
      detail: key.type,
      documentation: key.description || (key.global ? l10n.t('Global condition key.') : undefined),
      sortText: `${key.global ? 1 : 0}${key.name}`,
    }),
  ).map((item) => withKeySnippet(item));
}

/** Keys of the statement's actions and of the resource types they take. */
function statementConditionKeys(request: CompletionRequest): ConditionKeyInfo[] {
  const { catalog, location } = request;
  const result: ConditionKeyInfo[] = [];
  const values = (location.statement?.action?.values ?? []).filter((v) => v.value !== '*');
  for (const action of values.flatMap((v) => catalog.matchActions(v.value))) {
    const names = [...(action.conditionKeys ?? []), ...(action.resourceTypes ?? []).flatMap((t) => t.conditionKeys ?? [])];
    for (const name of names) {
      const info = catalog.serviceConditionKey(action.service, name) ?? catalog.conditionKey(name);
      if (info) result.push(info);
    }
  }
  return result;
}

/** `aws:ResourceTag/${TagKey}` inserts with `TagKey` as a tab stop. */
function withKeySnippet(item: CompletionItem): CompletionItem {
  const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
  if (!edit || !item.label.includes('${')) return item;
  let stop = 0;
  const label = item.label;
  const keySnippet = label.replace(/\$\{([^}]+)\}|([\\$}])/g, (_m, name: string | undefined, ch: string | undefined) =>
    name ? `\${${++stop}:${escapeSnippet(name)}}` : `\\${ch}`,
  );
  const newText = edit.newText.replace(`"${escapeSnippet(label)}"`, `"${keySnippet}"`).replace('$0', `$${stop + 1}`);
  return { ...item, textEdit: { range: edit.range, newText } };
}

/** Keys whose value is an account id, an organization id, or an ARN: what to offer for each. */
const ACCOUNT_KEYS = new Set(['aws:sourceaccount', 'aws:principalaccount', 'aws:resourceaccount', 'aws:vpceaccount']);
const ORG_KEYS = new Set(['aws:principalorgid', 'aws:resourceorgid', 'aws:sourceorgid', 'aws:vpceorgid']);

/**
 * Values of a condition key, where its operator or type says what fits: `true`/`false` for Bool
 * and Null, the current time for dates, the document's account for account keys, an
 * organization id or an ARN template for keys that take one.
 */
export function completeConditionValues(request: CompletionRequest, operatorText: string, keyText: string): CompletionItem[] {
  const { operator } = parseConditionOperator(operatorText);
  const key = request.catalog.conditionKey(keyText);
  const family = operator?.valueType;
  const keyType = key?.type.replace(/^ArrayOf/, '');
  const lower = keyText.toLowerCase();
  const value = (label: string, content: string, documentation: string, snippet = false) =>
    stringValueItem(request, label, content, { kind: CompletionItemKind.Value, documentation, snippet, detail: key?.type ?? family });
  if (family === 'Null') {
    return [value('true', 'true', l10n.t('The request has no `{0}`.', keyText)), value('false', 'false', l10n.t('The request has `{0}`.', keyText))];
  }
  if (family === 'Bool' || (!family && keyType === 'Bool')) {
    return [value('true', 'true', l10n.t('True in the request.')), value('false', 'false', l10n.t('False in the request.'))];
  }
  const defaults = request.arnDefaults.of(request.model);
  if (ACCOUNT_KEYS.has(lower)) {
    const account = defaults.account;
    return account ? [value(account, account, l10n.t("The account the policy's ARNs name."))] : [value(l10n.t('account id'), '${1:111122223333}', l10n.t('A 12-digit AWS account id.'), true)];
  }
  if (ORG_KEYS.has(lower)) return [value('o-…', 'o-${1:exampleorgid}', l10n.t('An AWS Organizations id: `o-` and 10 to 32 lowercase letters or digits.'), true)];
  if (family === 'Date' || (!family && keyType === 'Date')) {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    return [value(now, now, l10n.t('The current time, in ISO 8601 (UTC).'))];
  }
  if (family === 'ARN' || keyType === 'ARN') {
    const partition = defaults.partition ?? 'aws';
    const region = defaults.region ? escapeSnippet(defaults.region) : '${2:region}';
    const account = defaults.account ? escapeSnippet(defaults.account) : '${3:account}';
    return [value('arn:…', `arn:${escapeSnippet(partition)}:\${1:service}:${region}:${account}:\${4:resource}`, l10n.t('An ARN; `*` and `?` match within each part under `ArnLike`.'), true)];
  }
  return [];
}
