import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hostedModel } from '../../../server/src/service/hosts/hostedModels';
import { parsePolicy } from '../../../server/src/service/policy/parsePolicy';

describe("a hosted policy's model", () => {
  const document = (n: number) => TextDocument.create('file:///ws/t.yaml', 'json', 1, `{"Version":"2012-10-17","Statement":[{"Sid":"S${n}","Effect":"Allow","Action":"kinesis:GetRecords","Resource":"*"}]}`);

  it('is parsed from its text when read, the same while it is among the last four parsed, and parsed again after', () => {
    const first = document(0);
    const model = hostedModel(first);
    assert.deepEqual(model.statements.map((s) => s.sid?.value), ['S0']);
    assert.deepEqual(model.statements.map((s) => s.node.offset), parsePolicy(first.getText()).statements.map((s) => s.node.offset));
    assert.equal(hostedModel(first), model, 'kept while among the last parsed');
    for (let n = 1; n <= 3; n++) hostedModel(document(n));
    assert.equal(hostedModel(first), model, 'three others parsed since');
    hostedModel(document(4));
    const again = hostedModel(first);
    assert.notEqual(again, model, 'not held for ever');
    assert.deepEqual(again.statements.map((s) => s.sid?.value), ['S0']);
  });
});
