import * as l10n from '@vscode/l10n';
import { POLICY_VERSIONS } from '../../../policy/parsePolicy';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, policyRule, type RuleFinding } from '../../engine/rule';
import { describeNode } from '../../helpers/words';

/**
 * A policy's `Statement` is one statement object or an array of them, and there is at least one
 * (IAM User Guide, "IAM JSON policy elements: Statement"). Reported in documents that are plainly
 * policies: they name the policy language `Version`, or their `Statement` is an object or array.
 */
export const invalidStatement = policyRule({
  code: 'iam/invalid-statement',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  check(context) {
    const { model } = context;
    const property = model.statementProperty;
    const value = property?.children?.[1];
    if (!model.root) return [];
    if (!property) {
      if (!(POLICY_VERSIONS as readonly string[]).includes(model.version?.value ?? '')) return [];
      return [
        {
          offset: model.root.offset,
          length: 1,
          message: l10n.t('This policy has no "Statement": IAM rejects a policy without one. Add the statements it grants or denies.'),
          data: { problem: 'missing' },
        },
      ];
    }
    if (!value) return [];
    if (value.type !== 'object' && value.type !== 'array') {
      return [at(value, l10n.t('"Statement" is a statement object or an array of them, not {0}.', describeNode(value, 'nested list')), { data: { problem: 'type' } })];
    }
    if (value.type === 'array' && (value.children?.length ?? 0) === 0) {
      return [at(value, l10n.t('"Statement" is empty: IAM rejects a policy without statements. Add the statements it grants or denies.'), { data: { problem: 'empty' } })];
    }
    const findings: RuleFinding[] = [];
    for (const item of value.type === 'array' ? (value.children ?? []) : []) {
      if (item.type !== 'object') {
        findings.push(at(item, l10n.t('Each statement is an object with "Effect", "Action" and the rest, not {0}.', describeNode(item, 'nested list')), { data: { problem: 'item' } }));
      }
    }
    return findings;
  },
});
