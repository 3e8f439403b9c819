import { CONSUMER_MARKER_ACTION } from '../../kinesis/kinesisFacts';
import type { RuleContext } from '../engine/ruleContext';

/** Whether the policy grants `kinesis:GetRecords`, wildcards included: then it is a consumer's. */
export function isConsumer(context: RuleContext): boolean {
  return context.access.isGranted(CONSUMER_MARKER_ACTION);
}

/**
 * Whether the policy shows it belongs to a KCL application: it grants some DynamoDB or
 * CloudWatch access, or the settings say every consumer uses the KCL.
 */
export function showsKclUse(context: RuleContext): boolean {
  if (context.settings.assumeKcl) return true;
  return context.model.statements.some(
    (s) =>
      s.effect?.value === 'Allow' &&
      (s.action?.values ?? []).some((v) => v.value === '*' || /^(dynamodb|cloudwatch):/i.test(v.value)),
  );
}
