import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parsePolicy } from '../../server/src/service/policy/parsePolicy';
import { policyAt } from '../../server/src/service/policy/policyAt';
import { documentWithCursor } from '../support/documents';

/** What `policyAt` answers at the `|` of a policy, with the model it was asked of. */
function at(text: string, includeRightBound = false) {
  const { document, offset } = documentWithCursor(text);
  const model = parsePolicy(document.getText());
  return { model, position: policyAt(model, offset, includeRightBound) };
}

describe('policyAt', () => {
  it("answers with the statement model's own string for an action", () => {
    const { model, position } = at('{"Statement": [{"Effect": "Allow"}, {"Action": ["kinesis:PutRecord", |"kinesis:ListShards"], "Resource": "*"}]}');
    const statement = model.statementAt(1);
    assert.equal(position.statement, statement);
    assert.deepEqual(position.rest, ['Action', 1]);
    assert.equal(position.isKey, false);
    assert.equal(position.string, statement?.action?.values[1], 'the very object in the model');
  });

  it('gives a key the path of its object', () => {
    const { position } = at('{"Statement": {"Condition": {"Bool": {|"aws:SecureTransport": "true"}}}}');
    assert.equal(position.isKey, true);
    assert.equal(position.string?.value, 'aws:SecureTransport');
    assert.deepEqual(position.path, ['Statement', 'Condition', 'Bool']);
    assert.deepEqual(position.rest, ['Condition', 'Bool'], 'a single statement object is statement 0');
  });

  it('places the end of a word in it only with the right bound included', () => {
    const text = '{"Statement": [{"Action": "kinesis:Get"|}]}';
    assert.equal(at(text).position.string, undefined);
    assert.equal(at(text, true).position.string?.value, 'kinesis:Get');
  });

  it('finds no statement outside the statements, or under an earlier duplicate Statement key', () => {
    assert.deepEqual(at('{"Version": |"2012-10-17", "Statement": []}').position.rest, ['Version']);
    const duplicate = at('{"Statement": [{"Action": |"s3:GetObject"}], "Statement": [{"Action": "kinesis:PutRecord"}]}').position;
    assert.equal(duplicate.statement, undefined);
    assert.equal(duplicate.string?.value, 's3:GetObject');
    assert.deepEqual(duplicate.rest, ['Statement', 0, 'Action']);
  });

  it('answers nothing outside the JSON value', () => {
    const { position } = at('|   ');
    assert.equal(position.node, undefined);
    assert.equal(position.statement, undefined);
  });
});
