import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { templateCheckActions } from './hostedChecks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS } from '../../../../common/src/commands';
import type { CallerCodeActionOptions, PolicyLanguageService } from '../languageService';
import { formattingOf } from '../codeActions/transaction';
import { scalarAt, scalarEdit } from './cloudformation/yamlScalars';
import { templateJson } from './cloudformation/writtenValues';
import { hclStringText } from './terraform/hclValues';
import { hostDiagnostic, hostRange, runKey, viewDiagnostics } from './hostedFeatures';
import type { TemplateDocument } from './hostModel';
import { allViews, viewsAt, type HostView } from './views';
import { perStringEdits } from './stringEdits';
import { isFixAllCode } from '../codeActions/fixes';
import type { Indentation } from '../codeActions/transaction';
import { FIX_ALL_KIND, type CodeActionData } from '../codeActions';

/**
 * Code actions for a range of the template: those of the policy there, with their edits made in
 * the template's own syntax. They are resolved here, so that one whose edit cannot be made
 * exactly is not offered at all; but a fix-all, the template's, which is resolved when picked.
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
  const checks = !options.only || options.only.some((k) => CodeActionKind.QuickFix.startsWith(k)) ? templateCheckActions(host, diagnostics) : [];
  // The source actions are the fix-all alone: offered where some policy has a finding it fixes.
  if (options.only && options.only.length > 0 && options.only.every((k) => k.startsWith('source'))) {
    const first = fixableViews(service, template, '*', options).next().value;
    const offered = first && service.getCodeActions(first.view.document, first.view.model, [], { ...options, settings: first.view.settings(options.settings) }).find((a) => fixAllCode(a) === '*');
    return [...checks, ...(offered ? [unresolvedFixAll(host, offered, '*')] : [])];
  }
  const cursor = host.offsetAt(range.start);
  // The policies at the cursor, then those of the findings the editor asks about: a selection may
  // reach over several policies, or start outside any.
  const views = wholeDocument ? allViews(template) : viewsAt(template, cursor, ...diagnostics.map((d) => host.offsetAt(d.range.start)));
  const insertsHere = wholeDocument || viewsAt(template, cursor).length > 0;
  // A fix-all is the template's, over all its policies: made once for each rule it fixes (or all),
  // and a rule's offered where the template has more than one of its findings (its diagnostics as
  // published, where the caller has them: reading every policy's again costs tens of milliseconds
  // in a large template, at every move of the cursor).
  const fixAllsMade = new Set<string>();
  let fixable: readonly Diagnostic[] | undefined;
  const templateFixable = () => (fixable ??= options.allDiagnostics ?? [...fixableViews(service, template, '*', options)].flatMap((v) => v.diagnostics));
  const run = runKey(template, options);
  return [...checks, ...views.flatMap((view, i) => {
    const all = viewDiagnostics(service, view, options, run);
    const asked = all.filter((d) => diagnostics.some((h) => h.code === d.code && sameRange(h.range, hostRange(host, view, d.range))));
    const viewOptions = { ...options, settings: view.settings(options.settings), indentation, allDiagnostics: asked.some((d) => isFixAllCode(d.code)) ? templateFixable() : all };
    // Statements to insert are offered once, by the first view, when the cursor is in it, and only
    // those its place takes: a principal's view offers its fixes only.
    const actions = service
      .getCodeActions(view.document, view.model, asked, viewOptions)
      .filter((a) => ((i === 0 && insertsHere) || (a.diagnostics?.length ?? 0) > 0 || fixAllCode(a) !== undefined) && insertFits(a, view.inserts));
    return actions.flatMap((action) => {
      const hostDiagnostics = action.diagnostics?.map((d) => hostDiagnostic(host, view, d));
      if (action.command) return action.command.command === COMMANDS.fillPlaceholders ? [] : [{ ...action, diagnostics: hostDiagnostics }];
      const fixing = fixAllCode(action);
      if (fixing !== undefined) {
        // The template's, resolved when picked (`resolveTemplateCodeAction`): it fixes every policy.
        if (fixAllsMade.has(fixing)) return [];
        fixAllsMade.add(fixing);
        // Offered where a policy has a finding it fixes: this one, or another (asked of each only for the whole template).
        const fixes = (d: Diagnostic) => (fixing === '*' ? isFixAllCode(d.code) : d.code === fixing);
        if (!(view.memo !== undefined && all.some(fixes)) && !fixableViews(service, template, fixing, options).next().value) return [];
        return [{ ...unresolvedFixAll(host, action, fixing), diagnostics: hostDiagnostics }];
      }
      const edits = service.resolveCodeAction(view.document, view.model, action, viewOptions).edit?.changes?.[host.uri];
      const mapped = edits && edits.length > 0 ? mappedEdits(host, template, view, edits) : undefined;
      if (!mapped) return [];
      return [{ title: action.title, kind: action.kind, isPreferred: action.isPreferred, diagnostics: hostDiagnostics, edit: { changes: { [host.uri]: mapped } } }];
    });
  })];
}

/** A policy's fix-all as the template's, to be resolved when picked (`resolveTemplateCodeAction`). */
function unresolvedFixAll(host: TextDocument, action: CodeAction, fixing: string): CodeAction {
  const data: TemplateFixAllData = { type: 'templateFixAll', uri: host.uri, ...(fixing === '*' ? {} : { code: fixing }) };
  return { title: action.title, kind: action.kind, isPreferred: action.isPreferred, data };
}

/** What a template's fix-all carries until it is resolved: the rule it fixes, or every rule. */
export interface TemplateFixAllData {
  type: 'templateFixAll';
  uri: string;
  code?: string;
}

/**
 * A template's code action resolved: its fix-all's edits, made in every policy of the template
 * that has a finding it fixes (none where none can be written). Any other action is as it was.
 */
export function resolveTemplateCodeAction(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, action: CodeAction, options: CallerCodeActionOptions): CodeAction {
  const data = action.data as Partial<TemplateFixAllData> | undefined;
  if (data?.type !== 'templateFixAll' || template.broken) return action;
  const formatting = formattingOf(template.text);
  const indentation = options.indentation ?? { tabSize: formatting.tabSize ?? 2, insertSpaces: formatting.insertSpaces !== false };
  const fixAll: CodeAction = { title: action.title, kind: FIX_ALL_KIND, data: { type: 'fixAll', uri: host.uri, ...(data.code ? { code: data.code } : {}) } satisfies CodeActionData };
  return { ...action, edit: { changes: { [host.uri]: templateFixAll(service, host, template, fixAll, options, indentation) } } };
}

/** The rule a fix-all action fixes (`*` for every rule), or undefined for any other action. */
function fixAllCode(action: CodeAction): string | undefined {
  const data = action.data as { type?: string; code?: string } | undefined;
  return data?.type === 'fixAll' ? (data.code ?? '*') : undefined;
}

/**
 * A fix-all made in every policy of the template that has a finding it fixes, as one set of edits
 * (the policies are apart in the template). Each policy's fix-all that cannot be written exactly
 * makes as many of its first rounds as can be, the rest left for the user.
 */
function templateFixAll(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, action: CodeAction, options: CallerCodeActionOptions, indentation: Indentation): TextEdit[] {
  const made: TextEdit[] = [];
  for (const { view, diagnostics } of fixableViews(service, template, fixAllCode(action) ?? '*', options)) {
    const viewOptions = { ...options, settings: view.settings(options.settings), indentation, allDiagnostics: diagnostics };
    const resolved = (fixAllRounds?: number) => service.resolveCodeAction(view.document, view.model, action, { ...viewOptions, fixAllRounds }).edit?.changes?.[host.uri];
    const edits = resolved();
    if (edits && edits.length > 0) made.push(...(mappedEdits(host, template, view, edits) ?? firstRounds(host, template, view, resolved) ?? []));
  }
  return made;
}

/** The views of the template's policies (not its principals': each policy is fixed once, in its own place) with a finding a fix-all of `code` (`*`: of every rule) fixes. */
function* fixableViews(service: PolicyLanguageService, template: TemplateDocument, code: string, options: CallerCodeActionOptions): Generator<{ view: HostView; diagnostics: Diagnostic[] }, void, void> {
  const run = runKey(template, options);
  for (const view of allViews(template)) {
    if (view.memo === undefined) continue;
    const diagnostics = viewDiagnostics(service, view, options, run);
    if (diagnostics.some((d) => (code === '*' ? isFixAllCode(d.code) : d.code === code))) yield { view, diagnostics };
  }
}

/** The view's edits in the template, as they are or, where that cannot be made exactly, string by string (see `perStringEdits`). */
function mappedEdits(host: TextDocument, template: TemplateDocument, view: HostView, edits: TextEdit[]): TextEdit[] | undefined {
  const exact = hostEdits(host, template, view, edits);
  if (exact) return exact;
  const pieces = edits.flatMap((edit) => perStringEdits(view.document, edit) ?? [edit]);
  return pieces.length > edits.length ? hostEdits(host, template, view, pieces) : undefined;
}

/**
 * The edit of as many of a fix-all's first rounds as can be written exactly in the template (a
 * later round rewrites a list that holds an intrinsic function, say); undefined where not even
 * the first can. Each count of rounds is a fix-all of its own, from the start: a template's
 * policy is small, and its fix-all takes a few rounds.
 */
function firstRounds(host: TextDocument, template: TemplateDocument, view: HostView, resolved: (rounds: number) => TextEdit[] | undefined): TextEdit[] | undefined {
  let made: TextEdit[] | undefined;
  for (let rounds = 1; rounds <= ROUNDS_TRIED; rounds++) {
    const edits = resolved(rounds);
    if (!edits || edits.length === 0) return made;
    const mapped = mappedEdits(host, template, view, edits);
    if (!mapped) return made;
    made = mapped;
  }
  return made;
}

/** How many first rounds are tried, at most: a fix-all that takes more is cut at this many. */
const ROUNDS_TRIED = 16;

/** The roles whose statements belong in a Kinesis resource policy (see `insertActions.ts`). */
const SHARING_ROLES = new Set<string>(['cross-account-read', 'cross-account-write', 'consumer-share-stream', 'consumer-share-consumer']);

function insertFits(action: CodeAction, inserts: HostView['inserts']): boolean {
  const data = action.data as { type?: string; role?: string } | undefined;
  if (data?.type !== 'insert') return true;
  return inserts === 'kinesis-resource' ? SHARING_ROLES.has(data.role ?? '') : inserts === 'identity' && !SHARING_ROLES.has(data.role ?? '');
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * A view's edits as edits of the template, or undefined where one cannot be made exactly: in a
 * JSON template, text copied exactly is edited as it is; in YAML, a string is edited in its
 * scalar's own style; anything else is a change of structure, written by `yamlEdits.ts`.
 */
function hostEdits(host: TextDocument, template: TemplateDocument, view: HostView, edits: TextEdit[]): TextEdit[] | undefined {
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const span = view.map.exactSpan(view.document.offsetAt(edit.range.start), view.document.offsetAt(edit.range.end));
    const at = span && view.nodes.map((n) => scalarAt(n, span.start, span.end)).find((found) => found !== undefined);
    const text = jsonStringContent(edit.newText);
    let made: { start: number; end: number; text: string } | undefined;
    if (span && view.copied) {
      // New strings that hold the stack's values are written as Fn::Sub.
      const text = templateJson(edit.newText);
      if (text === undefined) return undefined;
      made = { ...span, text };
    }
    else if (span && at && text !== undefined) {
      made = template.format === 'json' ? { ...span, text: edit.newText } : template.format === 'hcl' ? { ...span, text: hclStringText(edit.newText) } : scalarEdit(at.scalar, span.start, span.end, text, at.inFlow);
    }
    else {
      // A change of structure: made from the whole of the view's change, as one edit.
      const whole = view.structural(edits);
      return whole && [toTextEdit(host, whole)];
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
