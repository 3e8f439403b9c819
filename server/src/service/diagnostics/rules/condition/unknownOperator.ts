import { operatorSpellings } from '../../../catalog/conditionOperators';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { readClauses } from '../../helpers/conditions';
import { nearest } from '../../helpers/suggest';
import { isNullIfExists } from './nullIfExists';
import { templateValueIn } from '../../../templates/placeholders';

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
          at(clause.operator.node, `"${written}" is not a condition operator, so IAM rejects the policy.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, {
            data: { operator: written, ...(suggestion ? { suggestion } : {}) },
          }),
        );
      } else if (qualifier && operator.name === 'Null') {
        findings.push(
          at(clause.operator.node, `"${written}": Null takes no ${qualifier}: qualifier. It tests whether the key is in the request at all; write "Null".`, {
            data: { operator: written, suggestion: 'Null' },
          }),
        );
      }
    }
    return findings;
  },
});
