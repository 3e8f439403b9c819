import * as l10n from '@vscode/l10n';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../catalog/iamCatalog';
import type { DiagnosticSettings } from '../diagnostics/engine/settings';
import { RULES } from '../diagnostics/rules';
import { DIAGNOSTIC_SOURCE, onlyRules, validatePolicy, type ValidationMemory } from '../diagnostics/engine/validate';
import type { PolicyModel } from '../policy/policyModel';
import { editable, wellFormed } from './editable';
import { fixAll } from './fixAll';
import { fixProviderFor, isFixAllCode } from './fixes';
import type { FixContext } from './fixes/fix';
import { applyInsert, insertActionsFor, INSERT_KIND } from './insertActions';
import { isEmptyDocument } from './statements';
import { PolicyTransaction, type Indentation } from './transaction';
import { fillActions } from './fillActions';
import { finish } from '../steps';
import type { KclVersion, PolicyRole } from '../../../../common/src/choices';
import { COMMANDS } from '../../../../common/src/commands';

/** What a code action needs to be resolved later: enough to recompute it on the current text. */
export type CodeActionData =
  | { type: 'fix'; uri: string; code: string; index: number; offset: number; data: Record<string, unknown> }
  | { type: 'fixAll'; uri: string; code?: string }
  | { type: 'insert'; uri: string; role: PolicyRole; kcl?: KclVersion };

export interface CodeActionOptions {
  catalog: IamCatalog;
  /** The language service's validation memory: fixes validate the text they change. */
  memory: ValidationMemory;
  settings: DiagnosticSettings;
  rulesDocumentation: string;
  /** The kinds the client asked for, if it said. */
  only?: string[];
  /** Every diagnostic of the document, if known (the server's last published ones); computed otherwise. */
  allDiagnostics?: readonly Diagnostic[];
  /** How the document's editor indents, if known: edits follow it. */
  indentation?: Indentation;
  /** At most this many rounds of fix-all (see `fixAll.ts`; as many as it takes by default): a host that cannot write a later round's edit makes the rounds before it. */
  fixAllRounds?: number;
  /**
   * Whether a rule's fix-all is offered: where more than one of its findings has a fix. By
   * default counted in `allDiagnostics`, the document's own; a host whose policies are several
   * (a template) counts over all of them.
   */
  offersFixAll?: (code: string) => boolean;
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kinesis-policy`;

const RULE_CODES: ReadonlySet<string> = new Set(RULES.map((r) => r.code));

/** Code actions for a range: quick fixes for its diagnostics, statements to insert, fix-all. Unresolved: no edits yet. */
export function getCodeActions(
  document: TextDocument,
  model: PolicyModel,
  diagnostics: readonly Diagnostic[],
  options: CodeActionOptions,
): CodeAction[] {
  const wants = (kind: string) => !options.only || options.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const ours = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string');
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of ours) actions.push(...quickFixes(document, model, diagnostic, options));
    let all: readonly Diagnostic[] | undefined;
    const offersFixAll = options.offersFixAll ?? ((code: string) => someFixable(document, model, (all ??= options.allDiagnostics ?? validate(document, model, options)), code, options));
    for (const code of new Set(ours.map((d) => String(d.code)))) {
      if (isFixAllCode(code) && offersFixAll(code)) {
        actions.push({ title: l10n.t('Fix all {0} problems in the file', code), kind: CodeActionKind.QuickFix, data: { type: 'fixAll', uri: document.uri, code } satisfies CodeActionData });
      }
    }
    if (wellFormed(model)) actions.push(...fillActions(document.uri, model, ours));
    // The rules' documentation; the server's notes (a file too large, problems not shown) are no rule.
    for (const diagnostic of ours.filter((d) => RULE_CODES.has(String(d.code)))) {
      actions.push({
        title: l10n.t('Show documentation for {0}', String(diagnostic.code)),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: l10n.t('Show Rule Documentation'), command: COMMANDS.showRuleDocumentation, arguments: [diagnostic.code] },
      });
    }
  }
  if (wants(INSERT_KIND) && (wellFormed(model) || isEmptyDocument(model))) {
    for (const insert of insertActionsFor(model, options.settings)) {
      actions.push({ title: insert.title, kind: INSERT_KIND, data: { type: 'insert', uri: document.uri, role: insert.role, kcl: insert.kcl } satisfies CodeActionData });
    }
  }
  if (options.only?.some((k) => FIX_ALL_KIND.startsWith(k)) && model.isPolicy && wellFormed(model)) {
    actions.push({ title: l10n.t('Fix all Kinesis Policy problems'), kind: FIX_ALL_KIND, data: { type: 'fixAll', uri: document.uri } satisfies CodeActionData });
  }
  return actions;
}

/**
 * Whether more than one of the findings of `code` among `diagnostics` (the document's) has a fix:
 * a fix-all offered for findings none of whose fixes can be made would change nothing. Asked at
 * every move of the cursor, so bounded (see `atLeastTwo`).
 */
function someFixable(document: TextDocument, model: PolicyModel, diagnostics: readonly Diagnostic[], code: string, options: CodeActionOptions): boolean {
  function* fixable(): Generator<boolean> {
    for (const d of diagnostics) if (d.code === code) yield quickFixes(document, model, d, options).length > 0;
  }
  return atLeastTwo(fixable(), 256);
}

/**
 * Whether at least two of `found` are true, reading at most `examined` of them: past that many
 * undecided (thousands of findings without a fix), two are assumed. Whether a fix-all is offered,
 * for policies and for templates.
 */
export function atLeastTwo(found: Iterable<boolean>, examined: number): boolean {
  let count = 0;
  let read = 0;
  for (const fixable of found) {
    if (fixable && ++count >= 2) return true;
    if (++read >= examined) return true;
  }
  return false;
}

function quickFixes(document: TextDocument, model: PolicyModel, diagnostic: Diagnostic, options: CodeActionOptions): CodeAction[] {
  const code = String(diagnostic.code);
  const provider = fixProviderFor(code);
  if (!provider || !editable(model, document.offsetAt(diagnostic.range.start))) return [];
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const offset = document.offsetAt(diagnostic.range.start);
  const context: FixContext = { model, catalog: options.catalog, settings: options.settings, code, data, offset };
  return provider(context).map((fix, index) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred,
    data: { type: 'fix', uri: document.uri, code, index, offset, data } satisfies CodeActionData,
  }));
}

/** Computes a code action's edit on the document as it is now. */
export function resolveCodeAction(document: TextDocument, model: PolicyModel, action: CodeAction, options: CodeActionOptions): CodeAction {
  return finish(resolveCodeActionSteps(document, model, action, options));
}

/**
 * `resolveCodeAction` in small steps: fix-all yields between its checks and fixes, so that the
 * server can answer other requests while it works on a large document.
 */
export function* resolveCodeActionSteps(document: TextDocument, model: PolicyModel, action: CodeAction, options: CodeActionOptions): Generator<void, CodeAction, void> {
  const data = action.data as CodeActionData | undefined;
  if (!data) return action;
  const tx = new PolicyTransaction(document.getText(), options.indentation, model);
  // The document may have changed since the action was offered: edit only well-formed JSON.
  if (!wellFormed(model) && !(data.type === 'insert' && isEmptyDocument(model))) return { ...action, edit: { changes: { [document.uri]: [] } } };
  try {
    if (data.type === 'insert') applyInsert(tx, data);
    else if (data.type === 'fix') {
      // A light bulb may be picked after the text changed: fix only a problem still there.
      const diagnostic = reportedAt(document, model, data, options);
      if (!diagnostic) return { ...action, edit: { changes: { [document.uri]: [] } } };
      const context: FixContext = {
        model,
        catalog: options.catalog,
        settings: options.settings,
        code: data.code,
        data: (diagnostic.data ?? {}) as Record<string, unknown>,
        offset: data.offset,
      };
      fixProviderFor(data.code)?.(context)[data.index]?.apply(tx);
    } else yield* fixAll(tx, document, model, data.code, options);
  } catch {
    // A document the fix did not foresee: offer no change rather than a wrong one.
    return { ...action, edit: { changes: { [document.uri]: [] } } };
  }
  return { ...action, edit: { changes: { [document.uri]: yield* tx.editSteps(document) } } };
}

/** The fix's diagnostic in the current text: same rule, same start, same facts. */
function reportedAt(document: TextDocument, model: PolicyModel, fix: { code: string; offset: number; data: unknown }, options: CodeActionOptions): Diagnostic | undefined {
  const rule = RULES.find((r) => r.code === fix.code);
  if (!rule) return undefined;
  const settings = onlyRules(options.settings, (code) => code === rule.code);
  const facts = JSON.stringify(fix.data ?? {});
  return validatePolicy(document, model, options.catalog, options.memory, { settings, rulesDocumentation: options.rulesDocumentation }).diagnostics.find(
    (d) => d.code === fix.code && document.offsetAt(d.range.start) === fix.offset && JSON.stringify(d.data ?? {}) === facts,
  );
}

function validate(document: TextDocument, model: PolicyModel, options: CodeActionOptions): Diagnostic[] {
  return validatePolicy(document, model, options.catalog, options.memory, { settings: options.settings, rulesDocumentation: options.rulesDocumentation }).diagnostics;
}
