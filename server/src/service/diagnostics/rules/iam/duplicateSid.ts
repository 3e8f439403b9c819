import type { PolicyRule, RuleFinding } from '../../rule';
import { at } from '../../ruleContext';

/** Statement ids must be unique within a policy. */
export const duplicateSid: PolicyRule = {
  code: 'iam/duplicate-sid',
  defaultSeverity: 'error',
  kinds: ['identity', 'kinesis-resource', 'other-resource'],
  check(context) {
    const seen = new Map<string, number>();
    const findings: RuleFinding[] = [];
    for (const statement of context.model.statements) {
      const sid = statement.sid;
      if (!sid || sid.value === '') continue;
      const first = seen.get(sid.value);
      if (first === undefined) {
        seen.set(sid.value, statement.index);
        continue;
      }
      findings.push(
        at(sid.node, `The Sid "${sid.value}" is already used by statement ${first + 1}; each statement's Sid must be unique in the policy.`, {
          data: { sid: sid.value },
        }),
      );
    }
    return findings;
  },
};
