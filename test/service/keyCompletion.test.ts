import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { complete, editOf, itemNamed, labels } from '../support/service';

describe('key and value completion', () => {
  it('offers the policy keys not yet present at the top', () => {
    assert.deepEqual(labels('{"Version": "2012-10-17", |}'), ['Id', 'Statement']);
    assert.deepEqual(labels('{"Statement": [], |}'), ['Version', 'Id']);
  });

  it('offers statement keys not yet present, leaving out their opposites', () => {
    assert.deepEqual(labels('{"Statement": [{"Effect": "Allow", "Action": "kinesis:*", |}]}'), [
      'Sid',
      'Resource',
      'NotResource',
      'Principal',
      'NotPrincipal',
      'Condition',
    ]);
    assert.deepEqual(labels('{"Statement": {"NotResource": "*", "Sid": "x", "Effect": "Deny", "Principal": {}, "Condition": {}, |}}'), [
      'Action',
      'NotAction',
    ]);
  });

  it('writes the key with a value skeleton and a comma when another property follows', () => {
    const edit = editOf(itemNamed('{"Statement": [{|\n"Effect": "Allow"}]}', 'Action'));
    assert.equal(edit.newText, '"Action": ["$1"],');
    const effect = editOf(itemNamed('{"Statement": [{"Effect": "Allow", |}]}', 'Sid'));
    assert.equal(effect.newText, '"Sid": "$1"');
  });

  it('completes inside a key string, replacing only the key when its colon is there', () => {
    const edit = editOf(itemNamed('{"Statement": [{"Eff|": "Allow"}]}', 'Effect'));
    assert.equal(edit.newText, '"Effect"');
    assert.deepEqual(edit.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 21 } });
    assert.equal(editOf(itemNamed('{"Statement": [{"Eff|"}]}', 'Effect')).newText, '"Effect": "${1|Allow,Deny|}"');
  });

  it('completes Effect and Version values', () => {
    assert.deepEqual(labels('{"Statement": [{"Effect": "|"}]}'), ['Allow', 'Deny']);
    assert.deepEqual(labels('{"Version": "|", "Statement": []}'), ['2012-10-17', '2008-10-17']);
    assert.equal(editOf(itemNamed('{"Version": |, "Statement": []}', '2012-10-17')).newText, '"2012-10-17"');
  });

  it('offers nothing in places that take free text', () => {
    assert.equal(complete('{"Statement": [{"Sid": "|"}]}'), null);
    assert.equal(complete('{"Id": "|", "Statement": []}'), null);
  });

  it('recognises a policy that has only its Version so far', () => {
    assert.deepEqual(labels('{"Version": "2012-10-17", "|"}'), ['Id', 'Statement']);
    assert.equal(complete('{"version": "1.0.0", |}'), null);
  });
});
