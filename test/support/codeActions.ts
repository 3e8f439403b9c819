import { parseTree, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type DiagnosticSettings } from '../../server/src/service';
import { diagnose, RULES_DOC, service } from './service';

function documentOf(text: string): TextDocument {
  return TextDocument.create('file:///test/policy.json', 'json', 1, text);
}

function options(settings: Partial<DiagnosticSettings>, only?: string[]) {
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, rulesDocumentation: RULES_DOC, only };
}

/** The code actions offered for the given diagnostics (all of the document's by default), unresolved. */
export function actionsFor(text: string, diagnostics?: Diagnostic[], settings: Partial<DiagnosticSettings> = {}, only?: string[]): CodeAction[] {
  const document = documentOf(text);
  const model = service.parsePolicy(document);
  return service.getCodeActions(document, model, diagnostics ?? diagnose(text, settings), options(settings, only));
}

/** Resolves an action and applies its edit, as the editor would. */
export function applyAction(text: string, action: CodeAction, settings: Partial<DiagnosticSettings> = {}): string {
  const document = documentOf(text);
  const resolved = service.resolveCodeAction(document, service.parsePolicy(document), action, options(settings));
  const edits: TextEdit[] = resolved.edit?.changes?.[document.uri] ?? [];
  return TextDocument.applyEdits(document, edits);
}

/** Finds the action with this title among those for the document's diagnostics, applies it. */
export function fix(text: string, title: string | RegExp, settings: Partial<DiagnosticSettings> = {}, only?: string[]): string {
  const actions = actionsFor(text, undefined, settings, only);
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  if (!action) throw new Error(`No code action "${String(title)}" among: ${actions.map((a) => a.title).join(' | ')}`);
  return applyAction(text, action, settings);
}

export function parseErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  parseTree(text, errors);
  return errors;
}

/** Errors and warnings, as `code` strings. */
export function problems(text: string, settings: Partial<DiagnosticSettings> = {}): string[] {
  return diagnose(text, settings)
    .filter((d) => d.severity === 1 || d.severity === 2)
    .map((d) => String(d.code));
}

export const STREAM = 'arn:aws:kinesis:us-east-1:111122223333:stream/orders';

/** A policy of these statements, as a person writes one: two spaces, a line each. */
export function policy(...statements: Record<string, unknown>[]): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}

/** A statement of a resource policy that shares the stream with another account. */
export const share = (statement: Record<string, unknown>) => ({ Sid: 'Share', Effect: 'Allow', Principal: { AWS: '444455556666' }, Resource: STREAM, ...statement });
