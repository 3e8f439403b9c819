import * as l10n from '@vscode/l10n';
import { MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { actionDocumentationUrl } from '../catalog/documentationLinks';
import type { IamCatalog } from '../catalog/iamCatalog';
import type { ActionInfo } from '../catalog/serviceEntry';

/**
 * What an item's documentation is made from. Items go out without documentation, which the
 * editor asks for (`completionItem/resolve`) when an item is focused: a list of actions is then a
 * fifth of the size. An action's documentation is written from the catalog on resolve; other
 * items carry their short text.
 */
export type DocumentationSource = { action: string } | { markdown: string };

/** The `data` of a completion item, as the editor sends it back to resolve. */
export type CompletionItemData = DocumentationSource;

/** The item with its documentation filled in. */
export function resolveCompletionItem(item: CompletionItem, catalog: IamCatalog): CompletionItem {
  const value = documentationOf(item.data, catalog);
  return value === undefined ? item : { ...item, documentation: { kind: MarkupKind.Markdown, value } };
}

/** The Markdown for an item's `data`, which comes back from the editor: checked, not trusted. */
function documentationOf(data: unknown, catalog: IamCatalog): string | undefined {
  const source = data as Record<string, unknown> | null | undefined;
  if (typeof source?.markdown === 'string') return source.markdown;
  const action = typeof source?.action === 'string' ? catalog.action(source.action) : undefined;
  return action && actionDocumentation(action);
}

export function actionDocumentation(action: ActionInfo): string {
  return `${action.description}\n\n[${l10n.t('{0} reference', action.service.name)}](${actionDocumentationUrl(action)})`;
}
