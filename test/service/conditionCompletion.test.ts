import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { complete, editOf, itemNamed, labels } from '../support/service';

describe('condition completion', () => {
  it('offers operators with their IfExists forms and the set qualifiers', () => {
    const found = labels('{"Statement": [{"Condition": {|}}]}');
    for (const op of ['StringEquals', 'StringEqualsIfExists', 'ArnLike', 'Bool', 'IpAddress', 'Null', 'ForAnyValue:', 'ForAllValues:']) {
      assert.ok(found.includes(op), op);
    }
    assert.ok(!found.includes('NullIfExists'));
    assert.equal(found.length, 53 + 2);
  });

  it('writes an operator block and reopens completion for its key', () => {
    const item = itemNamed('{"Statement": [{"Condition": {"Str|"}}]}', 'StringLike');
    assert.equal(editOf(item).newText, '"StringLike": {\n\t"$1": "$2"\n}');
    assert.equal(item.command?.command, 'editor.action.triggerSuggest');
    assert.equal(item.detail, 'String');
  });

  it('qualifies operators after ForAnyValue:', () => {
    const found = labels('{"Statement": [{"Condition": {"ForAnyValue:|"}}]}');
    assert.ok(found.includes('ForAnyValue:StringLike'));
    assert.ok(!found.includes('ForAnyValue:Null'));
  });

  it('offers the keys of the statement actions first, then global keys, with types', () => {
    const items = complete('{"Statement": [{"Action": "kinesis:InjectApiError", "Condition": {"NumericLessThan": {|}}}]}')!.items;
    const fis = items.find((i) => i.label === 'kinesis:FisInjectPercentage');
    assert.equal(fis?.detail, 'Numeric');
    assert.equal(fis?.sortText, '0kinesis:FisInjectPercentage');
    const global = items.find((i) => i.label === 'aws:SourceIp');
    assert.equal(global?.detail, 'IPAddress');
    assert.equal(global?.sortText, '1aws:SourceIp');
  });

  it('turns key placeholders into tab stops', () => {
    const edit = editOf(itemNamed('{"Statement": [{"Action": "kinesis:PutRecord", "Condition": {"StringEquals": {|}}}]}', 'aws:ResourceTag/${TagKey}'));
    assert.equal(edit.newText, '"aws:ResourceTag/${1:TagKey}": "$2"');
  });

  it('offers true and false where Bool, Null or a Bool key takes them', () => {
    assert.deepEqual(labels('{"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": "|"}}}]}'), ['true', 'false']);
    assert.deepEqual(labels('{"Statement": [{"Condition": {"Null": {"aws:SourceVpce": "|"}}}]}'), ['true', 'false']);
    assert.deepEqual(labels('{"Statement": [{"Condition": {"StringEquals": {"aws:SourceVpce": "|"}}}]}'), []);
  });

  it("offers the current time for a date, the document's account for an account key, an organization id and an ARN template", () => {
    const [now] = labels('{"Statement": [{"Condition": {"DateLessThan": {"aws:CurrentTime": "|"}}}]}');
    assert.match(now, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const withArn = (condition: string) =>
      `{"Statement": [{"Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": "arn:aws:kinesis:eu-west-1:123456789012:stream/orders", "Condition": ${condition}}]}`;
    assert.deepEqual(labels(withArn('{"StringEquals": {"aws:SourceAccount": "|"}}')), ['123456789012']);
    assert.equal(editOf(itemNamed(withArn('{"StringEquals": {"aws:PrincipalOrgID": ["|"]}}'), 'o-…')).newText, '"o-${1:exampleorgid}"');
    assert.equal(editOf(itemNamed(withArn('{"ArnLike": {"aws:SourceArn": "|"}}'), 'arn:…')).newText, '"arn:aws:${1:service}:eu-west-1:123456789012:${4:resource}"');
  });
});
