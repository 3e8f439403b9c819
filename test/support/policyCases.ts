/**
 * Policies and the findings each must get (code and the text they sit on), run alike through the
 * language service, the language server and the command line: what a policy grants, and how its
 * ARNs, principals and structure are read.
 */
export interface PolicyCase {
  name: string;
  /** The policy, written out with two-space indentation; or its text as it is, for what JSON.stringify cannot write. */
  policy: Record<string, unknown> | string;
  kclVersion?: '1.x' | '2.x' | '3.x';
  policyKind?: 'identity' | 'resource' | 'vpc-endpoint';
  /** Every finding of these codes, as `code: text under the range`, in order. */
  expect: string[];
  /** The codes `expect` speaks for: any other code is not compared. */
  codes: string[];
}

import { CONDITION_CASES } from './conditionCases';

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

export const POLICY_CASES: PolicyCase[] = [
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
  {
    name: 'a consumer ARN pattern, Kinesis ARNs without Region or with a bad name, an S3 ARN with a Region',
    policy: policy({
      Action: 'kinesis:DescribeStreamSummary',
      Resource: [`${STREAM}/consumer/*`, 'arn:aws:kinesis::111122223333:stream/orders', 'arn:aws:kinesis:us-east-1:111122223333:stream/order book', 'arn:aws:s3:us-east-1::b'],
    }),
    expect: [
      'iam/invalid-arn: "arn:aws:kinesis::111122223333:stream/orders"',
      'iam/invalid-arn: "arn:aws:kinesis:us-east-1:111122223333:stream/order book"',
      'iam/invalid-arn: "arn:aws:s3:us-east-1::b"',
    ],
    codes: ['iam/invalid-arn'],
  },
  {
    name: 'principals: a number, unknown types, a CloudFront origin access identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: 7, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        { Effect: 'Allow', Principal: { Bad: 'x', Aws: ACCOUNT }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2EXAMPLE' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      ],
    },
    expect: ['iam/invalid-principal: 7', 'iam/invalid-principal: "Bad"', 'iam/invalid-principal: "Aws"'],
    codes: ['iam/invalid-principal'],
  },
  {
    name: 'a Statement that is a string',
    policy: { Version: '2012-10-17', Statement: 'allow everything' },
    expect: ['iam/invalid-statement: "allow everything"'],
    codes: ['iam/invalid-statement'],
  },
  {
    name: 'unknown keys, an invalid Sid, a key written twice',
    policy: `{
  "Version": "2012-10-17",
  "Statment": [],
  "Statement": [
    {
      "Sid": "list streams",
      "Effect": "Allow",
      "action": "kinesis:ListStreams",
      "Action": "kinesis:DescribeLimits",
      "Resource": "*",
      "Resource": "*"
    }
  ]
}`,
    expect: ['iam/unknown-key: "Statment"', 'iam/unknown-key: "action"', 'iam/duplicate-key: "Resource"', 'iam/invalid-sid: "list streams"'],
    codes: ['iam/unknown-key', 'iam/duplicate-key', 'iam/invalid-sid'],
  },
  {
    name: 'a principal in a policy read as an identity policy',
    policyKind: 'identity',
    policy: policy({ Principal: { AWS: ACCOUNT }, Action: 'kinesis:ListStreams', Resource: '*' }),
    expect: ['iam/principal-in-identity-policy: "Principal"'],
    codes: ['iam/principal-in-identity-policy'],
  },
  {
    name: 'a policy whose every principal is "*", read as it may be, and as a VPC endpoint policy',
    policy: policy({ Principal: '*', Action: 'kinesis:GetRecords', Resource: STREAM }),
    expect: ['resource-policy/wildcard-principal: "*"'],
    codes: ['resource-policy/wildcard-principal'],
  },
  {
    name: 'the same policy forced to a VPC endpoint policy',
    policyKind: 'vpc-endpoint',
    policy: policy({ Principal: '*', Action: 'kinesis:GetRecords', Resource: STREAM }),
    expect: [],
    codes: ['resource-policy/wildcard-principal'],
  },
  {
    name: 'kinesis:* on every stream in a producer policy',
    policy: policy({ Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM }, { Action: 'kinesis:*', Resource: '*' }),
    expect: ['kinesis/broad-access: "kinesis:*"'],
    codes: ['kinesis/broad-access'],
  },
  {
    name: "ARNs whose partition is not their region's (China, GovCloud), and ones that agree",
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'kinesis:PutRecord',
          Resource: [
            'arn:aws:kinesis:cn-north-1:111122223333:stream/orders',
            'arn:aws-cn:kinesis:us-east-1:111122223333:stream/orders',
            'arn:aws-cn:kinesis:cn-northwest-1:111122223333:stream/orders',
            'arn:aws-us-gov:kinesis:us-gov-west-1:111122223333:stream/orders',
            'arn:aws:kinesis:*:111122223333:stream/orders',
          ],
        },
      ],
    },
    expect: ['iam/invalid-arn: "arn:aws:kinesis:cn-north-1:111122223333:stream/orders"', 'iam/invalid-arn: "arn:aws-cn:kinesis:us-east-1:111122223333:stream/orders"'],
    codes: ['iam/invalid-arn'],
  },
  {
    name: 'a principal of another partition than the stream it is shared on',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws-cn:iam::444455556666:role/reader', 'arn:aws:iam::444455556666:role/reader', '444455556666'] },
          Action: 'kinesis:GetRecords',
          Resource: 'arn:aws-cn:kinesis:cn-north-1:111122223333:stream/orders',
        },
      ],
    },
    expect: ['iam/invalid-principal: "arn:aws:iam::444455556666:role/reader"'],
    codes: ['iam/invalid-principal'],
  },
  ...CONDITION_CASES,
];

/** A case's policy as text. */
export function caseText(c: PolicyCase): string {
  return typeof c.policy === 'string' ? c.policy : JSON.stringify(c.policy, null, 2);
}
