import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { atLeastTwo, FIX_ALL_KIND, type CodeActionData } from '../codeActions';
import { isFixAllCode } from '../codeActions/fixes';
import { formattingOf, type Indentation } from '../codeActions/transaction';
import type { CallerCodeActionOptions, PolicyLanguageService } from '../languageService';
import { runKey, viewDiagnostics } from './hostedFeatures';
import type { TemplateDocument } from './hostModel';
import { mappedEdits } from './hostEdits';
import { policyViews, type HostView } from './views';

/**
 * Fix-all in a template: the template's, over all its policies. It is offered once (for every
 * rule, or for one) and made when picked, in every policy with a finding it fixes; a policy's
 * fix-all whose whole edit cannot be written in the template is cut to its first rounds that can.
 */

/** How a template's edits indent: as the editor says, else as the template is indented. */
export function templateIndentation(template: TemplateDocument, options: CallerCodeActionOptions): Indentation {
  if (options.indentation) return options.indentation;
  // Read from the whole text only where the editor has not said: a large template's is made for it.
  const formatting = formattingOf(template.text);
  return { tabSize: formatting.tabSize ?? 2, insertSpaces: formatting.insertSpaces !== false };
}

/** A policy's fix-all as the template's, to be resolved when picked (`resolveTemplateCodeAction`). */
export function unresolvedFixAll(host: TextDocument, action: CodeAction, fixing: string): CodeAction {
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
  const indentation = templateIndentation(template, options);
  const fixAll: CodeAction = { title: action.title, kind: FIX_ALL_KIND, data: { type: 'fixAll', uri: host.uri, ...(data.code ? { code: data.code } : {}) } satisfies CodeActionData };
  return { ...action, edit: { changes: { [host.uri]: templateFixAll(service, host, template, fixAll, options, indentation) } } };
}

/** The rule a fix-all action fixes (`*` for every rule), or undefined for any other action. */
export function fixAllCode(action: CodeAction): string | undefined {
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
    if (edits && edits.length > 0) made.push(...(mappedEdits(host, template, view, edits) ?? firstRounds(host, template, view, resolved) ?? [...singleFixes(service, host, template, view, diagnostics, fixAllCode(action) ?? '*', options)].flatMap((edits) => edits ?? [])));
  }
  return made;
}

/**
 * The edits of the first fix of each of the view's findings of `code` (`*`: of every rule fix-all
 * fixes) that the template can be written with, a finding's at a time (undefined for one without),
 * each made alone and none overlapping the ones before: what a fix-all makes where its rounds
 * cannot be written whole.
 */
function* singleFixes(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, view: HostView, diagnostics: readonly Diagnostic[], code: string, options: CallerCodeActionOptions): Generator<TextEdit[] | undefined, void, void> {
  const viewOptions = { ...options, settings: view.settings(options.settings), allDiagnostics: diagnostics, only: [CodeActionKind.QuickFix], offersFixAll: () => false };
  const made: TextEdit[] = [];
  for (const diagnostic of diagnostics.filter((d) => (code === '*' ? isFixAllCode(d.code) : d.code === code))) {
    const [first] = service.getCodeActions(view.document, view.model, [diagnostic], viewOptions).filter((a) => (a.data as Partial<CodeActionData> | undefined)?.type === 'fix');
    const edits = first && service.resolveCodeAction(view.document, view.model, first, viewOptions).edit?.changes?.[host.uri];
    const mapped = edits && edits.length > 0 ? mappedEdits(host, template, view, edits) : undefined;
    if (!mapped || mapped.some((edit) => made.some((other) => overlap(edit, other)))) {
      yield undefined;
      continue;
    }
    made.push(...mapped);
    yield mapped;
  }
}

function overlap(a: TextEdit, b: TextEdit): boolean {
  const before = (x: Position, y: Position) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}

/**
 * Whether the template's fix-all of a rule is offered: where more than one of its findings, over
 * all its policies, has a fix the template can be written with (the first, which fix-all makes).
 * `published`, the template's diagnostics where the caller has them, settles most questions
 * without reading every policy: a rule with one finding or none.
 */
export function templateOffersFixAll(
  service: PolicyLanguageService,
  host: TextDocument,
  template: TemplateDocument,
  code: string,
  options: CallerCodeActionOptions,
  published?: readonly Diagnostic[],
): boolean {
  if (published && published.filter((d) => d.code === code).length < 2) return false;
  function* fixable(): Generator<boolean> {
    for (const { view, diagnostics } of fixableViews(service, template, code, options)) {
      for (const edits of singleFixes(service, host, template, view, diagnostics, code, options)) yield edits !== undefined;
    }
  }
  // Each finding's fix is resolved and written: past a few dozen without one, it is assumed.
  return atLeastTwo(fixable(), 32);
}

/** The views of the template's policies (not its principals': each policy is fixed once, in its own place) with a finding a fix-all of `code` (`*`: of every rule) fixes. */
export function* fixableViews(service: PolicyLanguageService, template: TemplateDocument, code: string, options: CallerCodeActionOptions): Generator<{ view: HostView; diagnostics: Diagnostic[] }, void, void> {
  const run = runKey(template, options);
  for (const view of policyViews(template)) {
    if (view.memo === undefined) continue;
    const diagnostics = viewDiagnostics(service, view, options, run);
    if (diagnostics.some((d) => (code === '*' ? isFixAllCode(d.code) : d.code === code))) yield { view, diagnostics };
  }
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
