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

import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type DiagnosticSettings } from '../../server/src/service';

export const RULES_DOC = 'file:///docs/rules.md';

/** Diagnostics for a document, with the default settings unless some are given. */
export function diagnose(text: string, settings: Partial<DiagnosticSettings> = {}): Diagnostic[] {
  const document = TextDocument.create('file:///test/policy.json', 'json', 1, text);
  return service.doValidation(document, service.parsePolicy(document), {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    rulesDocumentation: RULES_DOC,
  });
}

/** The codes reported above hint level, in order. */
export function codes(text: string, settings: Partial<DiagnosticSettings> = {}): string[] {
  return diagnose(text, settings)
    .filter((d) => d.severity !== 4)
    .map((d) => String(d.code));
}

/** The diagnostics of one rule, as `[code, the text they cover]` pairs. */
export function findings(text: string, code: string, settings: Partial<DiagnosticSettings> = {}): string[] {
  const document = TextDocument.create('file:///test/policy.json', 'json', 1, text);
  return diagnose(text, settings)
    .filter((d) => d.code === code)
    .map((d) => document.getText(d.range));
}

/** A diagnostic's message as text. */
export function message(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
