import { DiagnosticTag } from 'vscode-languageserver-types';
import { wildcardMatcher } from '../../../catalog/wildcard';
import type { PolicyRule, RuleFinding } from '../../rule';
import { at } from '../../ruleContext';

/** An action listed twice, or already covered by a wildcard in the same statement, adds nothing. */
export const redundantAction: PolicyRule = {
  code: 'iam/redundant-action',
  defaultSeverity: 'hint',
  kinds: ['identity', 'kinesis-resource', 'other-resource'],
  check(context) {
    const findings: RuleFinding[] = [];
    for (const statement of context.model.statements) {
      // Unknown actions are iam/unknown-action's; only real actions and wildcards can be redundant.
      const values = context.actionsOf(statement).filter((a) => a.actions.length > 0).map((a) => a.value);
      if (values.length < 2) continue;
      const patterns = values.filter((v) => /[*?]/.test(v.value)).map((v) => ({ v, matches: wildcardMatcher(v.value) }));
      const seen = new Set<string>();
      for (const value of values) {
        const key = value.value.toLowerCase();
        const coveredBy = seen.has(key) ? value.value : patterns.find((p) => p.v !== value && p.matches(value.value) && p.v.value !== value.value)?.v.value;
        seen.add(key);
        if (!coveredBy) continue;
        findings.push(
          at(value.node, coveredBy === value.value ? `"${value.value}" is listed twice in this statement.` : `"${value.value}" is already covered by "${coveredBy}" in this statement.`, {
            tags: [DiagnosticTag.Unnecessary],
            data: { action: value.value, coveredBy },
          }),
        );
      }
    }
    return findings;
  },
};
