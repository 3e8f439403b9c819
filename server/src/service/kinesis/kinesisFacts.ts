import type { KclVersion } from '../../../../common/src/choices';
import { nameProblem } from '../../../../common/src/names';
/**
 * What Kinesis Data Streams adds to IAM, in one place. Everything else about actions, resource
 * types and condition keys comes from the catalog data.
 *
 * Sources:
 * - [KDS-IAM] Kinesis Data Streams Developer Guide, "Controlling access to Amazon Kinesis Data
 *   Streams resources using IAM": resource-based policies, shareable actions, restrictions.
 * - [KDS-TUTORIAL] Kinesis Data Streams Developer Guide, "Step 2: Create an IAM Policy and User":
 *   producer and consumer permissions, the KCL lease table and metrics.
 * - [KCL] Kinesis Client Library source (awslabs/amazon-kinesis-client), for what each version calls.
 * - [KCL-IAM] Kinesis Data Streams Developer Guide, "IAM permissions required for KCL consumer
 *   applications": the stream, lease-table, index, metadata-table and CloudWatch permissions.
 * - [KCL-TABLES] Kinesis Data Streams Developer Guide, "DynamoDB metadata tables and load
 *   balancing in KCL": the three tables of KCL 3.x and the single table format of 3.5.
 * - [KPL] Kinesis Producer Library README and source (`shard_map.cc` lists shards with ListShards).
 * - [LAMBDA-KINESIS] AWS Lambda Developer Guide, "Process Amazon Kinesis Data Streams records with
 *   Lambda": the execution role's permissions for an event source mapping, and for an enhanced
 *   fan-out consumer.
 * - [KDS-ENCRYPTION] Kinesis Data Streams Developer Guide, "Permissions to use user-generated KMS
 *   keys": producers need kms:GenerateDataKey, consumers kms:Decrypt, on the stream's key; the
 *   AWS managed key alias/aws/kinesis needs no grant.
 * - [KDS-SHARING] Kinesis Data Streams Developer Guide, "Share access using resource-based policies":
 *   cross-account Lambda consumers need kinesis:DescribeStream in the stream's policy. The older
 *   page [KDS-IAM] lists eight shareable actions without it; the current guide wins.
 */

/** A stream's ARN resource, `stream/NAME`, or a consumer's, `stream/NAME/consumer/CONSUMER:TIMESTAMP`. */
const KINESIS_RESOURCE = /^stream\/([^/]+)(?:\/consumer\/([^/:]+):\d+)?$/;

/**
 * The stream and consumer a stream's or a consumer's ARN resource names, when Kinesis would take
 * both names (what a name must look like is `nameProblem`'s, common/src/names.ts); undefined for
 * any other resource.
 */
export function kinesisResourceNames(resource: string): { stream: string; consumer?: string } | undefined {
  const match = KINESIS_RESOURCE.exec(resource);
  if (!match || nameProblem('stream', match[1]) || (match[2] !== undefined && nameProblem('consumer', match[2]))) return undefined;
  return { stream: match[1], consumer: match[2] };
}

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
 * The seven DynamoDB actions every KCL version uses on its lease table, the table named after
 * the application that the first worker creates. [KDS-TUTORIAL] [KCL-IAM]. KCL 2.x uses the same
 * seven: no 2.x release calls UpdateTable, which first appears in 3.0 (checked in the KCL sources,
 * `DynamoDBLeaseRefresher`). [KCL]
 */
const KCL_TABLE_ACTIONS = [
  'dynamodb:CreateTable',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
];

/** What each KCL version needs on its lease table; 3.x also updates the table (its lease-owner index). [KCL-IAM] */
export const LEASE_TABLE_ACTIONS: Readonly<Record<KclVersion, readonly string[]>> = {
  '1.x': KCL_TABLE_ACTIONS,
  '2.x': KCL_TABLE_ACTIONS,
  '3.x': [...KCL_TABLE_ACTIONS, 'dynamodb:UpdateTable'],
};

/**
 * The KCL creates a table only when it does not exist: it describes the table first and calls
 * CreateTable only when DescribeTable finds none (`DynamoDBLeaseRefresher.createLeaseTableIfNotExists`
 * in 2.x and 3.x, `DynamoDBLeaseManager` in 1.x). A table made beforehand (by a template) needs no
 * CreateTable. [KCL]
 */
export const TABLE_CREATE_ACTION = 'dynamodb:CreateTable';

/** KCL 3.x queries the lease table's index (`table/APP/index/*`): a table ARN does not cover its index. [KCL-IAM] */
export const KCL3_INDEX_ACTIONS: readonly string[] = ['dynamodb:Query'];

/**
 * KCL 3.x keeps worker metrics and coordinator state in two more tables, named after the
 * application, with the seven table actions (not UpdateTable). From KCL 3.5 an application may
 * keep them in the lease table instead ("single table format"). [KCL-IAM] [KCL-TABLES]
 */
export const KCL3_EXTRA_TABLE_SUFFIXES: readonly string[] = ['-WorkerMetricStats', '-CoordinatorState'];
export const KCL3_EXTRA_TABLE_ACTIONS: readonly string[] = KCL_TABLE_ACTIONS;

/** The application a KCL table is named after: the lease table's name, or a KCL 3.x table's without its suffix. */
export function applicationOfTable(table: string): string {
  const suffix = KCL3_EXTRA_TABLE_SUFFIXES.find((s) => table.length > s.length && table.endsWith(s));
  return suffix ? table.slice(0, -suffix.length) : table;
}

/** The KCL and the KPL publish their metrics to CloudWatch; the action takes no resource. [KDS-TUTORIAL] [KPL] */
export const METRICS_ACTION = 'cloudwatch:PutMetricData';

/**
 * What Lambda calls on a stream for an event source mapping, with the function's execution role,
 * each with the actions that do its job as well. [LAMBDA-KINESIS] lists DescribeStream,
 * DescribeStreamSummary, GetRecords, GetShardIterator and ListShards; AWS's own serverless
 * patterns run mappings whose roles have DescribeStream without DescribeStreamSummary or
 * ListShards, so only a role that can neither describe the stream nor read it is reported.
 */
export const LAMBDA_STREAM_ACTIONS: readonly { action: string; alternatives?: string[] }[] = [
  { action: 'kinesis:DescribeStream', alternatives: ['kinesis:DescribeStreamSummary'] },
  { action: 'kinesis:GetRecords' },
  { action: 'kinesis:GetShardIterator' },
];

/** And on an enhanced fan-out consumer, when the mapping reads through one. [LAMBDA-KINESIS] */
export const LAMBDA_CONSUMER_ACTIONS: readonly string[] = ['kinesis:SubscribeToShard'];

/**
 * AWS managed policies that grant nothing the Kinesis checks ask about: AWSLambdaBasicExecutionRole
 * grants only logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents (AWS Managed Policy
 * Reference, "AWSLambdaBasicExecutionRole"). A role with one is judged as if it had none.
 */
export const LOGS_ONLY_MANAGED_POLICIES: readonly string[] = ['AWSLambdaBasicExecutionRole'];

/**
 * The Kinesis actions AWSLambdaKinesisExecutionRole grants, on `"*"` (AWS Managed Policy
 * Reference, "AWSLambdaKinesisExecutionRole", version 2); the rest is CloudWatch Logs. A role with
 * it can do what Lambda needs on any stream.
 */
export const LAMBDA_KINESIS_MANAGED_POLICY = {
  name: 'AWSLambdaKinesisExecutionRole',
  actions: [
    'kinesis:DescribeStream',
    'kinesis:DescribeStreamSummary',
    'kinesis:GetRecords',
    'kinesis:GetShardIterator',
    'kinesis:ListShards',
    'kinesis:ListStreams',
    'kinesis:SubscribeToShard',
  ],
} as const;

/** The AWS managed key of Kinesis: streams encrypted with it need no KMS grant. [KDS-ENCRYPTION] */
export const KINESIS_MANAGED_KEY = 'alias/aws/kinesis';

/** What a producer and a consumer need on a stream's own KMS key. [KDS-ENCRYPTION] */
export const STREAM_KEY_ACTIONS = { producer: 'kms:GenerateDataKey', consumer: 'kms:Decrypt' } as const;

/** A consumer reads with these two: one is no use without the other. [KDS-TUTORIAL] */
export const READ_ACTIONS: readonly string[] = ['kinesis:GetRecords', 'kinesis:GetShardIterator'];

/** A consumer "grants" this action; wildcards count. */
export const CONSUMER_MARKER_ACTION = 'kinesis:GetRecords';

/** Producers write with these. [KDS-TUTORIAL] */
export const WRITE_ACTIONS: readonly string[] = ['kinesis:PutRecord', 'kinesis:PutRecords'];

/**
 * Consumers check the stream first with either of these (KCL 2.x and later use the summary).
 * The seed's producer advice asks for DescribeStream too; the KPL itself lists shards with
 * ListShards and does not describe the stream. [KDS-TUTORIAL] [KCL-IAM] [KPL]
 */
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

/** Every current KCL (1.14, 2.x, 3.x) and the KPL (0.14 and later) find a stream's shards with this. [KCL] [KPL] */
export const LIST_SHARDS_ACTION = 'kinesis:ListShards';

/** What a KCL consumer needs on the stream; 2.x and 3.x also register enhanced fan-out consumers. [KDS-TUTORIAL] [KCL-IAM] */
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
