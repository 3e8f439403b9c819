import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { complete, editOf, itemNamed, labels, service } from '../support/service';

const policy = (statement: string) => `{"Version": "2012-10-17", "Statement": [${statement}]}`;

describe('action completion', () => {
  it('offers service prefixes, Kinesis first, for what was typed before a colon', () => {
    const items = complete(policy('{"Effect": "Allow", "Action": "kin|"}'))!.items;
    const kinesis = items.find((i) => i.label === 'kinesis:')!;
    assert.equal(kinesis.detail, 'Amazon Kinesis Data Streams');
    assert.equal(kinesis.sortText, '00');
    assert.equal(kinesis.filterText, '"kinesis:"');
    assert.deepEqual(kinesis.command?.command, 'editor.action.triggerSuggest');
    assert.deepEqual(editOf(kinesis).newText, '"kinesis:$1"');
    assert.ok(items.length > 400, 'every IAM service is offered');
    assert.ok(items.some((i) => i.label === 's3:'));
  });

  it('offers the actions of the service, each with access level, and the description once focused', () => {
    const item = itemNamed(policy('{"Action": "kinesis:|"}'), 'kinesis:GetRecords');
    assert.equal(item.detail, 'Read');
    assert.equal(item.documentation, undefined, 'the description comes with completionItem/resolve');
    const { documentation } = service.resolveCompletionItem(item);
    assert.match(JSON.stringify(documentation), /Grants permission to get data records from a shard/);
    assert.match(JSON.stringify(documentation), /API_GetRecords\.html/);
    assert.equal(item.filterText, '"kinesis:GetRecords"');
  });

  it('replaces the whole string literal, quotes and service prefix included', () => {
    const text = '{"Statement": {"Action": "kinesis:Get|"}}';
    const edit = editOf(itemNamed(text, 'kinesis:GetRecords'));
    assert.equal(edit.newText, '"kinesis:GetRecords"');
    assert.deepEqual(edit.range, { start: { line: 0, character: 25 }, end: { line: 0, character: 38 } });
  });

  it('replaces up to the cursor in a string the user has not closed yet', () => {
    const text = '{"Statement": {"Effect": "Allow", "Action": "kinesis:Ge|\n}}';
    const edit = editOf(itemNamed(text, 'kinesis:GetRecords'));
    assert.deepEqual(edit.range, { start: { line: 0, character: 44 }, end: { line: 0, character: 55 } });
  });

  it('works in array items and leaves out actions the statement already lists', () => {
    const found = labels(policy('{"Action": ["kinesis:GetRecords", "KINESIS:putrecord", "kinesis:|"]}'));
    assert.ok(found.includes('kinesis:GetShardIterator'));
    assert.ok(!found.includes('kinesis:GetRecords'));
    assert.ok(!found.includes('kinesis:PutRecord'), 'names match case-insensitively');
    assert.ok(found.includes('kinesis:PutRecords'));
  });

  it('lists every Kinesis action plus the service wildcard', () => {
    const found = labels(policy('{"Action": "kinesis:|"}'));
    assert.equal(found.filter((l) => l.startsWith('kinesis:') && l !== 'kinesis:*').length, 47);
    assert.ok(found.includes('kinesis:*'));
  });

  it('offers DynamoDB and CloudWatch actions too', () => {
    assert.ok(labels(policy('{"Action": ["dynamodb:|"]}')).includes('dynamodb:GetItem'));
    assert.ok(labels(policy('{"Action": ["cloudwatch:Put|"]}')).includes('cloudwatch:PutMetricData'));
  });

  it('writes the quotes when the value is not started yet', () => {
    const edit = editOf(itemNamed('{"Statement": [{"Action": |}]}', 'kinesis:'));
    assert.equal(edit.newText, '"kinesis:$1"');
    assert.deepEqual(edit.range.start, edit.range.end);
    assert.ok(labels('{"Statement": [{"Action": ["kinesis:GetRecords", |]}]}').includes('kinesis:'));
  });

  it('writes the comma after a new element when another follows it, and nothing beside a value already written', () => {
    const before = editOf(itemNamed(policy('{"Action": [| "kinesis:PutRecord"]}'), 'kinesis:'));
    assert.equal(before.newText, '"kinesis:$1",');
    const between = editOf(itemNamed(policy('{"Action": ["kinesis:PutRecord", |\n "kinesis:ListShards"]}'), 'kinesis:'));
    assert.equal(between.newText, '"kinesis:$1",');
    assert.equal(editOf(itemNamed(policy('{"Action": ["kinesis:PutRecord", |]}'), 'kinesis:')).newText, '"kinesis:$1"');
    // Between the colon and a value: an item would be written beside it, which breaks the JSON.
    assert.equal(complete(policy('{"Effect": "Allow", "Action":| "kinesis:PutRecord"}')), null);
    assert.equal(complete('{"Version":| null, "Statement": []}'), null);
  });

  it('completes NotAction like Action', () => {
    assert.ok(labels(policy('{"NotAction": "kinesis:|"}')).includes('kinesis:DeleteStream'));
  });

  it('offers nothing for an unknown service or outside a policy', () => {
    assert.equal(complete(policy('{"Action": "nosuchservice:|"}')), null);
    assert.equal(complete('{"name": "x", "Action": "kinesis:|"}'), null);
    assert.equal(complete('{"scripts": {"Statement": "kinesis:|"}}'), null);
  });
});
