import * as l10n from '@vscode/l10n';
import { at, policyRule, type RuleFinding } from '../../engine/rule';

/**
 * Statement ids must be unique within an IAM policy (IAM User Guide, "IAM JSON policy elements:
 * Sid"). Other services' resource-based policies set their own rules, and S3 accepts a bucket
 * policy that repeats a Sid: those are not judged.
 */
export const duplicateSid = policyRule({
  code: 'iam/duplicate-sid',
  defaultSeverity: 'error',
  kinds: ['identity', 'kinesis-resource'],
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
        at(sid.node, l10n.t('The Sid "{0}" is already used by statement {1}; each statement\'s Sid must be unique in the policy.', sid.value, first + 1), {
          data: { sid: sid.value },
        }),
      );
    }
    return findings;
  },
  // A statement without a Sid and one with an empty Sid are passed over alike.
  readOfStatement: (statement) => statement.sid?.value ?? '',
});
