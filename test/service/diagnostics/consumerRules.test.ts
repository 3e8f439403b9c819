import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { codes, diagnose, findings, message } from '../../support/service';

const STREAM = 'arn:aws:kinesis:us-east-1:111122223333:stream/orders';
const TABLE = 'arn:aws:dynamodb:us-east-1:111122223333:table/OrdersApp';
const LEASE_1X = ['CreateTable', 'DescribeTable', 'GetItem', 'PutItem', 'Scan', 'UpdateItem', 'DeleteItem'].map((a) => `dynamodb:${a}`);

function policy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements.map((s) => ({ Effect: 'Allow', ...s })) }, null, 2);
}
const read = { Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords'], Resource: STREAM };
const metrics = { Action: 'cloudwatch:PutMetricData', Resource: '*' };
const lease = (actions: string[], resource = TABLE) => ({ Action: actions, Resource: resource });

describe('KCL, consumer and producer rules', () => {
  it('lists the missing lease-table actions as a warning when the policy shows KCL use', () => {
    const text = policy(read, lease(['dynamodb:GetItem', 'dynamodb:PutItem']), metrics);
    const [d] = diagnose(text).filter((x) => x.code === 'kcl/missing-lease-table-permissions');
    assert.equal(d.severity, 2);
    assert.match(message(d), /^This KCL consumer also needs dynamodb:CreateTable, dynamodb:DescribeTable, dynamodb:Scan, dynamodb:UpdateItem, dynamodb:DeleteItem on its lease table/);
    assert.deepEqual(findings(text, 'kcl/missing-lease-table-permissions'), ['"kinesis:GetRecords"']);
    assert.deepEqual((d.data as { missing: string[] }).missing, ['dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:Scan', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']);
  });

  it('is information when nothing shows the consumer uses the KCL, or a warning if the setting says so', () => {
    const text = policy(read);
    const severities = (s = {}) => diagnose(text, s).filter((d) => String(d.code).startsWith('kcl/')).map((d) => [d.code, d.severity]);
    assert.deepEqual(severities(), [['kcl/missing-lease-table-permissions', 3], ['kcl/missing-metrics-permission', 3]]);
    assert.match(message(diagnose(text)[0]), /^If this consumer uses the Kinesis Client Library \(KCL\), it also needs/);
    assert.deepEqual(severities({ assumeKcl: true }), [['kcl/missing-lease-table-permissions', 2], ['kcl/missing-metrics-permission', 2]]);
    assert.deepEqual(severities({ kclVersion: 'none' }), []);
  });

  it('accepts the full KCL 1.x set, on a table ARN or *, and counts wildcards', () => {
    assert.deepEqual(codes(policy(read, lease(LEASE_1X), metrics)), []);
    assert.deepEqual(codes(policy(read, lease(['dynamodb:*'], '*'), metrics)).filter((c) => c !== 'kcl/broad-dynamodb-access'), []);
    assert.deepEqual(codes(policy({ Action: 'kinesis:*', Resource: STREAM }, lease(LEASE_1X), metrics)), []);
  });

  it('wants the actions on a DynamoDB table, not elsewhere', () => {
    const text = policy(read, lease(LEASE_1X, 'arn:aws:dynamodb:us-east-1:111122223333:table/OrdersApp/stream/2024'), metrics);
    assert.ok(codes(text).includes('kcl/missing-lease-table-permissions'));
  });

  it('knows the 2.x and 3.x sets', () => {
    const text = policy(read, lease(LEASE_1X), metrics);
    const missing = (kclVersion: '2.x' | '3.x') =>
      (diagnose(text, { kclVersion }).find((d) => d.code === 'kcl/missing-lease-table-permissions')?.data as { missing: string[] }).missing;
    assert.deepEqual(missing('2.x'), ['dynamodb:UpdateTable']);
    assert.deepEqual(missing('3.x'), ['dynamodb:UpdateTable', 'dynamodb:Query']);
    const v3 = policy(read, lease([...LEASE_1X, 'dynamodb:UpdateTable']), lease(['dynamodb:Query'], `${TABLE}/index/*`), metrics);
    assert.deepEqual(codes(v3, { kclVersion: '3.x' }), []);
  });

  it('wants PutMetricData on "*"', () => {
    assert.ok(codes(policy(read, lease(LEASE_1X), { Action: 'cloudwatch:PutMetricData', Resource: STREAM })).includes('kcl/missing-metrics-permission'));
  });

  it('reports GetRecords without GetShardIterator and the reverse', () => {
    assert.deepEqual(findings(policy({ Action: ['kinesis:DescribeStream', 'kinesis:GetRecords'], Resource: STREAM }), 'consumer/incomplete-read'), ['"kinesis:GetRecords"']);
    assert.deepEqual(findings(policy({ Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator'], Resource: STREAM }), 'consumer/incomplete-read'), ['"kinesis:GetShardIterator"']);
  });

  it('reports consumers and producers that cannot describe the stream', () => {
    assert.deepEqual(findings(policy({ Action: ['kinesis:GetShardIterator', 'kinesis:GetRecords'], Resource: STREAM }), 'consumer/missing-describe-stream'), ['"kinesis:GetRecords"']);
    assert.deepEqual(findings(policy({ Action: ['kinesis:PutRecords'], Resource: STREAM }), 'producer/missing-describe-stream'), ['"kinesis:PutRecords"']);
    assert.deepEqual(codes(policy({ Action: ['kinesis:DescribeStreamSummary', 'kinesis:PutRecords'], Resource: STREAM })), []);
  });

  it('reads grants through NotAction and ignores Deny statements', () => {
    const text = policy({ NotAction: 'iam:*', Resource: '*' });
    assert.ok(!codes(text).some((c) => c.startsWith('consumer/')), 'NotAction iam:* grants every Kinesis action');
    const denied = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'kinesis:GetRecords', Resource: STREAM }] });
    assert.deepEqual(codes(denied), []);
  });

  it('points out dynamodb:* on a consumer lease table as information', () => {
    const [d] = diagnose(policy(read, lease(['dynamodb:*']), metrics)).filter((x) => x.code === 'kcl/broad-dynamodb-access');
    assert.equal(d.severity, 3);
    assert.deepEqual((d.data as { replacement: string[] }).replacement, LEASE_1X);
  });
});
