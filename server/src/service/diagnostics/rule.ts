import type { DiagnosticTag } from 'vscode-languageserver-types';
import type { StatementModel } from '../policy/policyModel';
import type { RuleContext } from './ruleContext';

/** How loud a finding is; `off` silences a rule. */
export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/**
 * What a policy is, for the rules: an identity policy (no principal), a Kinesis resource-based
 * policy (a principal, and Kinesis stream or consumer resources), or another resource-based
 * policy such as a role trust policy, which gets only the generic checks.
 */
export type PolicyKind = 'identity' | 'kinesis-resource' | 'other-resource';

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

export interface PolicyRule {
  /** Stable code, e.g. `resource-policy/wildcard-action`; documented in docs/rules.md. */
  code: string;
  defaultSeverity: Exclude<RuleSeverity, 'off'>;
  /** The kinds of policy the rule checks. */
  kinds: readonly PolicyKind[];
  check(context: RuleContext): RuleFinding[];
  /**
   * For a rule that looks at one statement at a time: its findings in `statement`. They must
   * depend on nothing but the statement, the catalog, the settings and the policy's kind, and lie
   * inside the statement: validation then keeps them while the statement is unchanged.
   */
  checkStatement?(statement: StatementModel, context: RuleContext): RuleFinding[];
}

/** A rule that looks at one statement at a time. */
export type StatementRule = PolicyRule & Required<Pick<PolicyRule, 'checkStatement'>>;

/** A rule that looks at one statement at a time; `check` runs it over every statement. */
export function statementRule(rule: Omit<StatementRule, 'check'>): StatementRule {
  return {
    ...rule,
    check(context) {
      const findings: RuleFinding[] = [];
      for (const statement of context.model.statements) for (const finding of rule.checkStatement(statement, context)) findings.push(finding);
      return findings;
    },
  };
}

export const ALL_KINDS: readonly PolicyKind[] = ['identity', 'kinesis-resource', 'other-resource'];
export const RESOURCE_KINDS: readonly PolicyKind[] = ['kinesis-resource', 'other-resource'];
