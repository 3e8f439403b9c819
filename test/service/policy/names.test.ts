import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fillEdits, knownNames, parsePolicy, placeholderSlots } from '../../../server/src/service';

const INSERTED = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'KclStream', Effect: 'Allow', Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:REGION:ACCOUNT_ID:stream/STREAM_NAME' },
      { Sid: 'KclLeaseTable', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:REGION:ACCOUNT_ID:table/APPLICATION_NAME' },
    ],
  },
  null,
  2,
);

function apply(text: string, edits: { offset: number; length: number; text: string }[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.text + t.slice(e.offset + e.length), text);
}

describe('placeholders and the names in use', () => {
  it('lists each placeholder once, in order, with what it stands for and how often it is written', () => {
    assert.deepEqual(placeholderSlots(parsePolicy(INSERTED)), [
      { name: 'REGION', kind: 'region', count: 2 },
      { name: 'ACCOUNT_ID', kind: 'account', count: 2 },
      { name: 'STREAM_NAME', kind: 'stream', count: 1 },
      { name: 'APPLICATION_NAME', kind: 'application', count: 1 },
    ]);
  });

  it("reads a documentation placeholder's kind from its place in the ARN", () => {
    const text = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: 'arn:aws:kinesis:<region>:YOUR_ACCOUNT_ID:stream/<stream-name>' },
        { Effect: 'Allow', Action: 'kinesis:SubscribeToShard', Resource: 'arn:aws:kinesis:<region>:YOUR_ACCOUNT_ID:stream/<stream-name>/consumer/CONSUMER_HERE:1' },
        { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:<region>:YOUR_ACCOUNT_ID:key/<key-id>' },
      ],
    });
    assert.deepEqual(
      placeholderSlots(parsePolicy(text)).map((s) => [s.name, s.kind, s.count]),
      [
        ['<region>', 'region', 3],
        ['YOUR_ACCOUNT_ID', 'account', 3],
        ['<stream-name>', 'stream', 2],
        ['CONSUMER_HERE', 'consumer', 1],
        ['<key-id>', 'keyId', 1],
      ],
    );
  });

  it('writes each value wherever its placeholder is, and leaves keys and values that do not fit alone', () => {
    const model = parsePolicy(INSERTED);
    const filled = apply(INSERTED, fillEdits(model, { REGION: 'us-east-1', ACCOUNT_ID: '123456789012', STREAM_NAME: 'StockTradeStream', APPLICATION_NAME: 'bad name' }));
    assert.match(filled, /"arn:aws:kinesis:us-east-1:123456789012:stream\/StockTradeStream"/);
    assert.match(filled, /"arn:aws:dynamodb:us-east-1:123456789012:table\/APPLICATION_NAME"/, 'a name with a space is no table name');
    assert.deepEqual(placeholderSlots(parsePolicy(filled)).map((s) => s.name), ['APPLICATION_NAME']);
  });

  it('fills a placeholder in a principal, and only whole placeholders', () => {
    const text = JSON.stringify({
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::OTHER_ACCOUNT_ID:root' }, Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/MY_ACCOUNT_ID_LOG' }],
    });
    const filled = apply(text, fillEdits(parsePolicy(text), { OTHER_ACCOUNT_ID: '444455556666', ACCOUNT_ID: '999999999999' }));
    assert.match(filled, /arn:aws:iam::444455556666:root/);
    assert.match(filled, /stream\/MY_ACCOUNT_ID_LOG/);
  });

  it('gathers the names policies use, most used first, skipping placeholders and wildcards', () => {
    const a = parsePolicy(
      JSON.stringify({
        Statement: [
          { Effect: 'Allow', Action: 'kinesis:GetRecords', Resource: ['arn:aws:kinesis:eu-west-1:111122223333:stream/orders', 'arn:aws:kinesis:eu-west-1:111122223333:stream/*'] },
          { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: ['arn:aws:dynamodb:eu-west-1:111122223333:table/orders-app', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders-app-WorkerMetricStats'] },
        ],
      }),
    );
    const b = parsePolicy(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: 'arn:aws:kinesis:us-east-1:ACCOUNT_ID:stream/clicks' }] }));
    assert.deepEqual(knownNames([a, b]), {
      region: ['eu-west-1', 'us-east-1'],
      account: ['111122223333'],
      stream: ['orders', 'clicks'],
      application: ['orders-app'],
    });
  });

  it('reads an account placeholder in a principal as the account shared with', () => {
    const text = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::<account-id>:root', 'YOUR_ACCOUNT_ID'] }, Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:<owner-account>:stream/orders' },
      ],
    });
    assert.deepEqual(
      placeholderSlots(parsePolicy(text)).map((s) => [s.name, s.kind]),
      [
        ['<account-id>', 'otherAccount'],
        ['YOUR_ACCOUNT_ID', 'otherAccount'],
        ['<owner-account>', 'account'],
      ],
    );
  });

  it("writes a region's partition with it: arn:aws-cn: for a China region", () => {
    const model = parsePolicy(INSERTED);
    const filled = apply(INSERTED, fillEdits(model, { REGION: 'cn-north-1', ACCOUNT_ID: '123456789012', STREAM_NAME: 'orders', APPLICATION_NAME: 'OrdersApp' }));
    assert.match(filled, /"arn:aws-cn:kinesis:cn-north-1:123456789012:stream\/orders"/);
    assert.match(filled, /"arn:aws-cn:dynamodb:cn-north-1:123456789012:table\/OrdersApp"/);
  });
});
