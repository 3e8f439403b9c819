import { at, policyRule, type RuleFinding } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';

/** Statement ids must be unique within a policy. */
export const duplicateSid = policyRule({
  code: 'iam/duplicate-sid',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
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
});
