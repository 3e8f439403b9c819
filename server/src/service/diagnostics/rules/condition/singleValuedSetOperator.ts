import * as l10n from '@vscode/l10n';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { isMultivalued } from '../../../catalog/iamCatalog';
import { readClauses } from '../../helpers/conditions';
import { sentences } from '../../../l10n';

/**
 * `ForAllValues:` or `ForAnyValue:` on a key that holds one value (IAM User Guide, "Set operators
 * for multivalued context keys"): the qualifier compares sets, and on a single value it either
 * does what the plain operator does or, with ForAllValues, also passes requests without the key.
 */
export const conditionSingleValuedSetOperator = statementRule({
  code: 'iam/condition-single-valued-set-operator',
  defaultSeverity: 'warning',
  kinds: ALL_KINDS,
  checkStatement(statement, context) {
    const findings: RuleFinding[] = [];
    for (const { clause, qualifier, operator } of readClauses(statement)) {
      if (!qualifier || !operator || operator.name === 'Null') continue;
      for (const { key } of clause.keys) {
        const info = context.catalog.conditionKey(key.value);
        if (!info || isMultivalued(info.type)) continue;
        const risk = qualifier === 'ForAllValues' && l10n.t('ForAllValues also passes every request without the key, which an Allow then grants.');
        const message = l10n.t('"{0}" holds a single value, so "{1}:" has nothing to compare as a set; write "{2}".', key.value, qualifier, operator.name);
        findings.push(
          at(key.node, sentences(message, risk), {
            data: { key: key.value, qualifier, operator: operator.name },
            // ForAnyValue on one value does what the plain operator does: a note, not a warning.
            ...(qualifier === 'ForAnyValue' ? { severity: 'information' as const } : {}),
          }),
        );
      }
    }
    return findings;
  },
});
