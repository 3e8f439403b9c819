import type { Node } from 'jsonc-parser';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';

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
      return [at(conditionKey, `"Condition" is an object of condition operators, such as {"StringEquals": {"aws:SourceAccount": "111122223333"}}, not ${describe(condition.value)}.`)];
    }
    const findings: RuleFinding[] = [];
    for (const clause of condition.clauses) {
      if (clause.body && clause.body.type !== 'object') {
        findings.push(at(clause.operator.node, `The operator "${clause.operator.value}" takes an object of condition keys and their values, not ${describe(clause.body)}.`));
        continue;
      }
      for (const entry of clause.keys) {
        for (const node of entry.invalid) {
          findings.push(at(node.type === 'null' ? node : entry.key.node, `The value of "${entry.key.value}" is a string or a list of strings, not ${describe(node)}.`));
        }
      }
    }
    return findings;
  },
});

function describe(node: Node): string {
  if (node.type === 'null') return 'null';
  if (node.type === 'array') return 'a list';
  return `${node.type === 'object' ? 'an' : 'a'} ${node.type}`;
}
