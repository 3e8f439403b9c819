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

/**
 * Whether the policy reads streams the way a Lambda function's role does: Kinesis reads with
 * CloudWatch Logs actions (the shape of the AWSLambdaKinesisExecutionRole managed policy) and
 * nothing that shows the KCL. Lambda reads the stream for the function; it keeps no lease table.
 */
export function isLambdaReader(context: RuleContext): boolean {
  if (context.settings.assumeKcl || showsKclUse(context)) return false;
  return LAMBDA_LOG_ACTIONS.some((action) => context.access.isGranted(action));
}

/** The CloudWatch Logs actions a Lambda function's role grants to write its logs. */
const LAMBDA_LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** Whether the KCL checks speak to this policy: a consumer's, under a KCL version, and not a Lambda function's. */
export function kclApplies(context: RuleContext): boolean {
  return context.settings.kclVersion !== 'none' && isConsumer(context) && !isLambdaReader(context);
}
