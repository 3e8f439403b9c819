import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { complete, editOf, labels } from '../support/service';

/** `[label, inserted text]` of every item. */
function offered(text: string): [string, string][] {
  return (complete(text)?.items ?? []).map((i) => [i.label, editOf(i).newText]);
}

describe('resource completion', () => {
  it('offers the stream ARN for PutRecord, with readable placeholders', () => {
    assert.deepEqual(offered('{"Statement": {"Action": "kinesis:PutRecord", "Resource": "|"}}'), [
      ['arn:aws:kinesis:${Region}:${Account}:stream/${StreamName}', '"arn:${1:aws}:kinesis:${2:Region}:${3:Account}:stream/${4:StreamName}"'],
    ]);
  });

  it('offers the consumer ARN for SubscribeToShard, without AWS typos', () => {
    assert.deepEqual(offered('{"Statement": {"Action": ["kinesis:SubscribeToShard"], "Resource": ["|"]}}'), [
      [
        'arn:aws:kinesis:${Region}:${Account}:stream/${StreamName}/consumer/${ConsumerName}:${CreationTimestamp}',
        '"arn:${1:aws}:kinesis:${2:Region}:${3:Account}:stream/${4:StreamName}/consumer/${5:ConsumerName}:${6:CreationTimestamp}"',
      ],
    ]);
  });

  it('offers the table ARN for dynamodb:GetItem and the key ARN for kms:Decrypt', () => {
    assert.ok(labels('{"Statement": {"Action": "dynamodb:GetItem", "Resource": "|"}}').includes('arn:aws:dynamodb:${Region}:${Account}:table/${TableName}'));
    assert.deepEqual(labels('{"Statement": {"Action": "kms:Decrypt", "Resource": "|"}}'), ['arn:aws:kms:${Region}:${Account}:key/${KeyId}']);
  });

  it('offers "*" first for actions that take no resource ARN', () => {
    const found = offered('{"Statement": {"Action": "cloudwatch:PutMetricData", "Resource": "|"}}');
    assert.deepEqual(found[0], ['*', '"*"']);
    assert.deepEqual(offered('{"Statement": {"Action": "kinesis:ListStreams", "Resource": "|"}}'), [['*', '"*"']]);
  });

  it('takes partition, region and account from the ARNs in the document', () => {
    const text = `{"Statement": [
      {"Action": "kinesis:GetRecords", "Resource": "arn:aws-cn:kinesis:cn-north-1:111122223333:stream/a"},
      {"Action": "dynamodb:PutItem", "Resource": ["|"]}]}`;
    const [first] = offered(text);
    assert.deepEqual(first, [
      'arn:aws-cn:dynamodb:cn-north-1:111122223333:table/${TableName}',
      '"arn:${1:aws-cn}:dynamodb:${2:cn-north-1}:${3:111122223333}:table/${4:TableName}"',
    ]);
  });

  it('expands wildcard actions into the resource types they take', () => {
    const found = labels('{"Statement": {"Action": "kinesis:*", "Resource": "|"}}');
    assert.ok(found.includes('arn:aws:kinesis:${Region}:${Account}:stream/${StreamName}'));
    assert.ok(found.some((l) => l.includes('/consumer/')));
    assert.ok(found.includes('*'), 'kinesis:ListStreams among them takes no resource');
  });

  it('offers the common Kinesis policy resources when the statement has no actions yet', () => {
    assert.deepEqual(labels('{"Statement": [{"Effect": "Allow", "Resource": |}]}'), [
      'arn:aws:kinesis:${Region}:${Account}:stream/${StreamName}',
      'arn:aws:kinesis:${Region}:${Account}:stream/${StreamName}/consumer/${ConsumerName}:${CreationTimestamp}',
      'arn:aws:dynamodb:${Region}:${Account}:table/${TableName}',
      'arn:aws:kms:${Region}:${Account}:key/${KeyId}',
      '*',
    ]);
  });

  it('replaces the typed text and is filtered on it', () => {
    const item = complete('{"Statement": {"Action": "kms:Decrypt", "Resource": "arn:aws:k|"}}')!.items[0];
    assert.equal(item.filterText, '"arn:aws:kms:${Region}:${Account}:key/${KeyId}"');
    assert.deepEqual(editOf(item).range, { start: { line: 0, character: 52 }, end: { line: 0, character: 63 } });
    assert.equal(item.insertTextFormat, 2);
  });
});
