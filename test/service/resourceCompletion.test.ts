import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyModel } from '../../server/src/service';
import { documentWithCursor } from '../support/documents';
import { complete, editOf, labels, service } from '../support/service';

/** `[label, inserted text]` of every item. */
function offered(text: string): [string, string][] {
  return (complete(text)?.items ?? []).map((i) => [i.label, editOf(i).newText]);
}

describe('resource completion', () => {
  it('offers the stream ARN for PutRecord, with readable placeholders', () => {
    assert.deepEqual(offered('{"Statement": {"Action": "kinesis:PutRecord", "Resource": "|"}}'), [
      ['stream/${StreamName}', '"arn:aws:kinesis:${1:Region}:${2:Account}:stream/${3:StreamName}"'],
    ]);
  });

  it('offers every consumer of the stream, then one consumer ARN, for SubscribeToShard, without AWS typos', () => {
    assert.deepEqual(offered('{"Statement": {"Action": ["kinesis:SubscribeToShard"], "Resource": ["|"]}}'), [
      ['stream/${StreamName}/consumer/*', '"arn:aws:kinesis:${1:Region}:${2:Account}:stream/${3:StreamName}/consumer/*"'],
      [
        'stream/${StreamName}/consumer/${ConsumerName}:${CreationTimestamp}',
        '"arn:aws:kinesis:${1:Region}:${2:Account}:stream/${3:StreamName}/consumer/${4:ConsumerName}:${5:CreationTimestamp}"',
      ],
    ]);
  });

  it('offers the table ARN for dynamodb:GetItem and the key ARN for kms:Decrypt', () => {
    assert.ok(labels('{"Statement": {"Action": "dynamodb:GetItem", "Resource": "|"}}').includes('table/${TableName}'));
    assert.deepEqual(labels('{"Statement": {"Action": "kms:Decrypt", "Resource": "|"}}'), ['key/${KeyId}']);
  });

  it('offers "*" first for actions that take no resource ARN', () => {
    const found = offered('{"Statement": {"Action": "cloudwatch:PutMetricData", "Resource": "|"}}');
    assert.deepEqual(found[0], ['*', '"*"']);
    assert.deepEqual(offered('{"Statement": {"Action": "kinesis:ListStreams", "Resource": "|"}}'), [['*', '"*"']]);
  });

  it('writes what the document says as text, and starts at the first unknown part, offering the document\'s streams', () => {
    const text = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Action: 'kinesis:PutRecords', Resource: 'arn:aws:kinesis:us-east-1:123456789012:stream/StockTradeStream' },
        { Effect: 'Allow', Action: 'kinesis:GetRecords', Resource: '|' },
      ],
    });
    const [stream] = offered(text);
    assert.deepEqual(stream, ['stream/${StreamName}', '"arn:aws:kinesis:us-east-1:123456789012:stream/${1|StockTradeStream|}"']);
  });

  it('takes partition, region and account from the ARNs in the document', () => {
    const text = `{"Statement": [
      {"Action": "kinesis:GetRecords", "Resource": "arn:aws-cn:kinesis:cn-north-1:111122223333:stream/a"},
      {"Action": "dynamodb:PutItem", "Resource": ["|"]}]}`;
    const [first] = offered(text);
    assert.deepEqual(first, [
      'table/${TableName}',
      '"arn:aws-cn:dynamodb:cn-north-1:111122223333:table/${1:TableName}"',
    ]);
  });

  it('takes the most frequent region and account, the first seen among equals, and follows edits', () => {
    const arn = (region: string, account: string) => `"arn:aws:kinesis:${region}:${account}:stream/s"`;
    const text = `{"Statement": [
      {"Resource": [${arn('eu-west-1', '111111111111')}, ${arn('us-east-1', '222222222222')}]},
      {"Resource": ${arn('us-east-1', '333333333333')}},
      {"Resource": [${arn('eu-west-1', '222222222222')}, "*"]},
      {"Action": "kinesis:PutRecord", "Resource": "|"}]}`;
    const { document, position } = documentWithCursor(text);
    const model = service.parsePolicy(document);
    const stream = (m: PolicyModel, d: TextDocument) => service.doComplete(d, position, m)?.items[0].filterText;
    assert.equal(stream(model, document), '"arn:aws:kinesis:eu-west-1:222222222222:stream/${StreamName}"');
    // One more us-east-1 ARN in the second statement, updated in place: us-east-1 now comes first.
    const edited = document.getText().replace(arn('us-east-1', '333333333333'), `[${arn('us-east-1', '333333333333')}, ${arn('us-east-1', '444444444444')}]`);
    const next = TextDocument.create(document.uri, 'json', 2, edited);
    const updated = service.updatePolicy(model, next);
    assert.ok(updated, 'the edit stays inside the second statement');
    const moved = next.positionAt(next.getText().indexOf('"Resource": ""') + 13);
    assert.equal(service.doComplete(next, moved, updated)?.items[0].filterText, '"arn:aws:kinesis:us-east-1:222222222222:stream/${StreamName}"');
    assert.deepEqual(service.doComplete(next, moved, updated), service.doComplete(next, moved, service.parsePolicy(next)));
  });

  it('expands wildcard actions into the resource types they take', () => {
    const found = labels('{"Statement": {"Action": "kinesis:*", "Resource": "|"}}');
    assert.ok(found.includes('stream/${StreamName}'));
    assert.ok(found.some((l) => l.includes('/consumer/')));
    assert.ok(found.includes('*'), 'kinesis:ListStreams among them takes no resource');
  });

  it('offers the common Kinesis policy resources when the statement has no actions yet', () => {
    assert.deepEqual(labels('{"Statement": [{"Effect": "Allow", "Resource": |}]}'), [
      'stream/${StreamName}',
      'stream/${StreamName}/consumer/*',
      'stream/${StreamName}/consumer/${ConsumerName}:${CreationTimestamp}',
      'table/${TableName}',
      'key/${KeyId}',
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
