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
  const checks = !options.only || options.only.some((k) => CodeActionKind.QuickFix.startsWith(k)) ? templateCheckActions(host, diagnostics) : [];
  const cursor = host.offsetAt(range.start);
  // The policies at the cursor, then those of the findings the editor asks about: a selection may
  // reach over several policies, or start outside any.
  const views = wholeDocument ? allViews(template) : viewsAt(template, cursor, ...diagnostics.map((d) => host.offsetAt(d.range.start)));
  const insertsHere = wholeDocument || viewsAt(template, cursor).length > 0;
  return [...checks, ...views.flatMap((view, i) => {
    const all = viewDiagnostics(service, view, options, runKey(template, options));
    const asked = all.filter((d) => diagnostics.some((h) => h.code === d.code && sameRange(h.range, hostRange(host, view, d.range))));
    const viewOptions = { ...options, settings: view.settings(options.settings), indentation, allDiagnostics: all };
    // Statements to insert are offered once, by the first view, when the cursor is in it, and only
    // those its place takes: a principal's view offers its fixes only.
    const actions = service
      .getCodeActions(view.document, view.model, asked, viewOptions)
      .filter((a) => ((i === 0 && insertsHere) || (a.diagnostics?.length ?? 0) > 0) && insertFits(a, view.inserts));
    return actions.flatMap((action) => {
      const hostDiagnostics = action.diagnostics?.map((d) => hostDiagnostic(host, view, d));
      if (action.command) return action.command.command === COMMANDS.fillPlaceholders ? [] : [{ ...action, diagnostics: hostDiagnostics }];
      const resolved = (fixAllRounds?: number) => service.resolveCodeAction(view.document, view.model, action, { ...viewOptions, fixAllRounds }).edit?.changes?.[host.uri];
      const edits = resolved();
      const mapped = (edits && edits.length > 0 ? hostEdits(host, template, view, edits) : undefined) ?? (isFixAll(action) ? firstRounds(host, template, view, resolved) : undefined);
      if (!mapped) return [];
      return [{ title: action.title, kind: action.kind, isPreferred: action.isPreferred, diagnostics: hostDiagnostics, edit: { changes: { [host.uri]: mapped } } }];
    });
  })];
}

function isFixAll(action: CodeAction): boolean {
  return (action.data as { type?: string } | undefined)?.type === 'fixAll';
}

/**
 * A fix-all whose whole edit cannot be made exactly in the template (a later round rewrites a
 * list that holds an intrinsic function, say): the edit of as many of its first rounds as can be,
 * the rest left for the user; undefined where not even the first can.
 */
function firstRounds(host: TextDocument, template: TemplateDocument, view: HostView, resolved: (rounds: number) => TextEdit[] | undefined): TextEdit[] | undefined {
  let made: TextEdit[] | undefined;
  let previous = '';
  for (let rounds = 1; rounds < MAX_ROUNDS_TRIED; rounds++) {
    const edits = resolved(rounds);
    const key = JSON.stringify(edits ?? []);
    // Nothing more than the rounds before: the whole fix-all, which could not be made.
    if (!edits || edits.length === 0 || key === previous) return made;
    const mapped = hostEdits(host, template, view, edits);
    if (!mapped) return made;
    made = mapped;
    previous = key;
  }
  return made;
}

/** A template's policy is small: a fix-all that takes more rounds than this is not cut short round by round. */
const MAX_ROUNDS_TRIED = 16;

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
