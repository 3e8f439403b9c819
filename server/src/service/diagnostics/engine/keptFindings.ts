import type { Diagnostic } from 'vscode-languageserver-types';
import type { PolicyModel, StatementModel } from '../../policy/policyModel';
import type { PolicyRule, RuleFinding, StatementRule } from './rule';
import type { RuleContext } from './ruleContext';
import type { Interned } from '../../interned';
import type { CheckedText, ValidationMemory } from './validate';
import { exactLength } from '../../exactLength';

/**
 * What the statement rules found in each statement, kept from one validation to the next.
 *
 * After an edit inside one statement, the policy model keeps the models of the others (see
 * `updatePolicy`): their text is unchanged, and only their place may have moved. A statement
 * rule's findings depend on nothing but its statement, the catalog and the settings (see
 * `PolicyRule.checkStatement`), so they are kept with the statement's model, with offsets from
 * the statement's start, and with the diagnostics made from them. The diagnostics are reused as
 * they are while the statement starts at the same line and character, even at another offset
 * (then every place inside it has the same line and character as before); when it has moved to
 * another line or column, they are made again from the kept findings.
 * Other settings or another kind of policy start afresh.
 */

export interface KeptEntry {
  /** The settings, kind and link the findings were made with. */
  signature: string;
  /** Where the statement started when the diagnostics were made. */
  line: number;
  character: number;
  /** Whether every statement rule has been run on it: a rule not in `found` found nothing. */
  complete: boolean;
  /**
   * The rules that found something (most find nothing in most statements), by their place in the
   * rule list: what each found, with offsets from the statement's start, and the diagnostics made
   * from that where the statement is now.
   */
  found: KeptFound[];
  /** The rules whose findings lie partly outside the statement: they are run every time. */
  unkept: readonly number[];
}

interface KeptFound {
  index: number;
  findings: readonly RuleFinding[];
  diagnostics: readonly Diagnostic[] | undefined;
}

/** Each statement's kept findings, owned by one language service (see `createValidationMemory`). */
export type KeptEntries = WeakMap<StatementModel, KeptEntry>;
const NONE: readonly number[] = [];
/** How many statements are checked between two pauses of the validation. */
const STATEMENTS_PER_STEP = 16;

/**
 * Where a statement this check has kept nothing for may take its findings from: the statement at
 * the same place in another model, if its text is the same, and that model's check ran every
 * statement rule this one runs (fix-all's own models take them from the document's check). A
 * statement rule's findings depend on nothing but its statement (its text and its place in the
 * list, which their facts may name), the catalog, the settings and the policy's kind
 * (`PolicyRule.checkStatement`), so they are the same; the caller makes sure the kind is.
 */
export interface KeptSource {
  model: PolicyModel;
  entries: KeptEntries;
  /** The signature the source's statements were checked with. */
  signature: string;
}

/** Turns a finding into a diagnostic of the document, its offsets counted from `base` (see `DiagnosticStyle`). */
export interface DiagnosticMaker {
  make(document: CheckedText, finding: RuleFinding, base: number): Diagnostic;
}

/** A rule as one validation runs it: its place in the rule list, and how its diagnostics are made. */
export interface RuleRun<R extends PolicyRule = PolicyRule> {
  rule: R;
  index: number;
  style: DiagnosticMaker;
}

/** The kept findings, as one validation sees them. */
export class KeptFindings {
  private readonly entries: KeptEntries;
  private readonly messages: Interned;

  constructor(
    memory: Pick<ValidationMemory, 'kept' | 'messages'>,
    private readonly document: CheckedText,
    private readonly context: RuleContext,
    private readonly signature: string,
    private readonly source?: KeptSource,
  ) {
    this.entries = memory.kept;
    this.messages = memory.messages;
  }

  /**
   * Adds the diagnostics of each rule in every statement to `out[rule's index]`, statement by
   * statement (a statement's kept results lie together), pausing every few statements.
   */
  *collect(runs: readonly RuleRun<StatementRule>[], out: Diagnostic[][]): Generator<void, void, void> {
    const { statements } = this.context.model;
    const byIndex: RuleRun<StatementRule>[] = [];
    for (const run of runs) byIndex[run.index] = run;
    // No closure or iterator in these loops: they run for every statement after each edit, and a
    // scope or an iterator made at each pass was most of what checking a large, mostly unchanged
    // policy allocated.
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i];
      const entry = this.entryOf(statement, byIndex);
      if (!entry.complete) this.checkAll(entry, statement, runs, out);
      else {
        for (let f = 0; f < entry.found.length; f++) {
          const found = entry.found[f];
          found.diagnostics ??= this.diagnosticsOf(found, statement, byIndex[found.index]);
          const list = out[found.index];
          for (let d = 0; d < found.diagnostics.length; d++) list.push(found.diagnostics[d]);
        }
        for (let u = 0; u < entry.unkept.length; u++) this.check(byIndex[entry.unkept[u]], statement, out);
      }
      if (i % STATEMENTS_PER_STEP === STATEMENTS_PER_STEP - 1) yield;
    }
  }

  /** Runs every rule on a statement not checked yet, keeping what can be kept. */
  private checkAll(entry: KeptEntry, statement: StatementModel, runs: readonly RuleRun<StatementRule>[], out: Diagnostic[][]): void {
    let unkept: number[] | undefined;
    for (let r = 0; r < runs.length; r++) {
      const findings = this.check(runs[r], statement, out);
      if (findings === undefined) (unkept ??= []).push(runs[r].index);
      else if (findings.length > 0) {
        const found: KeptFound = { index: runs[r].index, findings, diagnostics: undefined };
        found.diagnostics = this.diagnosticsOf(found, statement, runs[r]);
        entry.found.push(found);
        const list = out[found.index];
        for (let d = 0; d < found.diagnostics.length; d++) list.push(found.diagnostics[d]);
      }
    }
    entry.unkept = unkept ?? NONE;
    entry.found = exactLength(entry.found);
    entry.complete = true;
  }

  /** The diagnostics of a rule's kept findings where the statement is now. */
  private diagnosticsOf(found: KeptFound, statement: StatementModel, { style }: RuleRun<StatementRule>): readonly Diagnostic[] {
    const start = statement.node.offset;
    return found.findings.map((f) => style.make(this.document, f, start));
  }

  /**
   * The rule's findings in the statement, with offsets from its start, to keep; or, when one lies
   * outside the statement, none to keep: its diagnostics are added to `out` as they are.
   */
  private check({ rule, index, style }: RuleRun<StatementRule>, statement: StatementModel, out: Diagnostic[][]): readonly RuleFinding[] | undefined {
    const findings = rule.checkStatement(statement, this.context);
    if (findings.length === 0) return findings;
    const start = statement.node.offset;
    const end = start + statement.node.length;
    // A finding outside the statement could move on its own: such a rule's findings are not kept.
    if (!findings.every((f) => f.offset >= start && f.offset + f.length <= end)) {
      for (const finding of findings) out[index].push(style.make(this.document, finding, 0));
      return undefined;
    }
    for (const finding of findings) {
      finding.offset -= start;
      // Kept as long as the statement is: one copy of each sentence.
      finding.message = this.messages.of(finding.message);
    }
    // Kept as long as the statement is: at its length.
    return exactLength(findings);
  }

  /** The statement's entry, its diagnostics dropped if it no longer starts where they were made. */
  private entryOf(statement: StatementModel, runs: readonly (RuleRun<StatementRule> | undefined)[]): KeptEntry {
    let entry = this.entries.get(statement);
    const { line, character } = this.document.positionAt(statement.node.offset);
    if (!entry || entry.signature !== this.signature) {
      entry = this.fromSource(statement, runs, line, character) ?? { signature: this.signature, line, character, complete: false, found: [], unkept: NONE };
      this.entries.set(statement, entry);
    } else if (entry.line !== line || entry.character !== character) {
      entry.line = line;
      entry.character = character;
      for (const found of entry.found) found.diagnostics = undefined;
    }
    return entry;
  }

  /** A new entry with what the source's statement of the same text found, of the rules this check runs. */
  private fromSource(statement: StatementModel, runs: readonly (RuleRun<StatementRule> | undefined)[], line: number, character: number): KeptEntry | undefined {
    const source = this.source;
    if (!source) return undefined;
    // At the same place in the list: a finding's facts may name its statement's index.
    const twin = source.model.statementAt(statement.index);
    const same = twin !== undefined && twin.node.length === statement.node.length && textOf(source.model, twin) === textOf(this.context.model, statement);
    const kept = same ? source.entries.get(twin) : undefined;
    if (!kept?.complete || kept.signature !== source.signature) return undefined;
    return {
      signature: this.signature,
      line,
      character,
      complete: true,
      found: kept.found.filter((f) => runs[f.index] !== undefined).map((f) => ({ index: f.index, findings: f.findings, diagnostics: undefined })),
      unkept: kept.unkept.filter((index) => runs[index] !== undefined),
    };
  }
}

/** A statement's text in its model. */
function textOf(model: PolicyModel, statement: StatementModel): string {
  const { offset, length } = statement.node;
  return model.source.slice(offset, offset + length);
}
