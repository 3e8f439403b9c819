/**
 * The cases of what a policy grants, each a policy and the findings it must get (code and the
 * text they sit on), run alike through the language service, the language server and the
 * command line.
 */
export interface EvaluationCase {
  name: string;
  policy: Record<string, unknown>;
  kclVersion?: '1.x' | '2.x' | '3.x';
  /** Every finding of these codes, as `code: text under the range`, in order. */
  expect: string[];
  /** The codes `expect` speaks for: any other code is not compared. */
  codes: string[];
}

const ACCOUNT = '111122223333';
const STREAM = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/orders`;
const PAYMENTS = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/payments`;
const TABLE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/OrdersApp`;
const LEASE = ['CreateTable', 'DescribeTable', 'GetItem', 'PutItem', 'Scan', 'UpdateItem', 'DeleteItem'].map((a) => `dynamodb:${a}`);
const METRICS = { Sid: 'Metrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' };

const policy = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements.map((s) => ({ Effect: 'Allow', ...s })) });
const COMPLETENESS = [
  'consumer/incomplete-read',
  'consumer/missing-describe-stream',
  'producer/missing-describe-stream',
  'producer/missing-list-shards',
  'kcl/missing-lease-table-permissions',
  'kcl/missing-list-shards',
  'kcl/missing-metrics-permission',
];

export const EVALUATION_CASES: EvaluationCase[] = [
  {
    name: 'GetRecords on one stream with GetShardIterator on another',
    policy: policy({ Action: ['kinesis:GetRecords', 'kinesis:DescribeStream', 'kinesis:ListShards'], Resource: STREAM }, { Action: 'kinesis:GetShardIterator', Resource: PAYMENTS }),
    expect: ['consumer/incomplete-read: "kinesis:GetRecords"', 'consumer/incomplete-read: "kinesis:GetShardIterator"'],
    codes: ['consumer/incomplete-read'],
  },
  {
    name: 'a producer that writes to one stream and may describe only another',
    policy: policy({ Action: 'kinesis:PutRecord', Resource: STREAM }, { Action: 'kinesis:DescribeStreamSummary', Resource: PAYMENTS }),
    expect: ['producer/missing-describe-stream: "kinesis:PutRecord"'],
    codes: ['producer/missing-describe-stream'],
  },
  {
    name: 'a Deny on kinesis:Describe*',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Effect: 'Deny', Action: 'kinesis:Describe*', Resource: '*' },
    ),
    expect: ['consumer/missing-describe-stream: "kinesis:GetRecords"'],
    codes: ['consumer/missing-describe-stream', 'consumer/incomplete-read', 'kcl/missing-list-shards'],
  },
  {
    name: 'a Deny on GetShardIterator under an allowed kinesis:Get*',
    policy: policy(
      { Action: ['kinesis:Get*', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Effect: 'Deny', Action: 'kinesis:GetShardIterator', Resource: STREAM },
    ),
    expect: ['consumer/incomplete-read: "kinesis:Get*"'],
    codes: ['consumer/incomplete-read'],
  },
  {
    name: 'a Deny on dynamodb:DeleteItem',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Action: 'dynamodb:*', Resource: TABLE },
      METRICS,
      { Effect: 'Deny', Action: 'dynamodb:DeleteItem', Resource: '*' },
    ),
    expect: ['kcl/missing-lease-table-permissions: "kinesis:GetRecords"'],
    codes: COMPLETENESS,
  },
  {
    name: 'lease-table actions granted only on the index',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Action: LEASE, Resource: `${TABLE}/index/*` },
      METRICS,
    ),
    expect: ['kcl/missing-lease-table-permissions: "kinesis:GetRecords"'],
    codes: ['kcl/missing-lease-table-permissions'],
  },
  {
    name: 'a KCL 3.x consumer with the 1.x tables only',
    kclVersion: '3.x',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Action: LEASE, Resource: TABLE },
      METRICS,
    ),
    expect: ['kcl/missing-lease-table-permissions: "kinesis:GetRecords"'],
    codes: COMPLETENESS,
  },
  {
    name: 'a KCL 2.x consumer with the seven lease-table actions',
    kclVersion: '2.x',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:RegisterStreamConsumer'], Resource: STREAM },
      { Action: LEASE, Resource: TABLE },
      METRICS,
    ),
    expect: [],
    codes: COMPLETENESS,
  },
  {
    name: 'a KCL consumer without ListShards',
    policy: policy({ Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream'], Resource: STREAM }, { Action: LEASE, Resource: TABLE }, METRICS),
    expect: ['kcl/missing-list-shards: "kinesis:GetRecords"'],
    codes: COMPLETENESS,
  },
  {
    name: 'a KPL producer without ListShards',
    policy: policy({ Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary'], Resource: STREAM }, METRICS),
    expect: ['producer/missing-list-shards: "kinesis:PutRecords"'],
    codes: COMPLETENESS,
  },
  {
    name: 'sts:AssumeRole on a role ARN, s3:ListBucket on objects',
    policy: policy({ Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCOUNT}:role/reader` }, { Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b/*' }),
    expect: ['iam/action-resource-mismatch: "s3:ListBucket"'],
    codes: ['iam/action-resource-mismatch'],
  },
  {
    name: 'a variable whose known parts decide',
    policy: policy({ Action: ['sts:AssumeRole', 'cloudwatch:PutMetricData', 'dynamodb:GetItem'], Resource: 'arn:aws:dynamodb:${region}:${account}:table/x' }),
    expect: ['iam/action-resource-mismatch: "sts:AssumeRole"', 'iam/action-resource-mismatch: "cloudwatch:PutMetricData"'],
    codes: ['iam/action-resource-mismatch'],
  },
];
