import type { ListElement } from '../../../policy/policyModel';
import { type PolicyRule, type RuleFinding, statementRule } from '../../rule';
import { at } from '../../ruleContext';

/** An empty `Action` or `Resource` (`""` or `[]`) is rejected, and a blank entry names nothing. */
export const emptyValue: PolicyRule = statementRule({
  code: 'iam/empty-value',
  defaultSeverity: 'error',
  kinds: ['identity', 'kinesis-resource', 'other-resource'],
  checkStatement(s) {
    const findings: RuleFinding[] = [];
    const check = (element: ListElement | undefined) => {
      if (!element?.value) return;
      if (element.value.type === 'array' && (element.value.children?.length ?? 0) === 0) {
        findings.push(at(element.value, `"${element.key}" is an empty list: IAM rejects it. List at least one entry.`));
      }
      for (const value of element.values) {
        if (value.value.trim() === '') findings.push(at(value.node, `An empty string in "${element.key}" names nothing: remove it or fill it in.`));
      }
    };
    check(s.action);
    check(s.notAction);
    check(s.resource);
    check(s.notResource);
    return findings;
  },
});
