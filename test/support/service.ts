import type { CompletionItem, CompletionList, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { sharedCatalog } from './catalog';
import { documentWithCursor } from './documents';

export const service = createLanguageService({ catalog: sharedCatalog() });

export function complete(text: string): CompletionList | null {
  const { document, position } = documentWithCursor(text);
  return service.doComplete(document, position, service.parsePolicy(document));
}

export function labels(text: string): string[] {
  return (complete(text)?.items ?? []).map((i) => i.label);
}

export function itemNamed(text: string, label: string): CompletionItem {
  const item = complete(text)?.items.find((i) => i.label === label);
  if (!item) throw new Error(`No completion item labelled ${label}`);
  return item;
}

export function editOf(item: CompletionItem): TextEdit {
  const edit = item.textEdit;
  if (!edit || !('range' in edit)) throw new Error(`Item ${item.label} has no plain text edit`);
  return edit;
}

export function hover(text: string): Hover | null {
  const { document, position } = documentWithCursor(text);
  return service.doHover(document, position, service.parsePolicy(document));
}

export function hoverText(text: string): string {
  const result = hover(text);
  if (!result) throw new Error('No hover');
  return (result.contents as MarkupContent).value;
}
