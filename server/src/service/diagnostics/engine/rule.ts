import type { Node } from 'jsonc-parser';
import type { DiagnosticTag } from 'vscode-languageserver-types';
import type { StatementModel } from '../../policy/policyModel';
import type { PolicyKind } from './policyKind';
import type { RuleContext } from './ruleContext';
import type { RuleSeverity } from './settings';

/** A severity a finding can have. */
export type RuleSeverityLevel = Exclude<RuleSeverity, 'off'>;

/** One problem a rule found: where, what to tell the user, and what a quick fix will need. */
export interface RuleFinding {
  offset: number;
  length: number;
  message: string;
  /** Overrides the rule's default severity, e.g. a KCL hint that is a warning once the policy shows KCL use. */
  severity?: Exclude<RuleSeverity, 'off'>;
  data?: Record<string, unknown>;
  tags?: DiagnosticTag[];
}

export interface PolicyRule<Code extends string = string> {
  /** Stable code, e.g. `resource-policy/wildcard-action`; documented in docs/rules.md. */
  code: Code;
  defaultSeverity: Exclude<RuleSeverity, 'off'>;
  /** The kinds of policy the rule checks. */
  kinds: readonly PolicyKind[];
  /**
   * `principal` for a rule that judges what the principal can do (a consumer's reads, a KCL
   * application's tables): where the principal's identity policies are all known, as a role's in a
   * template, it runs over them together rather than over each document.
   */
  judges?: 'principal';
  /**
   * Whether the rule reads the policy's size (`RuleContext.size`): validation then measures the
   * statements beforehand, in steps, rather than all at once when the rule first asks.
   */
  readsSize?: boolean;
  check(context: RuleContext): RuleFinding[];
  /**
   * For a rule over the whole policy whose findings depend on nothing but what this reads of each
   * statement, the statements' order, and the text outside the statements: what it reads of one,
   * as a string. Where none of the statements fix-all changed reads differently, the rule's
   * findings are the same as before, and its last round checks only those statements rather than
   * the whole text again (`changedStatementFindings`).
   */
  readOfStatement?(statement: StatementModel): string;
  /**
   * For a rule that looks at one statement at a time: its findings in `statement`. They must
   * depend on nothing but the statement, the catalog, the settings and the policy's kind, and lie
   * inside the statement: validation then keeps them while the statement is unchanged.
   */
  checkStatement?(statement: StatementModel, context: RuleContext): RuleFinding[];
  /**
   * For a rule that looks at one statement at a time, its findings outside every statement (the
   * top-level keys of the policy); run over the whole policy on each validation.
   */
  checkOutside?(context: RuleContext): RuleFinding[];
}

/** A rule that looks at one statement at a time. */
export type StatementRule<Code extends string = string> = PolicyRule<Code> & Required<Pick<PolicyRule<Code>, 'checkStatement'>>;

/** A rule over the whole policy. Its code keeps its literal type, from which the registry's `RuleCode` is made. */
export function policyRule<Code extends string>(rule: PolicyRule<Code>): PolicyRule<Code> {
  return rule;
}

/** A rule that looks at one statement at a time; `check` runs it over every statement. */
export function statementRule<Code extends string>(rule: Omit<StatementRule<Code>, 'check'>): StatementRule<Code> {
  return {
    ...rule,
    check(context) {
      const findings: RuleFinding[] = rule.checkOutside?.(context) ?? [];
      for (const statement of context.model.statements) for (const finding of rule.checkStatement(statement, context)) findings.push(finding);
      return findings;
    },
  };
}

/** A finding on a node's whole text: a string with its quotes, a property, an object. */
export function at(node: Node, message: string, extra?: Omit<RuleFinding, 'offset' | 'length' | 'message'>): RuleFinding {
  return { offset: node.offset, length: node.length, message, severity: extra?.severity, data: extra?.data, tags: extra?.tags };
}
