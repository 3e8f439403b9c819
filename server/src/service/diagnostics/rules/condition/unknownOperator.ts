import * as l10n from '@vscode/l10n';
import { operatorSpellings } from '../../../catalog/conditionOperators';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { readClauses } from '../../helpers/conditions';
import { nearest } from '../../helpers/suggest';
import { isNullIfExists } from './nullIfExists';
import { templateValueIn } from '../../../templates/placeholders';
import { sentences } from '../../../l10n';

/**
 * An operator IAM does not have (IAM User Guide, "IAM JSON policy elements: Condition
 * operators"): IAM rejects the policy. Also a set qualifier on `Null`, which tests whether a key
 * is there at all and compares no values.
 */
export const conditionUnknownOperator = statementRule({
  code: 'iam/condition-unknown-operator',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement) {
    const findings: RuleFinding[] = [];
    for (const { clause, qualifier, operator } of readClauses(statement)) {
      const written = clause.operator.value;
      // A template's or a Terraform file's `${...}` is filled in when it is deployed.
      if (isNullIfExists(written) || templateValueIn(written)) continue;
      if (!operator) {
        const suggestion = nearest(written, operatorSpellings());
        findings.push(
          at(clause.operator.node, sentences(l10n.t('"{0}" is not a condition operator, so IAM rejects the policy.', written), suggestion && l10n.t('Did you mean "{0}"?', suggestion)), {
            data: { operator: written, ...(suggestion ? { suggestion } : {}) },
          }),
        );
      } else if (qualifier && operator.name === 'Null') {
        findings.push(
          at(clause.operator.node, l10n.t('"{0}": Null takes no {1}: qualifier. It tests whether the key is in the request at all; write "Null".', written, qualifier), {
            data: { operator: written, suggestion: 'Null' },
          }),
        );
      }
    }
    return findings;
  },
});
