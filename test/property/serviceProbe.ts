import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, FIX_ALL_KIND, INSERT_KIND, RULES, type DiagnosticSettings } from '../../server/src/service';
import { RULES_DOC, service } from '../support/service';

/** One document to put through every service function, and where to ask for completion and hover. */
export interface Probe {
  text: string;
  offsets: number[];
  settings?: Partial<DiagnosticSettings>;
  /** Which of the statements offered for insertion to try, as a fraction of their number: they hardly differ by document. */
  insert?: number;
}

export interface ProbeReport {
  /** How many service calls were made. */
  calls: number;
  /** How many code actions were resolved, applied and the result checked again. */
  fixes: number;
  /** The slowest call and its time, for the hang guard. */
  slowest: { call: string; ms: number };
  /** The first call that threw, with the error's stack. */
  error?: string;
  /** Results that are not well-formed LSP values for this document. */
  violations: string[];
}

const CODES = new Set<string>(RULES.map((r) => r.code));

/**
 * Calls each service function on the probe's document as the server would, timing each call and
 * catching what it throws: validation, every code action for its diagnostics (resolved, applied,
 * and the fixed text validated again), completion and hover at each offset. `starting` hears of
 * each call before it is made, so that a call that never returns can be named.
 */
export function runProbe({ text, offsets, settings = {}, insert = 0 }: Probe, starting: (call: string) => void = () => {}): ProbeReport {
  const document = TextDocument.create('file:///fuzz/policy.json', 'json', 1, text);
  const report: ProbeReport = { calls: 0, fixes: 0, slowest: { call: '', ms: 0 }, violations: [] };
  const run = <T>(call: string, f: () => T): T | undefined => {
    starting(call);
    const start = performance.now();
    try {
      return f();
    } catch (error) {
      report.error ??= `${call} threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      return undefined;
    } finally {
      const ms = performance.now() - start;
      report.calls++;
      if (ms > report.slowest.ms) report.slowest = { call, ms };
    }
  };
  // A position the document would produce itself survives the round trip through an offset.
  const exists = (p: Position) => {
    const q = document.positionAt(document.offsetAt(p));
    return q.line === p.line && q.character === p.character;
  };
  const inDocument = (what: string, range: Range) => {
    const ordered = document.offsetAt(range.start) <= document.offsetAt(range.end);
    if (!ordered || !exists(range.start) || !exists(range.end)) report.violations.push(`${what}: range ${JSON.stringify(range)} is not in the document`);
  };

  const model = run('parsePolicy', () => service.parsePolicy(document));
  if (!model) return report;
  const options = { settings: { ...DEFAULT_SETTINGS, ...settings }, rulesDocumentation: RULES_DOC };
  const diagnostics = run('doValidation', () => service.doValidation(document, model, options)) ?? [];
  for (const d of diagnostics) checkDiagnostic(d, report.violations, inDocument);

  const actionOptions = { ...options, allDiagnostics: diagnostics };
  const actions = [
    ...(run('getCodeActions', () => service.getCodeActions(document, model, diagnostics, actionOptions)) ?? []),
    ...(run('getCodeActions for fix-all', () => service.getCodeActions(document, model, [], { ...actionOptions, only: [FIX_ALL_KIND] })) ?? []),
  ];
  const inserts = actions.filter((a) => a.kind === INSERT_KIND);
  const tried = actions.filter((a) => a.data !== undefined && (a.kind !== INSERT_KIND || a === inserts[Math.floor(insert * inserts.length)]));
  for (const action of tried) {
    const what = `code action "${action.title}"`;
    const edits = run(`resolving ${what}`, () => service.resolveCodeAction(document, model, action, actionOptions))?.edit?.changes?.[document.uri] ?? [];
    for (const edit of edits) inDocument(what, edit.range);
    const fixed = run(`applying ${what}`, () => TextDocument.create(document.uri, 'json', 2, TextDocument.applyEdits(document, edits)));
    if (fixed) run(`validating after ${what}`, () => service.doValidation(fixed, service.parsePolicy(fixed), options));
    report.fixes++;
  }

  for (const offset of offsets) {
    const position = document.positionAt(offset);
    const list = run(`doComplete at ${offset}`, () => service.doComplete(document, position, model));
    for (const item of list?.items ?? []) {
      if (typeof item.label !== 'string') report.violations.push(`completion item without a label at ${offset}`);
      const edit = item.textEdit;
      if (edit && 'range' in edit) inDocument(`completion ${item.label}`, edit.range);
      if (edit && 'insert' in edit) inDocument(`completion ${item.label}`, edit.replace);
    }
    const hover = run(`doHover at ${offset}`, () => service.doHover(document, position, model));
    if (hover?.range) inDocument(`hover at ${offset}`, hover.range);
  }
  return report;
}

function checkDiagnostic(d: Diagnostic, violations: string[], inDocument: (what: string, range: Range) => void): void {
  const what = `diagnostic ${String(d.code)}`;
  if (!CODES.has(String(d.code))) violations.push(`${what}: unknown code`);
  if (d.severity === undefined || d.severity < 1 || d.severity > 4) violations.push(`${what}: severity ${d.severity}`);
  if (typeof d.message !== 'string' || d.message === '') violations.push(`${what}: empty message`);
  inDocument(what, d.range);
}
