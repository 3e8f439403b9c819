import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { codes, diagnose, findings, message } from '../../support/service';

const STREAM = 'arn:aws:kinesis:us-east-1:111122223333:stream/orders';
const TABLE = 'arn:aws:dynamodb:us-east-1:111122223333:table/OrdersApp';
const LEASE_1X = ['CreateTable', 'DescribeTable', 'GetItem', 'PutItem', 'Scan', 'UpdateItem', 'DeleteItem'].map((a) => `dynamodb:${a}`);

function policy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements.map((s) => ({ Effect: 'Allow', ...s })) }, null, 2);
}
const read = { Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'], Resource: STREAM };
const metrics = { Action: 'cloudwatch:PutMetricData', Resource: '*' };
const lease = (actions: string[], resource: string | string[] = TABLE) => ({ Action: actions, Resource: resource });

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
    const unlisted = policy({ ...read, Action: read.Action.filter((a) => a !== 'kinesis:ListShards') });
    assert.deepEqual(diagnose(unlisted).filter((d) => d.code === 'kcl/missing-list-shards').map((d) => d.severity), [3]);
    assert.deepEqual(diagnose(unlisted, { assumeKcl: true }).filter((d) => d.code === 'kcl/missing-list-shards').map((d) => d.severity), [2]);
    assert.deepEqual(severities({ kclVersion: 'none' }), []);
  });

  it('accepts the full KCL 1.x set, on a table ARN or *, and counts wildcards', () => {
    const v1 = { kclVersion: '1.x' as const };
    assert.deepEqual(codes(policy(read, lease(LEASE_1X), metrics), v1), []);
    assert.deepEqual(codes(policy(read, lease(['dynamodb:*'], '*'), metrics), v1).filter((c) => c !== 'kcl/broad-dynamodb-access'), []);
    assert.deepEqual(codes(policy({ Action: 'kinesis:*', Resource: STREAM }, lease(LEASE_1X), metrics), v1), []);
  });

  it('by default checks what every KCL version needs, and notes what KCL 3.x needs beyond it', () => {
    const text = policy(read, lease(LEASE_1X), metrics);
    const [note] = diagnose(text).filter((d) => String(d.code).startsWith('kcl/'));
    assert.equal(note.code, 'kcl/version-3-requirements');
    assert.equal(note.severity, 3);
    assert.match(message(note), /^If this consumer runs KCL 3\.x, it also needs dynamodb:UpdateTable on its lease table \(table OrdersApp\); dynamodb:Query on the table's index/);
    assert.match(message(note), /Set "kinesisPolicy\.kcl\.version" to the KCL the application uses/);
    const missing = policy(read, lease(['dynamodb:GetItem']), metrics);
    assert.deepEqual(codes(missing).filter((c) => c.startsWith('kcl/')), ['kcl/missing-lease-table-permissions'], 'what every version needs first, and alone');
    assert.match(message(diagnose(missing).find((d) => d.code === 'kcl/missing-lease-table-permissions')!), /every KCL version tracks shard leases/);
    const v3 = policy(read, lease([...LEASE_1X, 'dynamodb:UpdateTable']), lease(['dynamodb:Query'], `${TABLE}/index/*`), lease(LEASE_1X, [`${TABLE}-WorkerMetricStats`, `${TABLE}-CoordinatorState`]), metrics);
    assert.deepEqual(codes(v3), []);
  });

  it('wants the actions on a DynamoDB table, not elsewhere', () => {
    const text = policy(read, lease(LEASE_1X, 'arn:aws:dynamodb:us-east-1:111122223333:table/OrdersApp/stream/2024'), metrics);
    assert.ok(codes(text).includes('kcl/missing-lease-table-permissions'));
  });

  it('knows the 2.x and 3.x sets: 2.x the seven of 1.x, 3.x UpdateTable, the index and two more tables', () => {
    const text = policy(read, lease(LEASE_1X), metrics);
    const data = (kclVersion: '2.x' | '3.x'): unknown => diagnose(text, { kclVersion }).find((d) => d.code === 'kcl/missing-lease-table-permissions')?.data;
    assert.equal(data('2.x'), undefined);
    assert.deepEqual(data('3.x'), {
      missing: ['dynamodb:UpdateTable'],
      kclVersion: '3.x',
      table: TABLE,
      index: ['dynamodb:Query'],
      extraTables: [
        { table: `${TABLE}-WorkerMetricStats`, missing: LEASE_1X },
        { table: `${TABLE}-CoordinatorState`, missing: LEASE_1X },
      ],
    });
    const v3 = policy(
      read,
      lease([...LEASE_1X, 'dynamodb:UpdateTable']),
      lease(['dynamodb:Query'], `${TABLE}/index/*`),
      lease(LEASE_1X, [`${TABLE}-WorkerMetricStats`, `${TABLE}-CoordinatorState`]),
      metrics,
    );
    assert.deepEqual(codes(v3, { kclVersion: '3.x' }), []);
    assert.match(message(diagnose(text, { kclVersion: '3.x' }).find((d) => d.code === 'kcl/missing-lease-table-permissions')!), /OrdersApp-WorkerMetricStats and OrdersApp-CoordinatorState/);
  });

  it('judges the table the actions are granted on: an index is not its table', () => {
    const text = policy(read, lease(LEASE_1X, `${TABLE}/index/*`), metrics);
    assert.deepEqual((diagnose(text).find((d) => d.code === 'kcl/missing-lease-table-permissions')?.data as { missing: string[] }).missing, LEASE_1X);
    const twoTables = policy(read, lease(['dynamodb:GetItem'], 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders'), lease(LEASE_1X), metrics);
    assert.deepEqual(codes(twoTables, { kclVersion: '2.x' }), [], 'the table with every action is the lease table');
  });

  it('names the Deny that takes a lease-table action away, and offers no fix that cannot work', () => {
    const text = policy(read, lease(['dynamodb:*']), metrics, { Sid: 'KeepTables', Effect: 'Deny', Action: 'dynamodb:DeleteItem', Resource: '*' });
    const d = diagnose(text).find((x) => x.code === 'kcl/missing-lease-table-permissions');
    assert.deepEqual((d?.data as { missing: string[] }).missing, ['dynamodb:DeleteItem']);
    assert.match(message(d!), /The Deny in statement "KeepTables" takes away dynamodb:DeleteItem\./);
  });

  it('wants PutMetricData on "*"', () => {
    assert.ok(codes(policy(read, lease(LEASE_1X), { Action: 'cloudwatch:PutMetricData', Resource: STREAM })).includes('kcl/missing-metrics-permission'));
  });

  it('asks for the describe and iterator actions on the stream that is read, not on another', () => {
    const payments = STREAM.replace('orders', 'payments');
    const text = policy({ Action: ['kinesis:GetRecords', 'kinesis:DescribeStream', 'kinesis:ListShards'], Resource: STREAM }, { Action: 'kinesis:GetShardIterator', Resource: payments });
    const [d] = diagnose(text).filter((x) => x.code === 'consumer/incomplete-read');
    assert.match(message(d), /^kinesis:GetRecords is granted on stream orders without kinesis:GetShardIterator/);
    assert.deepEqual((d.data as { resources: string[] }).resources, [STREAM]);
    const producer = policy({ Action: ['kinesis:PutRecords'], Resource: STREAM }, { Action: 'kinesis:DescribeStreamSummary', Resource: payments });
    const [p] = diagnose(producer).filter((x) => x.code === 'producer/missing-describe-stream');
    assert.equal(p.severity, 3, 'advice, not a failure: information');
    assert.match(message(p), /^This producer can write to stream orders but not describe it/);
    assert.deepEqual(codes(policy({ Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary'], Resource: 'arn:aws:kinesis:*:*:stream/*' }, { Action: 'kinesis:PutRecords', Resource: STREAM })), []);
  });

  it('reports what an explicit Deny takes away, naming the Deny', () => {
    const describeDenied = policy(read, { Sid: 'NoDescribe', Effect: 'Deny', Action: 'kinesis:Describe*', Resource: '*' }, lease(LEASE_1X), metrics);
    const [d] = diagnose(describeDenied).filter((x) => x.code === 'consumer/missing-describe-stream');
    assert.match(message(d), /The Deny in statement "NoDescribe" takes it away\.$/);
    const iteratorDenied = policy(
      { Action: ['kinesis:Get*', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Effect: 'Deny', Action: 'kinesis:GetShardIterator', Resource: STREAM },
    );
    const [i] = diagnose(iteratorDenied).filter((x) => x.code === 'consumer/incomplete-read');
    assert.match(message(i), /The Deny in statement number 2 takes it away\./);
    assert.equal((i.data as { denied?: boolean }).denied, true);
  });

  it('blames a Deny only when it takes away every action that would do, and otherwise asks for the one left', () => {
    const text = policy({ Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'], Resource: STREAM }, { Sid: 'NoFullDescribe', Effect: 'Deny', Action: 'kinesis:DescribeStream', Resource: '*' });
    const [d] = diagnose(text).filter((x) => x.code === 'consumer/missing-describe-stream');
    assert.doesNotMatch(message(d), /Deny/);
    assert.deepEqual(d.data, { missing: ['kinesis:DescribeStreamSummary'], resources: [STREAM] });
  });

  it('notes, rather than warns, a missing ListShards on a consumer\'s writes: its metrics may be the KCL\'s', () => {
    const text = policy(read, lease(LEASE_1X), metrics, { Action: 'kinesis:PutRecords', Resource: STREAM.replace('orders', 'output') });
    assert.deepEqual(diagnose(text).filter((x) => x.code === 'producer/missing-list-shards').map((x) => x.severity), [3]);
  });

  it('reports a KPL producer that cannot list shards', () => {
    const kpl = policy({ Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary'], Resource: STREAM }, metrics);
    assert.deepEqual(findings(kpl, 'producer/missing-list-shards'), ['"kinesis:PutRecords"']);
    assert.deepEqual(findings(policy({ Action: ['kinesis:PutRecords', 'kinesis:ListShards'], Resource: STREAM }, metrics), 'producer/missing-list-shards'), []);
    assert.deepEqual(codes(policy({ Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary'], Resource: STREAM })), [], 'no metrics: an SDK producer');
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
    const [v3] = diagnose(policy(read, lease(['dynamodb:*']), metrics), { kclVersion: '3.x' }).filter((x) => x.code === 'kcl/broad-dynamodb-access');
    assert.deepEqual((v3.data as { replacement: string[] }).replacement, [...LEASE_1X, 'dynamodb:UpdateTable', 'dynamodb:Query']);
  });

  it('points out kinesis:* or stream-changing actions on every stream in a producer\'s or consumer\'s policy', () => {
    const producer = { Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM };
    const broad = policy(producer, { Action: ['kinesis:*', 'kinesis:DescribeStreamSummary'], Resource: '*' });
    const [d] = diagnose(broad).filter((x) => x.code === 'kinesis/broad-access');
    assert.equal(d.severity, 3);
    assert.match(message(d), /^"kinesis:\*" on every stream lets this producer \w+/);
    assert.match(message(d), /A producer needs kinesis:DescribeStream, kinesis:DescribeStreamSummary, kinesis:ListShards, kinesis:PutRecord, kinesis:PutRecords, on its own streams\.$/);
    assert.deepEqual(findings(policy(producer, { Action: 'kinesis:DeleteStream', Resource: 'arn:aws:kinesis:*:*:*' }), 'kinesis/broad-access'), ['"kinesis:DeleteStream"']);
    assert.deepEqual(findings(policy(producer, { Action: 'kinesis:*', Resource: 'arn:aws:kinesis:*:111122223333:stream/*' }), 'kinesis/broad-access'), ['"kinesis:*"'], 'every stream of the account');
    assert.deepEqual(findings(policy(producer, { Action: 'kinesis:*', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/app-*' }), 'kinesis/broad-access'), [], 'a family of streams');
    assert.deepEqual(findings(policy({ Action: 'kinesis:*', Resource: '*' }), 'kinesis/broad-access'), [], 'nothing shows a producer or consumer: an administrator');
    assert.deepEqual(findings(policy(producer, { Action: ['kinesis:List*', 'kinesis:Describe*'], Resource: '*' }), 'kinesis/broad-access'), [], 'reading is not changing');
    const consumer = policy(read, { Action: 'kinesis:*', Resource: '*' });
    assert.deepEqual((diagnose(consumer).find((x) => x.code === 'kinesis/broad-access')?.data as { replacement: string[] }).replacement, [
      'kinesis:DescribeStream',
      'kinesis:DescribeStreamSummary',
      'kinesis:GetRecords',
      'kinesis:GetShardIterator',
      'kinesis:ListShards',
      'kinesis:RegisterStreamConsumer',
    ]);
    const v1 = diagnose(consumer, { kclVersion: '1.x' }).find((x) => x.code === 'kinesis/broad-access');
    assert.deepEqual((v1?.data as { replacement: string[] }).replacement, ['kinesis:DescribeStream', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards']);
  });

  it('reads a Lambda function\'s role as no KCL consumer', () => {
    const lambda = policy(
      { Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:ListStreams'], Resource: '*' },
      { Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
    );
    assert.deepEqual(codes(lambda).filter((c) => c.startsWith('kcl/')), []);
    assert.deepEqual(codes(lambda, { assumeKcl: true }).filter((c) => c.startsWith('kcl/')), ['kcl/missing-lease-table-permissions', 'kcl/missing-metrics-permission'], 'unless every consumer is a KCL consumer');
  });
});
