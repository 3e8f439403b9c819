import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { CONDITION_OPERATORS, SET_QUALIFIERS } from '../catalog/conditionOperators';
import type { ConditionKeyInfo } from '../catalog/iamCatalog';
import type { CompletionRequest } from './completionRequest';
import { RETRIGGER, escapeSnippet, keyPrefixItem, propertyItem } from './items';

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
      documentation: key.description || (key.global ? 'Global condition key.' : undefined),
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
