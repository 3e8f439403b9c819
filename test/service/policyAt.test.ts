import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parsePolicy } from '../../server/src/service/policy/parsePolicy';
import { findNodeAtOffset } from 'jsonc-parser';
import { nodeAt, policyAt } from '../../server/src/service/policy/policyAt';
import { REAL_POLICIES } from '../property/arbitraries';
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

  it('finds the node at every offset as jsonc-parser does, in long lists and broken text too', () => {
    const long = `{"Statement": [${Array.from({ length: 40 }, (_, i) => `{"Sid": "S${i}", "Action": ["a:B", "c:D"]}`).join(', ')}]}`;
    const broken = [long.slice(0, 500), long.replace(/, \{"Sid": "S7"/, ' {"Sid": "S7"'), '{"Statement": [{"Action": ["a:B",, "c"]}, {"Sid": }]}', '[1,2,3]', '"x"', ''];
    for (const text of [long, ...broken, ...REAL_POLICIES]) {
      const root = parsePolicy(text).root;
      if (!root) continue;
      for (let offset = -1; offset <= text.length + 1; offset++) {
        for (const rightBound of [false, true]) assert.equal(nodeAt(root, offset, rightBound), findNodeAtOffset(root, offset, rightBound), `offset ${offset} of ${text.slice(0, 60)}`);
      }
    }
  });
});
