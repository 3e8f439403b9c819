import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyEdits, modify, type JSONPath } from 'jsonc-parser';
import { parsePolicy } from '../../../server/src/service/policy/parsePolicy';
import { formattingOf, PolicyTransaction } from '../../../server/src/service/codeActions/transaction';
import { REAL_POLICIES } from '../../property/arbitraries';

/** What a change makes of the text (or the error it meets): through a transaction that has the document's model, and by `modify` of the whole text. */
function bothWays(text: string, path: JSONPath, value: unknown): { transaction: string; whole: string } {
  const outcome = (change: () => string) => {
    try {
      return change();
    } catch (error) {
      return `error: ${String(error)}`;
    }
  };
  const transaction = outcome(() => {
    const tx = new PolicyTransaction(text, undefined, parsePolicy(text));
    tx.set(path, value);
    return tx.text;
  });
  return { transaction, whole: outcome(() => applyEdits(text, modify(text, path, value, { formattingOptions: formattingOf(text) }))) };
}

/** Changes inside a statement: a value replaced, a key added, a key removed. */
function changes(statement: JSONPath): [JSONPath, unknown][] {
  return [
    [[...statement, 'Action'], ['kinesis:GetRecords', 'kinesis:GetShardIterator']],
    [[...statement, 'Sid'], 'Changed'],
    [[...statement, 'Effect'], undefined],
  ];
}

describe('a change inside a statement, made on its text alone', () => {
  it('is the change modify makes of the whole text, in statements on lines of their own', () => {
    let compared = 0;
    for (const policy of REAL_POLICIES) {
      for (const text of [policy, policy.replace(/\n/g, '\r\n'), policy.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2))]) {
        for (const { index } of parsePolicy(text).statements) {
          for (const [path, value] of changes(['Statement', index])) {
            const { transaction, whole } = bothWays(text, path, value);
            assert.equal(transaction, whole, `${JSON.stringify(path)} in\n${text}`);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 100, `${compared} changes compared`);
  });

  it('is made on the whole text for a statement begun after "Statement": { on its line', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": {"Effect": "Allow",\n    "Action": "kinesis:GetRecords",\n    "Resource": "*"\n  }\n}\n';
    for (const [path, value] of changes(['Statement'])) {
      const { transaction, whole } = bothWays(text, path, value);
      assert.equal(transaction, whole, JSON.stringify(path));
    }
  });

  it('writes the document’s line ends into a statement on one line', () => {
    const text = '{\r  "Version": "2012-10-17",\r  "Statement": [\r    {"Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": "*"}\r  ]\r}\r';
    const { transaction, whole } = bothWays(text, ['Statement', 0, 'Action'], ['kinesis:GetRecords', 'kinesis:ListShards']);
    assert.equal(transaction, whole);
    assert.ok(!transaction.includes('\n'), JSON.stringify(transaction));
  });
});
