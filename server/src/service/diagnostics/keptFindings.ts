import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../catalog/iamCatalog';
import type { StatementModel } from '../policy/policyModel';
import type { PolicyRule, RuleFinding } from './rule';
import type { RuleContext } from './ruleContext';

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
 * Another catalog, other settings or another kind of policy start afresh.
 */

interface Kept {
  /** Offsets from the statement's start. */
  findings: readonly RuleFinding[];
  /** Made from the findings where the statement is now; undefined after it moved. */
  diagnostics: Diagnostic[] | undefined;
}

interface Entry {
  /** The settings, kind and link the findings were made with. */
  signature: string;
  /** Where the statement started when the diagnostics were made. */
  line: number;
  character: number;
  /** The validation that last checked the statement's place. */
  validation: number;
  byRule: Map<string, Kept>;
}

const entriesByCatalog = new WeakMap<IamCatalog, WeakMap<StatementModel, Entry>>();
let validations = 0;

/** Turns a finding into a diagnostic, its offsets counted from `base`. */
export type DiagnosticMaker = (finding: RuleFinding, base: number) => Diagnostic;

/** The kept findings, as one validation sees them. */
export class KeptFindings {
  private readonly entries: WeakMap<StatementModel, Entry>;
  private readonly validation = ++validations;

  constructor(
    private readonly document: TextDocument,
    private readonly context: RuleContext,
    private readonly signature: string,
  ) {
    let entries = entriesByCatalog.get(context.catalog);
    if (!entries) {
      entries = new WeakMap();
      entriesByCatalog.set(context.catalog, entries);
    }
    this.entries = entries;
  }

  /** The diagnostics of `rule` in `statement`: kept ones when they still hold, else the rule's, kept for next time. */
  diagnostics(statement: StatementModel, rule: PolicyRule & Required<Pick<PolicyRule, 'checkStatement'>>, make: DiagnosticMaker): readonly Diagnostic[] {
    const entry = this.entryOf(statement);
    const start = statement.node.offset;
    let kept = entry.byRule.get(rule.code);
    if (!kept) {
      const findings = rule.checkStatement(statement, this.context);
      const end = start + statement.node.length;
      // A finding outside the statement could move on its own: such a rule's findings are not kept.
      if (!findings.every((f) => f.offset >= start && f.offset + f.length <= end)) return findings.map((f) => make(f, 0));
      for (const finding of findings) finding.offset -= start;
      kept = { findings, diagnostics: undefined };
      entry.byRule.set(rule.code, kept);
    }
    kept.diagnostics ??= kept.findings.map((f) => make(f, start));
    return kept.diagnostics;
  }

  private entryOf(statement: StatementModel): Entry {
    let entry = this.entries.get(statement);
    if (entry?.validation === this.validation) return entry;
    const { line, character } = this.document.positionAt(statement.node.offset);
    if (!entry || entry.signature !== this.signature) {
      entry = { signature: this.signature, line, character, validation: this.validation, byRule: new Map() };
      this.entries.set(statement, entry);
      return entry;
    }
    entry.validation = this.validation;
    if (entry.line !== line || entry.character !== character) {
      entry.line = line;
      entry.character = character;
      for (const kept of entry.byRule.values()) kept.diagnostics = undefined;
    }
    return entry;
  }
}
