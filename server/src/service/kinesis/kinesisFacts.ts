import type { KclVersion } from '../../../../common/src/choices';
/**
 * What Kinesis Data Streams adds to IAM, in one place. Everything else about actions, resource
 * types and condition keys comes from the catalog data.
 *
 * Sources:
 * - [KDS-IAM] Kinesis Data Streams Developer Guide, "Controlling access to Amazon Kinesis Data
 *   Streams resources using IAM": resource-based policies, shareable actions, restrictions.
 * - [KDS-TUTORIAL] Kinesis Data Streams Developer Guide, "Step 2: Create an IAM Policy and User":
 *   producer and consumer permissions, the KCL lease table and metrics.
 * - [KCL] Kinesis Client Library documentation and source, for the 2.x and 3.x permission sets.
 * - [KPL] Kinesis Producer Library documentation.
 * - [KDS-SHARING] Kinesis Data Streams Developer Guide, "Share access using resource-based policies":
 *   cross-account Lambda consumers need kinesis:DescribeStream in the stream's policy. The older
 *   page [KDS-IAM] lists eight shareable actions without it; the current guide wins.
 */

/** Actions a Kinesis resource-based policy may grant, and on which resource. [KDS-IAM] [KDS-SHARING] */
export const SHAREABLE_ACTIONS: Readonly<Record<string, 'stream' | 'consumer'>> = {
  'kinesis:DescribeStream': 'stream',
  'kinesis:DescribeStreamSummary': 'stream',
  'kinesis:GetRecords': 'stream',
  'kinesis:GetShardIterator': 'stream',
  'kinesis:ListShards': 'stream',
  'kinesis:PutRecord': 'stream',
  'kinesis:PutRecords': 'stream',
  'kinesis:DescribeStreamConsumer': 'consumer',
  'kinesis:SubscribeToShard': 'consumer',
};

/** Principal types a Kinesis resource-based policy rejects. [KDS-IAM] */
export const DISALLOWED_PRINCIPAL_TYPES: readonly string[] = ['Service', 'Federated', 'CanonicalUser'];

/** A Kinesis resource-based policy may not exceed 20 KB. [KDS-IAM] */
export const RESOURCE_POLICY_MAX_BYTES = 20 * 1024;

/**
 * DynamoDB actions a KCL consumer needs on its lease table (named after the application).
 * 1.x: [KDS-TUTORIAL]. 2.x adds UpdateTable; 3.x adds Query on the lease table's index and
 * uses two more tables with the same actions, `APP-WorkerMetricStats` and `APP-CoordinatorState`. [KCL]
 */
const KCL1_LEASE_TABLE_ACTIONS = [
  'dynamodb:CreateTable',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
];
const KCL2_LEASE_TABLE_ACTIONS = [...KCL1_LEASE_TABLE_ACTIONS, 'dynamodb:UpdateTable'];

export const LEASE_TABLE_ACTIONS: Readonly<Record<KclVersion, readonly string[]>> = {
  '1.x': KCL1_LEASE_TABLE_ACTIONS,
  '2.x': KCL2_LEASE_TABLE_ACTIONS,
  '3.x': [...KCL2_LEASE_TABLE_ACTIONS, 'dynamodb:Query'],
};

/** KCL 3.x keeps worker metrics and coordinator state in two more tables, named after the application. [KCL] */
export const KCL3_EXTRA_TABLE_SUFFIXES: readonly string[] = ['-WorkerMetricStats', '-CoordinatorState'];

/** The KCL and the KPL publish their metrics to CloudWatch; the action takes no resource. [KDS-TUTORIAL] [KPL] */
export const METRICS_ACTION = 'cloudwatch:PutMetricData';

/** A consumer reads with these two: one is no use without the other. [KDS-TUTORIAL] */
export const READ_ACTIONS: readonly string[] = ['kinesis:GetRecords', 'kinesis:GetShardIterator'];

/** A consumer "grants" this action; wildcards count. */
export const CONSUMER_MARKER_ACTION = 'kinesis:GetRecords';

/** Producers write with these. [KDS-TUTORIAL] */
export const WRITE_ACTIONS: readonly string[] = ['kinesis:PutRecord', 'kinesis:PutRecords'];

/** Producers and consumers check the stream first with either of these (the KPL and KCL 2.x+ use the summary). */
export const DESCRIBE_ACTIONS: readonly string[] = ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary'];

/** On a stream encrypted with a customer-managed KMS key, producers need the first and consumers the second. */
export const KMS_PRODUCER_ACTION = 'kms:GenerateDataKey';
export const KMS_CONSUMER_ACTION = 'kms:Decrypt';

/** What a producer needs on the stream: check it, find its shards, write. [KDS-TUTORIAL] [KPL] */
export const PRODUCER_STREAM_ACTIONS: readonly string[] = [
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:ListShards',
  'kinesis:PutRecord',
  'kinesis:PutRecords',
];

/** What a KCL consumer needs on the stream; 2.x and 3.x also register enhanced fan-out consumers. [KDS-TUTORIAL] [KCL] */
const KCL2_STREAM_ACTIONS = [
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:RegisterStreamConsumer',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:ListShards',
];

export const KCL_STREAM_ACTIONS: Readonly<Record<KclVersion, readonly string[]>> = {
  '1.x': ['kinesis:DescribeStream', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'],
  '2.x': KCL2_STREAM_ACTIONS,
  '3.x': KCL2_STREAM_ACTIONS,
};

/** Enhanced fan-out: the consumer registers on the stream, then subscribes on its consumer ARN. [KCL] */
export const EFO_STREAM_ACTIONS: readonly string[] = ['kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:RegisterStreamConsumer'];
export const EFO_CONSUMER_ACTIONS: readonly string[] = ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'];

/** What a resource-based policy shares for reading or writing another account's stream. [KDS-IAM] */
export const SHARED_READ_ACTIONS: readonly string[] = [
  'kinesis:DescribeStreamSummary',
  'kinesis:ListShards',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
];
export const SHARED_WRITE_ACTIONS: readonly string[] = [
  'kinesis:DescribeStreamSummary',
  'kinesis:ListShards',
  'kinesis:PutRecord',
  'kinesis:PutRecords',
];
/** Sharing a registered consumer takes two policies: these on the stream, EFO_CONSUMER_ACTIONS on the consumer. [KDS-IAM] */
export const SHARED_CONSUMER_STREAM_ACTIONS: readonly string[] = ['kinesis:DescribeStreamSummary', 'kinesis:ListShards'];

/** Managing streams: everything but sharing them and reading or writing their data. */
export const STREAM_ADMIN_ACTIONS: readonly string[] = [
  'kinesis:CreateStream',
  'kinesis:DeleteStream',
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:ListShards',
  'kinesis:ListStreamConsumers',
  'kinesis:ListTagsForStream',
  'kinesis:AddTagsToStream',
  'kinesis:RemoveTagsFromStream',
  'kinesis:IncreaseStreamRetentionPeriod',
  'kinesis:DecreaseStreamRetentionPeriod',
  'kinesis:MergeShards',
  'kinesis:SplitShard',
  'kinesis:StartStreamEncryption',
  'kinesis:StopStreamEncryption',
  'kinesis:DeregisterStreamConsumer',
];
/** Stream-admin actions that take no resource ARN. */
export const STREAM_ADMIN_ACCOUNT_ACTIONS: readonly string[] = ['kinesis:ListStreams', 'kinesis:UpdateShardCount', 'kinesis:UpdateStreamMode', 'kinesis:DescribeLimits'];
