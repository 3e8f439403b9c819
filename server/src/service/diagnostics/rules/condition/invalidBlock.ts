import * as l10n from '@vscode/l10n';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { describeNode } from '../../helpers/words';

/**
 * A `Condition` is an object of operators, each an object of condition keys, each a string or a
 * list of strings (numbers and booleans read as strings). IAM rejects any other shape (IAM User
 * Guide, "IAM JSON policy elements: Condition").
 */
export const conditionInvalidBlock = statementRule({
  code: 'iam/condition-invalid-block',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement) {
    const condition = statement.condition;
    if (!condition?.value) return [];
    // On the key naming the misshapen value: the value itself may span many lines.
    const conditionKey = condition.property.children?.[0] ?? condition.value;
    if (condition.value.type !== 'object') {
      return [
        at(
          conditionKey,
          l10n.t('"Condition" is an object of condition operators, such as {"StringEquals": {"aws:SourceAccount": "111122223333"}}, not {0}.', describeNode(condition.value)),
        ),
      ];
    }
    const findings: RuleFinding[] = [];
    for (const clause of condition.clauses) {
      if (clause.body && clause.body.type !== 'object') {
        findings.push(
          at(clause.operator.node, l10n.t('The operator "{0}" takes an object of condition keys and their values, not {1}.', clause.operator.value, describeNode(clause.body))),
        );
        continue;
      }
      for (const entry of clause.keys) {
        for (const node of entry.invalid) {
          findings.push(
            at(node.type === 'null' ? node : entry.key.node, l10n.t('The value of "{0}" is a string or a list of strings, not {1}.', entry.key.value, describeNode(node))),
          );
        }
      }
    }
    return findings;
  },
});
