import { CONSUMER_MARKER_ACTION } from '../../kinesis/kinesisFacts';
import type { RuleContext } from '../engine/ruleContext';
import { grantsOf } from './jobs';

/**
 * Whether the policy grants `kinesis:GetRecords` (wildcards included) on something that can be a
 * stream: then it is a consumer's. `"Action": "*"` on a QuickSight dataset reads no stream.
 */
export function isConsumer(context: RuleContext): boolean {
  return grantsOf(context, CONSUMER_MARKER_ACTION).length > 0;
}

/**
 * What a KCL application writes besides the stream: its lease table and its metrics. Reading
 * DynamoDB or CloudWatch (`Get*`, `Describe*`), as an auditor's policy does, shows no KCL.
 */
const KCL_SIGNS = ['dynamodb:CreateTable', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'cloudwatch:PutMetricData'];

/**
 * Whether the policy shows it belongs to a KCL application: it writes to DynamoDB or CloudWatch
 * metrics, or the settings say every consumer uses the KCL.
 */
export function showsKclUse(context: RuleContext): boolean {
  if (context.settings.assumeKcl) return true;
  return KCL_SIGNS.some((action) => context.access.isGranted(action));
}

/**
 * Whether the policy reads streams the way a Lambda function's role does: Kinesis reads with
 * CloudWatch Logs actions (the shape of the AWSLambdaKinesisExecutionRole managed policy) and
 * nothing that shows the KCL. Lambda reads the stream for the function; it keeps no lease table.
 */
export function isLambdaReader(context: RuleContext): boolean {
  if (context.settings.assumeKcl) return false;
  // A template says whose the policy is: a Lambda function's role, whatever else it writes to.
  if (context.settings.lambdaRole) return true;
  if (showsKclUse(context)) return false;
  return LAMBDA_LOG_ACTIONS.some((action) => context.access.isGranted(action));
}

/** The CloudWatch Logs actions a Lambda function's role grants to write its logs. */
const LAMBDA_LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** Whether the KCL checks speak to this policy: a consumer's, under a KCL version, and not a Lambda function's. */
export function kclApplies(context: RuleContext): boolean {
  return context.settings.kclVersion !== 'none' && isConsumer(context) && !isLambdaReader(context);
}
