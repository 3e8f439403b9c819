import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { templateCheckActions } from './hostedChecks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS } from '../../../../common/src/commands';
import type { CallerCodeActionOptions, PolicyLanguageService } from '../languageService';
import { hostDiagnostic, hostRange, runKey, viewDiagnostics } from './hostedFeatures';
import type { TemplateDocument } from './hostModel';
import { allViews, viewsAt, type HostView } from './views';
import { isFixAllCode } from '../codeActions/fixes';
import { mappedEdits } from './hostEdits';
import { fixAllCode, fixableViews, templateIndentation, templateOffersFixAll, unresolvedFixAll } from './templateFixAll';

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
  const indentation = templateIndentation(template, options);
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
  // and a rule's offered where more than one of its findings in the template has a fix (the
  // diagnostics as published, where the caller has them, settle most rules without reading every
  // policy again, which costs tens of milliseconds in a large template at every move of the cursor).
  const fixAllsMade = new Set<string>();
  const run = runKey(template, options);
  const offered = new Map<string, boolean>();
  const offersFixAll = (code: string) => {
    let answer = offered.get(code);
    if (answer === undefined) offered.set(code, (answer = templateOffersFixAll(service, host, template, code, options, options.allDiagnostics)));
    return answer;
  };
  return [...checks, ...views.flatMap((view, i) => {
    const all = viewDiagnostics(service, view, options, run);
    const asked = all.filter((d) => diagnostics.some((h) => h.code === d.code && sameRange(h.range, hostRange(host, view, d.range))));
    const viewOptions = { ...options, settings: view.settings(options.settings), indentation, offersFixAll, allDiagnostics: all };
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

