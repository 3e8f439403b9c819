import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parsePolicy } from '../../server/src/service/policy/parsePolicy';

describe('policy model', () => {
  it('reads every element of a statement array with offsets', () => {
    const text = `{
  "Version": "2012-10-17",
  "Id": "share",
  "Statement": [
    {
      "Sid": "read",
      "Effect": "Allow",
      "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:role/reader"]},
      "Action": ["kinesis:GetRecords", 42],
      "Resource": "arn:aws:kinesis:us-east-1:444455556666:stream/orders",
      "Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-1", "o-2"]}}
    },
    "not a statement",
    {"Effect": "Deny", "NotAction": "kinesis:Delete*", "NotResource": ["*"], "NotPrincipal": "*"}
  ]
}`;
    const model = parsePolicy(text);
    assert.equal(model.isPolicy, true);
    assert.equal(model.version?.value, '2012-10-17');
    assert.equal(model.id?.value, 'share');
    assert.deepEqual(model.statements.map((s) => s.index), [0, 2]);
    const [first, last] = model.statements;
    assert.equal(first.sid?.value, 'read');
    assert.equal(first.effect?.value, 'Allow');
    assert.deepEqual(first.action?.values.map((v) => v.value), ['kinesis:GetRecords']);
    assert.equal(first.action?.invalid.length, 1, 'the number is kept aside as invalid');
    const resource = first.resource!.values[0];
    assert.equal(text.slice(resource.contentOffset, resource.contentOffset + resource.contentLength), resource.value);
    assert.equal(first.principal?.entries[0].type.value, 'AWS');
    assert.deepEqual(first.principal?.entries[0].values.map((v) => v.value), ['111122223333', 'arn:aws:iam::111122223333:role/reader']);
    assert.equal(first.condition?.clauses[0].operator.value, 'StringEquals');
    assert.deepEqual(first.condition?.clauses[0].keys[0].values.map((v) => v.value), ['o-1', 'o-2']);
    assert.equal(last.notAction?.values[0].value, 'kinesis:Delete*');
    assert.equal(last.notResource?.values[0].value, '*');
    assert.equal(last.notPrincipal?.bare?.value, '*');
  });

  it('reads a single statement object', () => {
    const model = parsePolicy('{"Statement": {"Effect": "Allow", "Action": "kinesis:*"}}');
    assert.equal(model.statements.length, 1);
    assert.equal(model.statements[0].action?.values[0].value, 'kinesis:*');
  });

  it('keeps the last of duplicate keys, as IAM does', () => {
    const model = parsePolicy('{"Statement": {"Effect": "Allow", "Effect": "Deny"}}');
    assert.equal(model.statements[0].effect?.value, 'Deny');
  });

  it('tolerates half-typed text', () => {
    const model = parsePolicy('{"Statement": [{"Effect": "Allow", "Action": ["kinesis:Get\n], "Resource": ');
    assert.equal(model.isPolicy, true);
    const action = model.statements[0].action!.values[0];
    assert.equal(action.value, 'kinesis:Get');
    assert.equal(action.terminated, false);
    assert.ok(model.syntaxErrors.length > 0);
  });

  it('knows a terminated string from one that ends in an escaped quote', () => {
    assert.equal(parsePolicy('{"Statement": {"Sid": "a\\\\"}}').statements[0].sid?.terminated, true);
    assert.equal(parsePolicy('{"Statement": {"Sid": "a\\"\n}}').statements[0].sid?.terminated, false);
  });

  it('is not a policy without a Statement object or array', () => {
    for (const text of ['', '[]', '"x"', '{}', '{"Statement": "x"}', '{"name": "pkg", "version": "1.0.0"}', '{"Version": "1.0"}', '{"compilerOptions": {}}']) {
      assert.equal(parsePolicy(text).isPolicy, false, text);
    }
    assert.equal(parsePolicy('{"Version": "2012-10-17"}').isPolicy, true, 'a policy being started');
  });

  it('gives up on nesting past 1,000 levels as the parser reads it, even after a string left open', () => {
    // The string ends at the line end for the parser: the brackets after it open 50,000 arrays.
    const model = parsePolicy('{"Statement": ["x\n' + '['.repeat(50_000));
    assert.equal(model.isPolicy, false);
    assert.equal(model.root, undefined);
    const deepest = `{"Statement": [${'['.repeat(998)}${']'.repeat(998)}]}`;
    assert.equal(parsePolicy(deepest).isPolicy, true, '1,000 levels are read');
    assert.equal(parsePolicy(deepest.replace('[[', '[[[').replace(']]', ']]]')).isPolicy, false);
  });
});
