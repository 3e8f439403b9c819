import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import type { CodeAction, Diagnostic, Position, TextEdit } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type TemplateDocument } from '../../server/src/service';
import { service } from './service';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './catalog';

/** The example template's resources `copies` times over, each copy's logical ids its own. */
export function largeYaml(copies: number): string {
  const example = readFileSync(join(ROOT, 'examples', 'templates', 'orders-consumer.yaml'), 'utf8');
  const [head, resources] = example.split('Resources:\n');
  return `${head}Resources:\n${Array.from({ length: copies }, (_, i) => resources.replace(/^ {2}(\w+):/gm, `  $1${i}:`)).join('')}`;
}

/** Templates written inline for the host layer's tests: YAML unless the text starts with `{`. */
export function templateDocument(text: string, uri = 'file:///ws/template.yaml'): TextDocument {
  return TextDocument.create(uri, text.trimStart().startsWith('{') ? 'json' : 'yaml', 1, text);
}

export function parsedTemplate(document: TextDocument): TemplateDocument {
  const template = service.parseTemplate(document);
  if (!template) throw new Error('Not read as a template');
  return template;
}

export const OPTIONS = { settings: DEFAULT_SETTINGS, rulesDocumentation: 'https://example.com/rules.md' };

export function templateDiagnostics(text: string): { document: TextDocument; diagnostics: Diagnostic[] } {
  const document = templateDocument(text);
  return { document, diagnostics: service.templateDiagnostics(document, parsedTemplate(document), OPTIONS) };
}

/** Errors and warnings: what a false alarm would be. */
export function alarms(text: string): string[] {
  return templateDiagnostics(text)
    .diagnostics.filter((d) => (d.severity ?? 1) <= 2)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`);
}

/** The text a diagnostic's range covers. */
export function covered(document: TextDocument, diagnostic: { range: { start: Position; end: Position } }): string {
  return document.getText().slice(document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end));
}

/** The code actions for one diagnostic of a code, as the editor asks for them. */
export function actionsFor(text: string, code: string): { document: TextDocument; actions: CodeAction[] } {
  const { document, diagnostics } = templateDiagnostics(text);
  const diagnostic = diagnostics.find((d) => d.code === code);
  if (!diagnostic) throw new Error(`No ${code} diagnostic`);
  const actions = service.templateCodeActions(document, parsedTemplate(document), diagnostic.range, [diagnostic], { ...OPTIONS, only: ['quickfix'] });
  return { document, actions };
}

/** The template after a code action's edits (a fix-all's resolved first, as the editor resolves it when picked). */
export function applied(document: TextDocument, action: CodeAction | undefined): string {
  const resolved = action && !action.edit ? service.resolveTemplateCodeAction(document, parsedTemplate(document), action, OPTIONS) : action;
  const edits: TextEdit[] = resolved?.edit?.changes?.[document.uri] ?? [];
  if (edits.length === 0) throw new Error(`No edit in ${action?.title ?? 'a missing action'}`);
  return TextDocument.applyEdits(document, edits);
}

/** A diagnostic's message as text. */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** A template's value, read as CloudFormation tools read YAML; throws where the YAML is broken. */
export function yamlValue(text: string): unknown {
  const parsed = parseDocument(text, { uniqueKeys: false, logLevel: 'silent' });
  if (parsed.errors.length > 0) throw new Error(`broken YAML: ${parsed.errors[0].message}`);
  return parsed.toJS();
}
