import {
  Command,
  InsertTextFormat,
  Range,
  TextEdit,
  type CompletionItem,
  type CompletionItemKind,
} from 'vscode-languageserver-types';
import type { CompletionRequest } from './completionRequest';
import type { CompletionItemData, DocumentationSource } from './documentation';
import { nextSignificantChar } from '../policy/cursor';
import type { PieceText } from '../text/pieceText';

/** Asks the editor to open completion again, e.g. for the actions after a service prefix. */
export const RETRIGGER = Command.create('Suggest', 'editor.action.triggerSuggest');

export interface ItemOptions {
  kind: CompletionItemKind;
  detail?: string;
  /** Markdown, or where to find it, sent when the editor resolves the item. */
  documentation?: string | DocumentationSource;
  sortText?: string;
  /** Snippet syntax for the inserted text; plain text otherwise. */
  snippet?: boolean;
  command?: Command;
  /** What typing is matched against, when not the label (quotes included). */
  filterText?: string;
}

/** The range the cursor context says a completion replaces. */
export function replaceRange(request: CompletionRequest): Range {
  const { document, cursor } = request;
  return Range.create(
    document.positionAt(cursor.replaceOffset),
    document.positionAt(cursor.replaceOffset + cursor.replaceLength),
  );
}

/**
 * An item for a string value, inserted with its quotes. `content` is the text between the
 * quotes: plain, or snippet syntax with `options.snippet`.
 */
export function stringValueItem(request: CompletionRequest, label: string, content: string, options: ItemOptions): CompletionItem {
  const newText = `"${content}"`;
  return item(request, label, newText, options.filterText ?? (options.snippet ? `"${label}"` : newText), options);
}

/** An item that writes a property: just the key when a colon follows it already. */
export function propertyItem(
  request: CompletionRequest,
  key: string,
  valueSnippet: string,
  options: Omit<ItemOptions, 'snippet'>,
): CompletionItem {
  const { cursor, model } = request;
  const hasColon = cursor.string?.node.parent?.colonOffset !== undefined;
  const end = cursor.replaceOffset + cursor.replaceLength;
  const comma = !hasColon && startsNextProperty(model.source, end) ? ',' : '';
  const quotedKey = `"${escapeSnippet(key)}"`;
  const newText = hasColon ? quotedKey : `${quotedKey}: ${valueSnippet}${comma}`;
  return item(request, key, newText, `"${key}"`, { ...options, snippet: true, command: hasColon ? undefined : options.command });
}

/** An item that writes the start of a key, such as `ForAnyValue:`, and reopens completion. */
export function keyPrefixItem(request: CompletionRequest, prefix: string, options: Omit<ItemOptions, 'snippet' | 'command'>): CompletionItem {
  return item(request, prefix, `"${escapeSnippet(prefix)}$1"`, `"${prefix}"`, { ...options, snippet: true, command: RETRIGGER });
}

function item(request: CompletionRequest, label: string, newText: string, filterText: string, options: ItemOptions): CompletionItem {
  return {
    label,
    kind: options.kind,
    detail: options.detail,
    data: options.documentation === undefined ? undefined : itemData(options.documentation),
    sortText: options.sortText,
    filterText,
    // Before an array's next element, the new one ends with the comma between them.
    textEdit: TextEdit.replace(replaceRange(request), request.cursor.comma ? `${newText},` : newText),
    // Plain text is what a client assumes without it.
    insertTextFormat: options.snippet ? InsertTextFormat.Snippet : undefined,
    command: options.command,
  };
}

/** The item's `data`: the source of its documentation, for `completionItem/resolve`. */
export function itemData(documentation: string | DocumentationSource): CompletionItemData {
  return typeof documentation === 'string' ? { markdown: documentation } : documentation;
}

/** Whether the next token after `offset` begins another property or value, so a comma is due. */
function startsNextProperty(text: PieceText, offset: number): boolean {
  const next = nextSignificantChar(text, offset);
  return next === '"' || next === '{' || next === '[';
}

/** Escapes text for use inside a snippet, outside any placeholder. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
