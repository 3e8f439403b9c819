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
  /** What some finding of a code must also say: its severity, words of its message (the Deny it names). */
  details?: { code: string; severity?: Severity; says?: string }[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** LSP's severity numbers by name. */
export const SEVERITY_NAMES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** A finding as each runner reads it. */
export interface FoundDetail {
  code: string;
  severity: Severity;
  message: string;
}

/** The details of a case no finding bears out, as lines to compare with `[]`. */
export function missingDetails(c: PolicyCase, found: readonly FoundDetail[]): string[] {
  return (c.details ?? [])
    .filter((d) => !found.some((f) => f.code === d.code && (!d.severity || f.severity === d.severity) && (!d.says || f.message.includes(d.says))))
    .map((d) => `${d.code}${d.severity ? ` (${d.severity})` : ''}${d.says ? ` saying "${d.says}"` : ''}`);
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
    // The seed's advice, not a failure at run time.
    details: [{ code: 'producer/missing-describe-stream', severity: 'information', says: 'stream orders' }],
  },
  {
    name: 'a Deny on kinesis:Describe*',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Sid: 'NoDescribing', Effect: 'Deny', Action: 'kinesis:Describe*', Resource: '*' },
    ),
    expect: ['consumer/missing-describe-stream: "kinesis:GetRecords"'],
    details: [{ code: 'consumer/missing-describe-stream', says: 'NoDescribing' }],
    codes: ['consumer/missing-describe-stream', 'consumer/incomplete-read', 'kcl/missing-list-shards'],
  },
  {
    name: 'a Deny on GetShardIterator under an allowed kinesis:Get*',
    policy: policy(
      { Action: ['kinesis:Get*', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Sid: 'NoIterators', Effect: 'Deny', Action: 'kinesis:GetShardIterator', Resource: STREAM },
    ),
    expect: ['consumer/incomplete-read: "kinesis:Get*"'],
    details: [{ code: 'consumer/incomplete-read', says: 'NoIterators' }],
    codes: ['consumer/incomplete-read'],
  },
  {
    name: 'a Deny on dynamodb:DeleteItem',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Action: 'dynamodb:*', Resource: TABLE },
      METRICS,
      { Sid: 'KeepLeases', Effect: 'Deny', Action: 'dynamodb:DeleteItem', Resource: '*' },
    ),
    expect: ['kcl/missing-lease-table-permissions: "kinesis:GetRecords"'],
    details: [{ code: 'kcl/missing-lease-table-permissions', says: 'KeepLeases' }],
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
    name: 'a policy with a Version and no Statement',
    policy: { Version: '2012-10-17', Id: 'orders' },
    expect: ['iam/invalid-statement: {'],
    codes: ['iam/invalid-statement'],
  },
  {
    name: 'an empty Statement',
    policy: { Version: '2012-10-17', Statement: [] },
    expect: ['iam/invalid-statement: []'],
    codes: ['iam/invalid-statement'],
  },
  {
    name: 'a Statement of strings',
    policy: { Version: '2012-10-17', Statement: ['Allow', { Effect: 'Allow', Action: 'kinesis:ListStreams', Resource: '*' }] },
    expect: ['iam/invalid-statement: "Allow"'],
    codes: ['iam/invalid-statement'],
  },
  {
    name: 'a KCL 3.x consumer without Query on the lease table index',
    kclVersion: '3.x',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:DescribeStream', 'kinesis:RegisterStreamConsumer'], Resource: STREAM },
      { Action: [...LEASE, 'dynamodb:UpdateTable'], Resource: TABLE },
      { Action: LEASE, Resource: [`${TABLE}-WorkerMetricStats`, `${TABLE}-CoordinatorState`] },
      METRICS,
    ),
    expect: ['kcl/missing-lease-table-permissions: "kinesis:GetRecords"'],
    codes: COMPLETENESS,
    details: [{ code: 'kcl/missing-lease-table-permissions', severity: 'warning', says: 'dynamodb:Query' }],
  },
  {
    name: 'a KCL 3.x consumer without the CoordinatorState table',
    kclVersion: '3.x',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:DescribeStream', 'kinesis:RegisterStreamConsumer'], Resource: STREAM },
      { Action: [...LEASE, 'dynamodb:UpdateTable'], Resource: TABLE },
      { Action: 'dynamodb:Query', Resource: `${TABLE}/index/*` },
      { Action: LEASE, Resource: `${TABLE}-WorkerMetricStats` },
      METRICS,
    ),
    expect: ['kcl/missing-lease-table-permissions: "kinesis:GetRecords"'],
    codes: COMPLETENESS,
    details: [{ code: 'kcl/missing-lease-table-permissions', severity: 'warning', says: 'OrdersApp-CoordinatorState' }],
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
    details: [{ code: 'kinesis/broad-access', severity: 'information' }],
  },
  {
    name: 'write and management actions on every stream in a consumer policy',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Action: ['kinesis:PutRecord', 'kinesis:DeleteStream'], Resource: 'arn:aws:kinesis:*:*:*' },
    ),
    expect: ['kinesis/broad-access: "kinesis:PutRecord"', 'kinesis/broad-access: "kinesis:DeleteStream"'],
    codes: ['kinesis/broad-access'],
    details: [{ code: 'kinesis/broad-access', severity: 'information' }],
  },
  {
    name: 'actions whose resources live in other services’ namespaces',
    policy: policy(
      { Action: 'ssm:StartSession', Resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0' },
      { Action: 'ds-data:ListUsers', Resource: 'arn:aws:ds:us-east-1:111122223333:directory/d-1234567890' },
      { Action: 'redshift-data:ExecuteStatement', Resource: 'arn:aws:redshift-serverless:us-east-1:111122223333:workgroup/0a1b2c3d-4e5f-6789-abcd-ef0123456789' },
      { Action: 'kafka-cluster:Connect', Resource: 'arn:aws:kafka:us-east-1:111122223333:cluster/orders/0a1b2c3d-4e5f-6789-abcd-ef0123456789-1' },
    ),
    expect: [],
    codes: ['iam/action-resource-mismatch', 'iam/invalid-arn'],
  },
  {
    name: 'Kinesis ARNs without an account, with names too long or of other characters, and an IAM ARN with a Region',
    policy: policy({
      Action: ['kinesis:DescribeStreamSummary', 'kinesis:DescribeStreamConsumer', 'sts:AssumeRole'],
      Resource: [
        'arn:aws:kinesis:us-east-1::stream/orders',
        `arn:aws:kinesis:us-east-1:111122223333:stream/${'s'.repeat(129)}`,
        'arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/bad name:1525898737',
        'arn:aws:iam:us-east-1:111122223333:role/reader',
      ],
    }),
    expect: [
      'iam/invalid-arn: "arn:aws:kinesis:us-east-1::stream/orders"',
      `iam/invalid-arn: "arn:aws:kinesis:us-east-1:111122223333:stream/${'s'.repeat(129)}"`,
      'iam/invalid-arn: "arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/bad name:1525898737"',
      'iam/invalid-arn: "arn:aws:iam:us-east-1:111122223333:role/reader"',
    ],
    codes: ['iam/invalid-arn'],
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
  {
    // IAM in the China Regions accepts service principals under amazonaws.com for most services and
    // under amazonaws.com.cn for some, service by service (a role for RDS enhanced monitoring takes
    // only monitoring.rds.amazonaws.com there): neither is a finding anywhere.
    name: 'a trust policy in the China partition naming service principals of either domain',
    policyKind: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com.cn', 'monitoring.rds.amazonaws.com', 'lambda.amazonaws.com'] }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws-cn:iam::444455556666:root' }, Action: 'sts:AssumeRole' },
      ],
    },
    expect: [],
    codes: ['iam/invalid-principal', 'iam/invalid-arn', 'resource-policy/disallowed-principal', 'resource-policy/wildcard-principal'],
  },
  {
    name: 'a KCL 3.x consumer whose metadata tables lack only Scan, told so by name',
    kclVersion: '3.x',
    policy: policy(
      { Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:DescribeStream', 'kinesis:RegisterStreamConsumer'], Resource: STREAM },
      { Action: [...LEASE, 'dynamodb:UpdateTable'], Resource: TABLE },
      { Action: 'dynamodb:Query', Resource: `${TABLE}/index/*` },
      { Action: LEASE.filter((a) => a !== 'dynamodb:Scan'), Resource: [`${TABLE}-WorkerMetricStats`, `${TABLE}-CoordinatorState`] },
      METRICS,
    ),
    expect: ['kcl/missing-lease-table-permissions: "kinesis:GetRecords"'],
    codes: COMPLETENESS,
    details: [{ code: 'kcl/missing-lease-table-permissions', says: 'dynamodb:Scan on OrdersApp-WorkerMetricStats and OrdersApp-CoordinatorState' }],
  },
  {
    name: 'a wildcard that matches across the colons of an ARN',
    policy: policy({ Action: ['sns:Publish', 'logs:PutLogEvents'], Resource: ['arn:aws:sns:*:*', 'arn:aws:logs:*'] }),
    expect: [],
    codes: ['iam/invalid-arn'],
  },
  {
    name: 'tag keys written into service keys the reference spells with tag-key or a trailing slash',
    policy: policy(
      { Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { StringEquals: { 'secretsmanager:ResourceTag/App': 'orders' } } },
      { Action: 'glacier:DeleteArchive', Resource: '*', Condition: { StringEquals: { 'glacier:ResourceTag/App': 'orders' } } },
      { Action: 'sagemaker:DescribeModel', Resource: '*', Condition: { StringEquals: { 'sagemaker:ResourceTag/App': 'orders' } } },
    ),
    expect: [],
    codes: ['iam/condition-unknown-key', 'iam/condition-key-not-applicable'],
  },
  {
    name: 'every action on something that is no stream reads no stream',
    policy: policy({ Action: '*', Resource: 'arn:aws:quicksight:us-east-1:111122223333:dataset/*' }),
    expect: [],
    codes: COMPLETENESS,
  },
  {
    name: "an auditor's read-only access is no KCL application",
    policy: policy({ Action: ['kinesis:Get*', 'kinesis:Describe*', 'kinesis:List*', 'dynamodb:GetItem', 'dynamodb:Describe*', 'cloudwatch:Get*'], Resource: '*' }),
    expect: ['kcl/missing-lease-table-permissions: "kinesis:Get*"', 'kcl/missing-metrics-permission: "kinesis:Get*"'],
    // Said, in case it is a consumer, but as notes: nothing shows a KCL application.
    details: [
      { code: 'kcl/missing-lease-table-permissions', severity: 'information' },
      { code: 'kcl/missing-metrics-permission', severity: 'information' },
    ],
    codes: COMPLETENESS,
  },
  {
    name: 'a Sid written twice in a bucket policy, which S3 accepts',
    policyKind: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        { Sid: 'Read', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b' },
      ],
    },
    expect: [],
    codes: ['iam/duplicate-sid'],
  },
  ...CONDITION_CASES,
];

/** A case's policy as text. */
export function caseText(c: PolicyCase): string {
  return typeof c.policy === 'string' ? c.policy : JSON.stringify(c.policy, null, 2);
}
