import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { codes, diagnose } from '../../support/service';

/** The example policies of the two source documents, as they print them. */
const KCL_TUTORIAL = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Stmt123", "Effect": "Allow",
      "Action": ["kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords", "kinesis:GetShardIterator", "kinesis:GetRecords"],
      "Resource": ["arn:aws:kinesis:us-west-2:123:stream/StockTradeStream"] },
    { "Sid": "Stmt456", "Effect": "Allow", "Action": ["dynamodb:*"], "Resource": ["arn:aws:dynamodb:us-west-2:123:table/StockTradesProcessor"] },
    { "Sid": "Stmt789", "Effect": "Allow", "Action": ["cloudwatch:PutMetricData"], "Resource": ["*"] }
  ]
}`;

const IDENTITY_EXAMPLES = [
  '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "kinesis:Get*", "kinesis:DescribeStreamSummary" ], "Resource": [ "arn:aws:kinesis:us-east-1:111122223333:stream/stream1" ] }, { "Effect": "Allow", "Action": [ "kinesis:ListStreams" ], "Resource": [ "*" ] } ] }',
  '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "kinesis:PutRecord" ], "Resource": [ "arn:aws:kinesis:us-east-1:111122223333:stream/*" ] } ] }',
  '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "kinesis:*", "Resource": [ "arn:aws:kinesis:us-east-1:111122223333:stream/stream1" ] } ] }',
  '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "kinesis:*", "Resource": [ "arn:aws:kinesis:*:111122223333:stream/*" ] } ] }',
];

const RESOURCE_EXAMPLES = [
  '{ "Version": "2012-10-17", "Id": "__default_write_policy_ID", "Statement": [ { "Sid": "writestatement", "Effect": "Allow", "Principal": { "AWS": "Account12345" }, "Action": [ "kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords" ], "Resource": "arn:aws:kinesis:us-east-2:123456789012:stream/datastreamABC" } ] }',
  '{ "Version": "2012-10-17", "Id": "__default_sharedthroughput_read_policy_ID", "Statement": [ { "Sid": "sharedthroughputreadstatement", "Effect": "Allow", "Principal": { "AWS": "Account12345" }, "Action": [ "kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetRecords", "kinesis:GetShardIterator" ], "Resource": "arn:aws:kinesis:us-east-2:123456789012:stream/datastreamABC" } ] }',
  '{ "Version": "2012-10-17", "Id": "__default_sharedthroughput_read_policy_ID", "Statement": [ { "Sid": "consumerreadstatement", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::Account12345:role/role-name" }, "Action": [ "kinesis:DescribeStreamSummary", "kinesis:ListShards" ], "Resource": "arn:aws:kinesis:us-east-2:123456789012:stream/datastreamABC" } ] }',
  '{ "Version": "2012-10-17", "Id": "__default_efo_read_policy_ID", "Statement": [ { "Sid": "eforeadstatement", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::Account12345:role/role-name" }, "Action": [ "kinesis:DescribeStreamConsumer", "kinesis:SubscribeToShard" ], "Resource": "arn:aws:kinesis:us-east-2:123456789012:stream/datastreamABC/consumer/consumerDEF:1674696300" } ] }',
];

/** Put real account ids where the documents left placeholders (`123`, `Account12345`). */
function withAccounts(text: string): string {
  return text.replace(/:123:/g, ':111122223333:').replace(/Account12345/g, '444455556666');
}

/**
 * The tutorial's policy predates ListShards: every current KCL lists a stream's shards with it, so
 * the policy is reported as incomplete for today's libraries, and for nothing else (that it may
 * also be a KPL producer's is only a note: its metrics may be the KCL's).
 */
const TUTORIAL_FINDINGS = ['kcl/missing-list-shards'];

describe('the examples of the source documents', () => {
  it('flag only their placeholders, and what current client libraries need beyond them', () => {
    assert.deepEqual(codes(KCL_TUTORIAL), [
      'kcl/missing-list-shards',
      'kcl/version-3-requirements',
      'kcl/broad-dynamodb-access',
      'producer/missing-list-shards',
      'iam/invalid-arn',
      'iam/invalid-arn',
    ]);
    for (const example of RESOURCE_EXAMPLES) assert.deepEqual(codes(example), ['iam/invalid-principal'], example);
  });

  it('with real accounts, give no error or warning', () => {
    for (const example of [KCL_TUTORIAL, ...IDENTITY_EXAMPLES, ...RESOURCE_EXAMPLES]) {
      const loud = diagnose(withAccounts(example)).filter((d) => d.severity === 1 || d.severity === 2);
      assert.deepEqual(loud.map((d) => d.code), example === KCL_TUTORIAL ? TUTORIAL_FINDINGS : [], example);
    }
    const current = withAccounts(KCL_TUTORIAL).replace('"kinesis:GetRecords"]', '"kinesis:GetRecords", "kinesis:ListShards"]');
    assert.deepEqual(diagnose(current).filter((d) => d.severity === 1 || d.severity === 2), [], 'with ListShards, nothing');
  });

  it('read as the right kind of policy', () => {
    assert.ok(codes(withAccounts(RESOURCE_EXAMPLES[0]), { rules: {} }).length === 0);
    assert.ok(codes(withAccounts(RESOURCE_EXAMPLES[0]).replace('"kinesis:ListShards"', '"kinesis:*"')).includes('resource-policy/wildcard-action'));
  });
});
