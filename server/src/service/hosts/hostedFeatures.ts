import { MarkupContent, type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type Hover, type Position, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS } from '../../../../common/src/commands';
import type { CallerCodeActionOptions, PolicyLanguageService } from '../languageService';
import type { ValidationOptions } from '../diagnostics/engine/validate';
import type { EmbeddedPolicy, TemplateDocument } from './templateHost';
import { scalarAt, scalarEdit, valueStart, yamlString } from './cloudformation/yamlScalars';
import { structuralEdit } from './cloudformation/yamlEdits';
import { formattingOf } from '../codeActions/transaction';
import { intrinsicOf } from './cloudformation/intrinsics';
import type { TemplateNode } from './cloudformation/templateTree';

/**
 * Every feature on the policies of a template: each runs on the policy's own JSON document as on a
 * policy file, and its ranges and edits are mapped back into the template. What cannot be mapped
 * exactly (an edit of a value an intrinsic function stands for) is not offered.
 */

/** The diagnostics of every policy in the template, where the template has them. */
export function templateDiagnostics(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, options: ValidationOptions): Diagnostic[] {
  return template.policies.flatMap((policy) => policyDiagnostics(service, policy, options).map((d) => hostDiagnostic(host, policy, d)));
}

function policyDiagnostics(service: PolicyLanguageService, policy: EmbeddedPolicy, options: ValidationOptions): Diagnostic[] {
  // Where a policy sits says what it is: a role's policies are identity policies, whatever the settings say.
  const settings = { ...options.settings, policyKind: policy.kind };
  return service.doValidation(policy.document, policy.model, { ...options, settings });
}

function hostDiagnostic(host: TextDocument, policy: EmbeddedPolicy, d: Diagnostic): Diagnostic {
  const mapped: Diagnostic = { ...d, range: hostRange(host, policy, d.range) };
  if (policy.cdkPath) mapped.message = `${typeof d.message === 'string' ? d.message : d.message.value} (${policy.cdkPath})`;
  if (d.relatedInformation) {
    mapped.relatedInformation = d.relatedInformation.map((r) => (r.location.uri === host.uri ? { ...r, location: { uri: r.location.uri, range: hostRange(host, policy, r.location.range) } } : r));
  }
  return mapped;
}

function hostRange(host: TextDocument, policy: EmbeddedPolicy, range: Range): Range {
  const start = policy.map.toHost(policy.document.offsetAt(range.start), 'start');
  const end = Math.max(start, policy.map.toHost(policy.document.offsetAt(range.end), 'end'));
  return { start: host.positionAt(start), end: host.positionAt(end) };
}

/** The policy at a position of the template, and the position in it, where the two correspond exactly. */
function policyAt(host: TextDocument, template: TemplateDocument, position: Position): { policy: EmbeddedPolicy; position: Position } | undefined {
  const offset = host.offsetAt(position);
  const policy = template.policies.find((p) => p.node.start <= offset && offset <= p.node.end);
  const json = policy?.map.toJson(offset);
  return policy && json !== undefined ? { policy, position: policy.document.positionAt(json) } : undefined;
}

export function templateHover(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, position: Position): Hover | null {
  const at: { policy: EmbeddedPolicy; position: Position; intrinsic?: IntrinsicSpan } | undefined = policyAt(host, template, position) ?? intrinsicAt(host, template, position);
  const hover = at && service.doHover(at.policy.document, at.position, at.policy.model);
  if (!at || (!hover && !at.intrinsic)) return null;
  const range = at.intrinsic ? { start: host.positionAt(at.intrinsic.start), end: host.positionAt(at.intrinsic.end) } : hover?.range && hostRange(host, at.policy, hover.range);
  const read = at.intrinsic ? `Read as \`${at.policy.document.getText().slice(...at.intrinsic.json).replace(/`/g, "'")}\`: ${INTRINSIC_NOTE}` : undefined;
  const contents = hover && MarkupContent.is(hover.contents) ? hover.contents.value : '';
  return { contents: { kind: 'markdown', value: [read, contents].filter(Boolean).join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}

/** An intrinsic function's place in the template, and the string it stands for in the policy's text. */
interface IntrinsicSpan {
  start: number;
  end: number;
  json: [number, number];
}

const INTRINSIC_NOTE = 'what the template says of the value; `${...}` is known only when the stack is deployed, and is read as any text.';

/** An intrinsic function under the position, read at the start of the string it stands for. */
function intrinsicAt(
  host: TextDocument,
  template: TemplateDocument,
  position: Position,
): { policy: EmbeddedPolicy; position: Position; intrinsic: IntrinsicSpan } | undefined {
  const offset = host.offsetAt(position);
  const policy = template.policies.find((p) => p.node.start <= offset && offset <= p.node.end);
  let node: TemplateNode | undefined = policy?.node;
  while (node && !intrinsicOf(node)) {
    const children: TemplateNode[] = node.type === 'map' ? node.entries.flatMap((e) => (e.value ? [e.value] : [])) : node.type === 'seq' ? node.items : [];
    node = children.find((c) => c.start <= offset && offset <= c.end);
  }
  const json = node && policy?.map.toJson(node.start);
  if (!policy || !node || json === undefined || policy.document.getText()[json] !== '"') return undefined;
  const end = policy.document.getText().indexOf('"', json + 1);
  return { policy, position: policy.document.positionAt(json + 1), intrinsic: { start: node.start, end: node.end, json: [json + 1, end] } };
}

export function templateCompletion(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, position: Position): CompletionList | null {
  const at = policyAt(host, template, position);
  const list = at && service.doComplete(at.policy.document, at.position, at.policy.model);
  if (!list || !at) return null;
  const items = list.items.flatMap((item) => hostItem(host, template, at.policy, item) ?? []);
  return { ...list, items };
}

/** A completion item written for the template: as it is in JSON, as a YAML scalar in YAML (items that write JSON structure are left out there). */
function hostItem(host: TextDocument, template: TemplateDocument, policy: EmbeddedPolicy, item: CompletionItem): CompletionItem | undefined {
  const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
  if (!edit) return template.format === 'json' ? item : undefined;
  const range = hostRange(host, policy, edit.range);
  if (template.format === 'json') return { ...item, textEdit: { range, newText: edit.newText } };
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(edit.newText);
  if (!quoted) return undefined;
  const start = host.offsetAt(range.start);
  const at = scalarAt(policy.node, start, start);
  const scalar = at?.scalar;
  if (!scalar || scalar.start !== start || host.offsetAt(range.end) !== scalar.end) return undefined;
  const content = quoted[1];
  const text = scalar.style === 'single' ? yamlString(content, 'single') : scalar.style === 'double' ? `"${content}"` : content;
  const filterText = item.filterText?.replace(/^"|"$/g, '');
  // The value is replaced, its tag (`!Sub`) kept.
  const valueRange = { start: host.positionAt(valueStart(scalar)), end: range.end };
  return { ...item, filterText, textEdit: { range: valueRange, newText: text } };
}

/**
 * Code actions for a range of the template: those of the policy there, with their edits made in
 * the template's own syntax. They are resolved here, so that one whose edit cannot be made
 * exactly is not offered at all.
 */
export function templateCodeActions(
  service: PolicyLanguageService,
  host: TextDocument,
  template: TemplateDocument,
  range: Range,
  diagnostics: readonly Diagnostic[],
  options: CallerCodeActionOptions,
): CodeAction[] {
  if (template.broken) return [];
  // Without the editor's word, inserted JSON is indented as the template is.
  const formatting = formattingOf(template.text);
  const indentation = options.indentation ?? { tabSize: formatting.tabSize ?? 2, insertSpaces: formatting.insertSpaces !== false };
  const wholeDocument = options.only?.some((k) => k.startsWith('source'));
  const offset = host.offsetAt(range.start);
  const policies = template.policies.filter((p) => wholeDocument || (p.node.start <= offset && offset <= p.node.end));
  return policies.flatMap((policy) => {
    const all = policyDiagnostics(service, policy, options);
    const asked = all.filter((d) => diagnostics.some((h) => h.code === d.code && sameRange(h.range, hostRange(host, policy, d.range))));
    const settings = { ...options.settings, policyKind: policy.kind };
    const policyOptions = { ...options, settings, indentation, allDiagnostics: all };
    return service.getCodeActions(policy.document, policy.model, asked, policyOptions).flatMap((action) => {
      const hostDiagnostics = action.diagnostics?.map((d) => hostDiagnostic(host, policy, d));
      if (action.command) return action.command.command === COMMANDS.fillPlaceholders ? [] : [{ ...action, diagnostics: hostDiagnostics }];
      const edits = service.resolveCodeAction(policy.document, policy.model, action, policyOptions).edit?.changes?.[host.uri];
      const mapped = edits && edits.length > 0 ? hostEdits(host, template, policy, edits) : undefined;
      if (!mapped) return [];
      return [{ title: action.title, kind: action.kind, isPreferred: action.isPreferred, diagnostics: hostDiagnostics, edit: { changes: { [host.uri]: mapped } } }];
    });
  });
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A policy's edits as edits of the template, or undefined where one cannot be made exactly. */
function hostEdits(host: TextDocument, template: TemplateDocument, policy: EmbeddedPolicy, edits: TextEdit[]): TextEdit[] | undefined {
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const start = policy.document.offsetAt(edit.range.start);
    const end = policy.document.offsetAt(edit.range.end);
    const span = policy.map.exactSpan(start, end);
    let made: { start: number; end: number; text: string } | undefined;
    if (template.format === 'json') made = span && { ...span, text: edit.newText };
    else {
      const at = span && scalarAt(policy.node, span.start, span.end);
      const text = jsonStringContent(edit.newText);
      made = at && span && text !== undefined ? scalarEdit(at.scalar, span.start, span.end, text, at.inFlow) : structuralEdit(template, policy, edits);
      if (made && !at) return [toTextEdit(host, made)];
    }
    if (!made) return undefined;
    out.push(toTextEdit(host, made));
  }
  return out;
}

function toTextEdit(host: TextDocument, edit: { start: number; end: number; text: string }): TextEdit {
  return { range: { start: host.positionAt(edit.start), end: host.positionAt(edit.end) }, newText: edit.text };
}

/** The text a JSON string would hold with these characters between its quotes; undefined if they are not such characters. */
function jsonStringContent(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(`"${text}"`);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
