import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, InsertTextFormat, type CompletionItem, type CompletionList, type Diagnostic, type Position, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyLanguageService } from '../languageService';
import type { ValidationOptions } from '../diagnostics/engine/validate';
import type { OffsetMap } from './offsetMap';
import { allViews, type HostView } from './views';
import { streamKeysKey } from './cloudformation/streamKeys';
import { templateCheckDiagnostics } from './hostedChecks';
import { templateResourceItems } from './resourceCompletion';
import { slotCompletion } from './slotCompletion';
import { hclStringText } from './terraform/hclValues';
import { hclSlotCompletion } from './terraform/hclSlotCompletion';
import type { EmbeddedPolicy, TemplateDocument } from './hostModel';
import { finish, type Steps } from '../steps';
import { textOf } from '../text/documentText';
import { scalarOver, valueStart, yamlString } from './cloudformation/yamlScalars';

/**
 * Every feature on the policies of a template: each runs on the policy's own JSON document as on a
 * policy file (and the checks that judge a principal on its policies together), and the answers
 * are mapped back into the template. Hover is in `hostedHover.ts`, code actions in `hostedActions.ts`.
 */

/** The diagnostics of every policy in the template, where the template has them. */
export function templateDiagnostics(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, options: ValidationOptions): Diagnostic[] {
  return finish(templateDiagnosticsSteps(service, host, template, options));
}

/** `templateDiagnostics` in steps: the template's policies read, then checked, a few at a time. */
export function* templateDiagnosticsSteps(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, options: ValidationOptions): Steps<Diagnostic[]> {
  yield* template.prepareSteps();
  yield;
  const checks = templateCheckDiagnostics(host, template, options);
  yield;
  // One mistake, one finding: a `!Ref` where an ARN belongs is the template check's, not iam/invalid-arn's.
  const refs = new Set(checks.filter((d) => d.code === 'template/ref-not-arn').map((d) => host.offsetAt(d.range.start)));
  const run = runKey(template, options);
  const policies: Diagnostic[] = [];
  const views = allViews(template);
  // Most views hand back the diagnostics kept with their policy: those are taken a few dozen a step,
  // without a generator each (a keystroke in a large template asks for thousands).
  for (let v = 0, since = 0; v < views.length; v++) {
    const view = views[v];
    const kept = keptDiagnostics(view, run);
    const mapped = mappedDiagnostics(host, view, kept ?? (yield* checkedSteps(service, view, options, run)));
    for (let d = 0; d < mapped.length; d++) {
      if (!(mapped[d].code === 'iam/invalid-arn' && refs.has(host.offsetAt(mapped[d].range.start)))) policies.push(mapped[d]);
    }
    if (!kept || ++since === KEPT_VIEWS_PER_STEP) {
      since = 0;
      yield;
    }
  }
  return [...policies, ...checks];
}

/** How many views whose diagnostics are kept are taken between two pauses. */
const KEPT_VIEWS_PER_STEP = 32;

/**
 * A view's diagnostics in the template, as `hostDiagnostic` maps them. Kept diagnostics belong to
 * a policy whose text in the template did not change (a kept block's or item's, or a principal's
 * whose policies all start where they started): while it starts on the same line and column,
 * every position in it is the same, though an edit before it moved its offsets, so the last
 * mapping is used again. A keystroke in a large template then makes no new diagnostics for the
 * thousands it did not touch: new ones would live until the next check, be kept by the engine's
 * older generation until its next full collection, and be written out again as JSON (see
 * `jsonPieces.ts`).
 */
function mappedDiagnostics(host: TextDocument, view: HostView, diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  const { line, character } = host.positionAt(view.map.toHost(0, 'start'));
  const last = MAPPED.get(diagnostics);
  if (last && last.line === line && last.character === character && last.uncertain === view.uncertain && last.suffix === view.suffix) return last.mapped;
  const mapped = diagnostics.map((d) => hostDiagnostic(host, view, d));
  MAPPED.set(diagnostics, { line, character, uncertain: view.uncertain, suffix: view.suffix, mapped });
  return mapped;
}

const MAPPED = new WeakMap<readonly Diagnostic[], { line: number; character: number; uncertain?: boolean; suffix?: string; mapped: Diagnostic[] }>();

/**
 * A view's diagnostics, in its own text. A policy kept from an earlier version of the template
 * (see `yamlTemplate`) and checked with the same settings has the same ones: they are kept with it.
 */
export function viewDiagnostics(service: PolicyLanguageService, view: HostView, options: ValidationOptions, run = runKey(undefined, options)): Diagnostic[] {
  return keptDiagnostics(view, run) ?? finish(checkedSteps(service, view, options, run));
}

/** The view checked, its diagnostics kept with it for the next check of the same run. */
function* checkedSteps(service: PolicyLanguageService, view: HostView, options: ValidationOptions, run: string): Steps<Diagnostic[]> {
  const { diagnostics } = yield* service.validationSteps(view.document, view.model, { ...options, settings: view.settings(options.settings), once: true });
  const { memo } = view;
  if (memo) memo.holder.checked = { run, memo: memo.key, diagnostics };
  return diagnostics;
}

/** The view's diagnostics kept from a check of the same run, if there are. */
function keptDiagnostics(view: HostView, run: string): Diagnostic[] | undefined {
  const { memo } = view;
  const kept = memo?.holder.checked;
  if (!kept || kept.run !== run || kept.memo !== memo.key) return undefined;
  // The run's key is the template's tables and settings, kilobytes: each policy holds this check's
  // string, not a copy of its own (nor one of each earlier check).
  kept.run = run;
  return kept.diagnostics;
}

/** What a check of the template's policies depends on beyond each policy: the settings, the tables and the keys of the streams the template makes. */
export function runKey(template: TemplateDocument | undefined, options: ValidationOptions): string {
  return JSON.stringify([options.settings, options.rulesDocumentation, template?.tables ?? null, template ? streamKeysKey(template) : null]);
}

export function hostDiagnostic(host: TextDocument, view: HostView, d: Diagnostic): Diagnostic {
  const mapped: Diagnostic = { ...d, range: hostRange(host, view, d.range) };
  // Errors and warnings that policies out of sight may answer are notes.
  if (view.uncertain && (d.severity === undefined || d.severity < DiagnosticSeverity.Information)) mapped.severity = DiagnosticSeverity.Information;
  if (view.suffix) mapped.message = l10n.t('{0} ({1})', typeof d.message === 'string' ? d.message : d.message.value, view.suffix);
  if (d.relatedInformation) {
    mapped.relatedInformation = d.relatedInformation.map((r) => (r.location.uri === host.uri ? { ...r, location: { uri: r.location.uri, range: hostRange(host, view, r.location.range) } } : r));
  }
  return mapped;
}

export function hostRange(host: TextDocument, view: { document: TextDocument; map: OffsetMap }, range: Range): Range {
  const start = view.map.toHost(view.document.offsetAt(range.start), 'start');
  let end = Math.max(start, view.map.toHost(view.document.offsetAt(range.end), 'end'));
  // A finding on a block map as a whole (a policy without "Version") starts where its first key
  // does: it is shown on that key rather than as a point.
  if (end === start && range.end.character !== range.start.character) end = start + (/^[^\s:]*/.exec(textOf(host).slice(start, start + 200))?.[0].length ?? 0);
  return { start: host.positionAt(start), end: host.positionAt(end) };
}

/** The policy at a position of the template, and the position in it, where the two correspond exactly. */
export function policyAt(host: TextDocument, template: TemplateDocument, position: Position): { policy: EmbeddedPolicy; position: Position } | undefined {
  const offset = host.offsetAt(position);
  const policy = template.policiesAt(offset).find((p) => !p.node.synthetic && p.node.start <= offset && offset <= p.node.end);
  const json = policy?.map.toJson(offset);
  return policy && json !== undefined ? { policy, position: policy.document.positionAt(json) } : undefined;
}

export function templateCompletion(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, position: Position): CompletionList | null {
  // Where YAML has no value yet, nothing in the policy's text stands for the cursor: see `slotCompletion.ts`.
  const slot = slotCompletion(service, host, template, host.offsetAt(position)) ?? hclSlotCompletion(service, host, template, host.offsetAt(position));
  if (slot) return slot;
  const at = policyAt(host, template, position);
  const list = at && service.doComplete(at.policy.document, at.position, at.policy.model);
  const own = templateResourceItems(host, template, host.offsetAt(position));
  // The template's own resources come before what the policy language offers.
  const policyItems = list && at ? list.items.flatMap((item) => hostItem(host, template, at.policy, item) ?? []) : [];
  const items = [...own.map((i) => ({ ...i, sortText: `0${i.sortText ?? i.label}` })), ...policyItems.map((i) => ({ ...i, sortText: `1${i.sortText ?? i.label}` }))];
  return items.length > 0 ? { isIncomplete: list?.isIncomplete ?? false, items } : null;
}

/** A completion item written for the template: as it is in JSON, as a YAML scalar in YAML (items that write JSON structure are left out there). */
function hostItem(host: TextDocument, template: TemplateDocument, policy: EmbeddedPolicy, item: CompletionItem): CompletionItem | undefined {
  const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
  if (!edit) return template.format === 'json' ? item : undefined;
  const range = hostRange(host, policy, edit.range);
  if (template.format === 'json') return { ...item, textEdit: { range, newText: edit.newText } };
  if (template.format === 'hcl') {
    // A JSON string is an HCL string too, once its `${` is escaped (a snippet's are its placeholders).
    if (!/^"(?:[^"\\]|\\.)*"$/.test(edit.newText)) return undefined;
    return { ...item, textEdit: { range, newText: item.insertTextFormat === InsertTextFormat.Snippet ? edit.newText : hclStringText(edit.newText) } };
  }
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(edit.newText);
  if (!quoted) return undefined;
  // The item replaces a whole string: in YAML, the whole scalar it is written as.
  const scalar = scalarOver(policy.node, host.offsetAt(range.start), host.offsetAt(range.end));
  if (!scalar?.content) return undefined;
  const content = quoted[1];
  const text = scalar.style === 'single' ? yamlString(content, 'single') : scalar.style === 'double' ? `"${content}"` : plainOrQuoted(content, item.insertTextFormat === InsertTextFormat.Snippet);
  const filterText = item.filterText?.replace(/^"|"$/g, '');
  // The value is replaced, its tag (`!Sub`) kept.
  const valueRange = { start: host.positionAt(valueStart(scalar)), end: range.end };
  return { ...item, filterText, textEdit: { range: valueRange, newText: text } };
}

/**
 * An item's text where a plain scalar was: plain where YAML reads it back as that string, else
 * single-quoted (`*` plain is an alias, `a: b` a mapping). `content` is the text between a JSON
 * string's quotes; a snippet's is judged as the editor writes it, its placeholders as they stand.
 */
function plainOrQuoted(content: string, snippet: boolean): string {
  const value = JSON.parse(`"${content}"`) as string;
  if (!snippet) return yamlString(value, 'plain', true);
  const shown = value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
  return yamlString(shown, 'plain', true) === shown ? content : `'${content.replace(/'/g, "''")}'`;
}
