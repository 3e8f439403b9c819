import { DiagnosticTag } from 'vscode-languageserver-types';
import { wildcardMatcher } from '../../../catalog/wildcard';
import type { PolicyString } from '../../../policy/policyModel';
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
      const resolved = context.actionsOf(statement);
      if (resolved.length < 2) continue;
      const values: PolicyString[] = [];
      const patterns: { v: PolicyString; matches: (candidate: string) => boolean }[] = [];
      for (const a of resolved) {
        if (a.actions.length === 0) continue;
        values.push(a.value);
        if (a.wildcard) patterns.push({ v: a.value, matches: wildcardMatcher(a.value.value) });
      }
      if (values.length < 2) continue;
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
