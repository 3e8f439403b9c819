import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createValidationMemory, onlyRules, validationSteps, type CheckedText } from '../diagnostics/engine/validate';
import { changedStatementFindings, type ChangedStatement } from '../diagnostics/engine/changedStatements';
import type { PolicyModel, StatementModel } from '../policy/policyModel';
import { editableInStatement, wellFormed } from './editable';
import { fixProviderFor, isFixAllCode, statementFixProviderFor } from './fixes';
import type { FixContext } from './fixes/fix';
import type { CodeActionOptions } from './index';
import { rewrittenStatements, statementContaining } from './rewrittenStatements';
import type { PolicyTransaction, Rewritten } from './transaction';

/** How many findings are looked up between two pauses. */
const ATTEMPTS_PER_STEP = 512;

/** More rounds than any policy needs: a guard against fixes that undo one another. */
const FIX_ALL_LIMIT = 200;

/**
 * Applies the first fix of each fixable diagnostic, in rounds: each round checks the text, then
 * fixes one finding in each statement, from the last statement to the first, so that every fix
 * finds the text before it as the round's check read it. A fix that edits outside its statement
 * (from a model that may no longer say what is there) is undone and made alone in the next round,
 * as is a finding outside the statements.
 */
export function* fixAll(
  tx: PolicyTransaction,
  original: TextDocument,
  documentModel: PolicyModel,
  code: string | undefined,
  options: CodeActionOptions,
): Generator<void, void, void> {
  // A fix that changes nothing is not tried again until its statement changes.
  const tried = new Set<string>();
  let changes = 0;
  let alone: string | undefined;
  const fixing = (c: unknown) => (code ? c === code : isFixAllCode(c));
  // The first round reads the document's model, checked already with every rule (see
  // `PolicyTransaction`); the models of the transaction's own are checked with the rules it fixes.
  const own = onlyRules(options.settings, fixing);
  // What is worked out of the transaction's own statements is the transaction's, and goes with it:
  // in the service's memory it would only add to tables that live as long as the service.
  const ownMemory = createValidationMemory();
  const rounds = Math.min(options.fixAllRounds ?? FIX_ALL_LIMIT, FIX_ALL_LIMIT);
  for (let round = 0; round < rounds; round++) {
    // Each of these reads the whole text: a step of its own.
    yield;
    const model = yield* tx.modelSteps();
    if (!wellFormed(model)) return;
    const text = tx.text;
    yield;
    // The document's own model is checked as the document (its findings are kept with their places
    // there); the transaction's, at places that are offsets.
    const ofDocument = model === documentModel;
    const document = ofDocument ? original : offsetDocument(text);
    const checked = yield* validationSteps(document, model, options.catalog, ofDocument ? options.memory : ownMemory, {
      settings: ofDocument ? options.settings : own,
      rulesDocumentation: options.rulesDocumentation,
      // A statement no fix has changed has the findings the document's check found in it.
      keptFrom: ofDocument ? undefined : { model: documentModel, memory: options.memory, settings: options.settings },
    });
    yield;
    const attempts: { d: Diagnostic; offset: number; statement: StatementModel | undefined; key: string }[] = [];
    let looked = 0;
    for (const d of checked.diagnostics) {
      if (!fixing(d.code)) continue;
      const offset = document.offsetAt(d.range.start);
      const statement = statementContaining(model, offset);
      const key = attemptKey(d.code, d.data, offset, statement, text, changes);
      if (!tried.has(key)) attempts.push({ d, offset, statement, key });
      // Thousands of findings in a large policy: a step every few hundred.
      if (++looked % ATTEMPTS_PER_STEP === 0) yield;
    }
    if (attempts.length === 0) return;
    type Attempt = (typeof attempts)[number];
    const editable = (attempt: Attempt) => editableInStatement(model, attempt.offset, attempt.statement);
    const contextOf = (attempt: Attempt): FixContext => ({
      model,
      catalog: options.catalog,
      settings: options.settings,
      code: String(attempt.d.code),
      data: (attempt.d.data ?? {}) as Record<string, unknown>,
      offset: attempt.offset,
    });
    const make = (attempt: Attempt): void => {
      if (editable(attempt)) fixProviderFor(attempt.d.code)?.(contextOf(attempt))[0]?.apply(tx);
    };
    /**
     * The statement's findings of the first one's rule, made as one change where the rule's fixes
     * allow it, else the first whose fix changes the text (a finding without a fix gives way to
     * the next): those it tried, and whether as one change.
     */
    const makeTogether = (together: readonly Attempt[]): { made: readonly Attempt[]; combined: boolean } => {
      const combined = together.length > 1 ? statementFixProviderFor(together[0].d.code) : undefined;
      if (!combined) {
        for (let i = 0; i < together.length; i++) {
          make(together[i]);
          if (tx.changing) return { made: together.slice(0, i + 1), combined: false };
        }
        return { made: together, combined: false };
      }
      if (together.every(editable)) combined(together.map(contextOf))?.apply(tx);
      return { made: together, combined: true };
    };
    const single = attempts.find((a) => a.key === alone) ?? attempts.find((a) => !a.statement);
    alone = undefined;
    if (single) {
      tried.add(single.key);
      const before = tx.text;
      make(single);
      if (tx.text !== before) changes++;
      continue;
    }
    // Each statement's first finding, with the others of its rule there.
    const byStatement = new Map<StatementModel | undefined, Attempt[]>();
    for (const attempt of attempts) {
      const first = byStatement.get(attempt.statement)?.[0];
      if (!first) byStatement.set(attempt.statement, [attempt]);
      else if (attempt.d.code === first.d.code) byStatement.get(attempt.statement)!.push(attempt);
    }
    const batch = [...byStatement.values()].sort((a, b) => b[0].offset - a[0].offset);
    const changesBefore = changes;
    let triedNow = 0;
    let rewritten: Rewritten[];
    // The findings each statement fixed as one change was given (see `left` below).
    const madeAsOne = new Map<StatementModel, Set<string>>();
    tx.beginBackwards();
    try {
      for (const group of batch) {
        const statement = group[0].statement!;
        const { offset: start, length } = statement.node;
        let made: { made: readonly Attempt[]; combined: boolean } = { made: [], combined: false };
        const result = tx.fixBackwards(start, start + length, () => void (made = makeTogether(group)));
        if (result === 'undone') alone ??= group[0].key;
        else for (const attempt of made.made) tried.add(attempt.key);
        triedNow += made.made.length;
        if (result === 'made') changes++;
        if (result === 'made' && made.combined) madeAsOne.set(statement, new Set(group.map((a) => factsOf(a.d.code, a.d.data))));
        yield;
      }
    } finally {
      rewritten = tx.endBackwards();
    }
    if (alone !== undefined || triedNow !== attempts.length) continue;
    // Nothing changed, and every finding was tried: a check of the same text would find only those.
    if (changes === changesBefore) return;
    // The first round's text is parsed afresh for the next check (the document's model is not the
    // transaction's to update), only to find, most often, that nothing is left to fix: where the
    // statements the round changed show nothing new, nothing is.
    if (!ofDocument || !checked.kind) continue;
    yield;
    const now = tx.text;
    const changed = yield* rewrittenStatements(model, now, rewritten);
    const found = changed && (yield* changedStatementFindings(model, checked.kind, now, changed, options.catalog, own, ownMemory.statements));
    // A finding a fix made as one change left in its statement is one that fix could not fix.
    const left = (code: string, data: unknown, statement: ChangedStatement) => madeAsOne.get(statement.before)?.has(factsOf(code, data)) ?? false;
    const done = found?.every(({ code, finding, statement }) => !fixing(code) || left(code, finding.data, statement) || tried.has(attemptKey(code, finding.data, finding.offset, statement.after, now, changes)));
    if (done) return;
  }
}

/**
 * The text as a document whose positions are offsets (line 0, the offset as the character).
 * Fix-all places its checks' findings only to find their offsets again: where each line starts,
 * a scan of the whole text, is not needed, and the order of places is the order of offsets.
 */
function offsetDocument(text: string): CheckedText & Pick<TextDocument, 'offsetAt'> {
  return {
    getText: () => text,
    positionAt: (offset: number) => ({ line: 0, character: Math.max(0, Math.min(Math.floor(offset), text.length)) }),
    offsetAt: (position: Position) => Math.max(0, Math.min(position.character, text.length)),
  };
}

/**
 * What makes a fix's attempt the same as one made before: its rule, facts and place in its
 * statement, the statement's place in the list and its text. A fix that changed nothing is not
 * tried again until its statement changes (a finding outside the statements: until the text
 * changes). Without the place in the list, a statement that a fix made to read as another read
 * before had that one's findings taken as tried.
 */
function attemptKey(code: unknown, data: unknown, offset: number, statement: StatementModel | undefined, text: string, changes: number): string {
  const facts = factsOf(code, data);
  if (!statement) return `${changes}:${offset}:${facts}`;
  const { offset: start, length } = statement.node;
  return `${statement.index}:${offset - start}:${facts}:${text.slice(start, start + length)}`;
}

/** A finding's rule and facts: what tells two findings apart in one place. */
function factsOf(code: unknown, data: unknown): string {
  return `${String(code)}:${JSON.stringify(data ?? {})}`;
}
