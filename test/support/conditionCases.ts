import type { PolicyCase } from './policyCases';

/**
 * The condition checks on policies shaped like AWS's documentation examples: each mistake gets
 * its finding, and valid conditions of every operator family get none.
 */
const CONDITION_CODES = [
  'iam/condition-invalid-block',
  'iam/condition-unknown-operator',
  'iam/condition-null-ifexists',
  'iam/condition-unknown-key',
  'iam/condition-key-not-applicable',
  'iam/condition-value-type',
  'iam/condition-single-valued-set-operator',
  'iam/condition-forallvalues-without-null',
];

const STREAM = 'arn:aws:kinesis:us-east-1:111122223333:stream/orders';

const conditioned = (Condition: unknown, Action: string | string[] = 'kinesis:PutRecord', Resource = STREAM, Effect = 'Allow') => ({
  Version: '2012-10-17',
  Statement: [{ Effect, Action, Resource, Condition }],
});

export const CONDITION_CASES: PolicyCase[] = [
  {
    name: 'valid conditions of every operator family, as AWS documents them',
    policy: conditioned({
      StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin', 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
      StringLike: { 'aws:userid': 'AIDAEXAMPLE:*' },
      StringNotEqualsIgnoreCase: { 'aws:username': 'guest' },
      NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' },
      DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' },
      DateLessThan: { 'aws:EpochTime': 1893456000 },
      Bool: { 'aws:SecureTransport': 'true', 'aws:MultiFactorAuthPresent': true },
      IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] },
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/AWSServiceRoleFor*' },
      ArnEqualsIfExists: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:topic' },
      Null: { 'aws:TokenIssueTime': 'true' },
      'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] },
      'ForAllValues:StringLike': { 'aws:TagKeys': 'team-*' },
      'NotIpAddress': { 'aws:SourceIp': '192.0.2.0/24' },
    }),
    expect: ['iam/condition-forallvalues-without-null: "aws:TagKeys"'],
    codes: CONDITION_CODES,
  },
  {
    name: 'a service key the actions support, under its own service',
    policy: conditioned(
      { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': '${www.amazon.com:user_id}' }, Null: { 'dynamodb:LeadingKeys': 'false' } },
      ['dynamodb:GetItem', 'dynamodb:Query'],
      'arn:aws:dynamodb:us-east-1:111122223333:table/GameScores',
    ),
    expect: [],
    codes: CONDITION_CODES,
  },
  {
    name: 'a Condition that is a list, and an operator that is not an object',
    policy: conditioned([{ StringEquals: { 'aws:SourceAccount': '111122223333' } }]),
    expect: ['iam/condition-invalid-block: "Condition"'],
    codes: CONDITION_CODES,
  },
  {
    name: 'a value that is an object, and an operator block that is a string',
    policy: conditioned({ StringEquals: { 'aws:SourceAccount': { account: '111122223333' } }, Bool: 'aws:SecureTransport' }),
    expect: ['iam/condition-invalid-block: "aws:SourceAccount"', 'iam/condition-invalid-block: "Bool"'],
    codes: ['iam/condition-invalid-block'],
  },
  {
    name: 'a misspelt operator, and a set qualifier on Null',
    policy: conditioned({ StringEqual: { 'aws:SourceAccount': '111122223333' }, 'ForAnyValue:Null': { 'aws:TagKeys': 'false' } }),
    expect: ['iam/condition-unknown-operator: "StringEqual"', 'iam/condition-unknown-operator: "ForAnyValue:Null"'],
    codes: CONDITION_CODES,
  },
  {
    name: 'NullIfExists',
    policy: conditioned({ NullIfExists: { 'aws:SourceVpce': 'true' } }),
    expect: ['iam/condition-null-ifexists: "NullIfExists"'],
    codes: CONDITION_CODES,
  },
  {
    name: 'a misspelt global key, an unknown service key, any tag key',
    policy: conditioned({
      Bool: { 'aws:SecureTransprot': 'true' },
      StringEquals: { 'kinesis:StreamTier': 'gold', 'aws:ResourceTag/any-tag-at-all': 'x', 'aws:RequestTag/Team': 'y' },
    }),
    expect: ['iam/condition-unknown-key: "aws:SecureTransprot"', 'iam/condition-unknown-key: "kinesis:StreamTier"'],
    codes: CONDITION_CODES,
  },
  {
    name: "a DynamoDB key on Kinesis actions, which never carry it",
    policy: conditioned({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': 'user-1' }, Null: { 'dynamodb:LeadingKeys': 'false' } }, ['kinesis:GetRecords', 'kinesis:GetShardIterator']),
    expect: ['iam/condition-key-not-applicable: "dynamodb:LeadingKeys"', 'iam/condition-key-not-applicable: "dynamodb:LeadingKeys"'],
    codes: CONDITION_CODES,
  },
  {
    name: 'values that do not fit their operator, and an operator that does not fit the key',
    policy: conditioned({
      Bool: { 'aws:SecureTransport': 'True' },
      DateLessThan: { 'aws:CurrentTime': 'next week' },
      NumericLessThan: { 'aws:MultiFactorAuthAge': 'an hour' },
      IpAddress: { 'aws:SourceIp': '10.0.0.300' },
      ArnLike: { 'aws:SourceArn': 'my-topic' },
      Null: { 'aws:SourceVpc': 1 },
      DateGreaterThan: { 'aws:SourceAccount': '2020-01-01' },
      StringEquals: { 'aws:CurrentTime': '2020-01-01' },
    }),
    expect: [
      'iam/condition-value-type: "True"',
      'iam/condition-value-type: "next week"',
      'iam/condition-value-type: "an hour"',
      'iam/condition-value-type: "10.0.0.300"',
      'iam/condition-value-type: "my-topic"',
      'iam/condition-value-type: 1',
      'iam/condition-value-type: "aws:SourceAccount"',
      'iam/condition-value-type: "aws:CurrentTime"',
    ],
    codes: CONDITION_CODES,
  },
  {
    name: 'set qualifiers on single-valued keys',
    policy: conditioned({ 'ForAnyValue:StringEquals': { 'aws:PrincipalAccount': '111122223333' }, 'ForAllValues:StringEquals': { 'aws:SourceVpc': 'vpc-1a2b3c4d' } }),
    expect: [
      'iam/condition-single-valued-set-operator: "aws:PrincipalAccount"',
      'iam/condition-single-valued-set-operator: "aws:SourceVpc"',
      'iam/condition-forallvalues-without-null: "aws:SourceVpc"',
    ],
    codes: CONDITION_CODES,
  },
  {
    name: 'ForAllValues in a Deny needs no Null guard',
    policy: conditioned({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, 'kinesis:PutRecord', STREAM, 'Deny'),
    expect: [],
    codes: CONDITION_CODES,
  },
  {
    name: 'keys and values IAM accepts that the data spells or types otherwise',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*', Condition: { StringEquals: { 's3:ExistingObjectTag/environment': 'production' } } },
        { Effect: 'Deny', Action: 'glacier:DeleteArchive', Resource: 'arn:aws:glacier:us-east-1:111122223333:vaults/records', Condition: { NumericLessThan: { 'glacier:ArchiveAgeInDays': '365' } } },
        { Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: STREAM, Condition: { Bool: { 'aws:SecureTransport': 'False', 'aws:PrincipalIsAWSService': '${aws:ViaAWSService}' } } },
      ],
    },
    expect: ['iam/condition-value-type: "False"'],
    codes: CONDITION_CODES,
  },
  {
    name: "a GitHub OIDC role's trust policy, as AWS documents it",
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' },
          },
        },
      ],
    },
    expect: [],
    codes: CONDITION_CODES,
  },
];
