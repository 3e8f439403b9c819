import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { caseText, missingDetails, POLICY_CASES, SEVERITY_NAMES } from '../support/policyCases';
import { LspClient } from '../support/lspClient';

describe('the policy cases, over LSP', () => {
  let client: LspClient;

  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client.stop();
  });

  for (const [i, c] of POLICY_CASES.entries()) {
    it(c.name, async () => {
      const mark = client.published.length;
      await client.changeSettings({ kcl: { version: c.kclVersion ?? 'auto' }, policyKind: c.policyKind ?? 'auto' });
      const uri = `file:///ws/case-${i}.json`;
      const text = caseText(c);
      await client.open(uri, text);
      const { diagnostics } = await client.diagnostics(uri, () => true, mark);
      const lines = text.split('\n');
      const ours = diagnostics.filter((d) => c.codes.includes(String(d.code)));
      const found = ours.map((d) => `${String(d.code)}: ${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`);
      assert.deepEqual(found.sort(), [...c.expect].sort());
      const details = ours.map((d) => ({ code: String(d.code), severity: SEVERITY_NAMES[d.severity ?? 1], message: typeof d.message === 'string' ? d.message : d.message.value }));
      assert.deepEqual(missingDetails(c, details), []);
    });
  }
});
