import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { EVALUATION_CASES } from '../support/evaluationCases';
import { LspClient } from '../support/lspClient';

describe('what a policy grants: the cases, over LSP', () => {
  let client: LspClient;

  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client.stop();
  });

  for (const [i, c] of EVALUATION_CASES.entries()) {
    it(c.name, async () => {
      const mark = client.published.length;
      await client.changeSettings({ kcl: { version: c.kclVersion ?? '1.x' } });
      const uri = `file:///ws/case-${i}.json`;
      const text = JSON.stringify(c.policy, null, 2);
      await client.open(uri, text);
      const { diagnostics } = await client.diagnostics(uri, () => true, mark);
      const lines = text.split('\n');
      const found = diagnostics
        .filter((d) => c.codes.includes(String(d.code)))
        .map((d) => `${String(d.code)}: ${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`);
      assert.deepEqual(found, c.expect);
    });
  }
});
