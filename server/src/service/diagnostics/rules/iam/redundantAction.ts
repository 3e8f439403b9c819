import { DiagnosticTag } from 'vscode-languageserver-types';
import { wildcardMatcher } from '../../../catalog/wildcard';
import type { PolicyString } from '../../../policy/policyModel';
import type { PolicyRule, RuleFinding } from '../../rule';
import { at } from '../../ruleContext';

/** Statements with more actions than this look for repeats in a set rather than the list. */
const FEW = 16;

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
      // What makes two entries the same: the catalog action (found case-insensitively), or a wildcard's lowercase text.
      const keys: unknown[] = [];
      const patterns: { v: PolicyString; matches: (candidate: string) => boolean }[] = [];
      for (const a of resolved) {
        if (a.actions.length === 0) continue;
        values.push(a.value);
        keys.push(a.wildcard ? a.value.value.toLowerCase() : a.actions[0]);
        if (a.wildcard) patterns.push({ v: a.value, matches: wildcardMatcher(a.value.value) });
      }
      if (values.length < 2) continue;
      const seen = values.length > FEW ? new Set<unknown>() : undefined;
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        const twice = seen ? seen.has(keys[i]) : keys.indexOf(keys[i]) < i;
        seen?.add(keys[i]);
        const coveredBy = twice
          ? value.value
          : patterns.length > 0
            ? patterns.find((p) => p.v !== value && p.matches(value.value) && p.v.value !== value.value)?.v.value
            : undefined;
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
