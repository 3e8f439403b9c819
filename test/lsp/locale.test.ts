import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../support/catalog';
import { LspClient } from '../support/lspClient';

const UNKNOWN = `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "kinesis:PutRecordz", "Resource": "*"}]
}`;

const zh = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

const text = (message: string | { value: string }): string => (typeof message === 'string' ? message : message.value);

describe('the server in the editor’s display language', () => {
  describe('started on its own with "locale": "zh-cn" in initialize', () => {
    let client: LspClient;
    before(async () => {
      ({ client } = await LspClient.start({ locale: 'zh-cn' }));
    });
    after(async () => {
      await client.stop();
    });

    it('finds its own Chinese bundle and reports in Chinese, the rule code unchanged', async () => {
      await client.open('file:///ws/unknown.json', UNKNOWN);
      const { diagnostics } = await client.diagnostics('file:///ws/unknown.json');
      const [unknown] = diagnostics.filter((d) => d.code === 'iam/unknown-action');
      const chinese = zh['"{0}" matches no {1} action, so it grants nothing (IAM data of {2}).'];
      assert.ok(chinese, 'the bundle translates the message');
      const [before, after] = chinese.replace('{0}', 'kinesis:PutRecordz').replace('{1}', 'kinesis').split('{2}');
      const message = text(unknown.message);
      assert.ok(message.startsWith(before) && message.includes(after), message);
      assert.ok(message.endsWith(zh['Did you mean {0}?'].replace('{0}', 'kinesis:PutRecord')), message);
    });
  });

  describe('started with "locale": "en" or an unknown language', () => {
    for (const locale of ['en', 'fr']) {
      it(`reports in English for ${locale}`, async () => {
        const { client } = await LspClient.start({ locale });
        try {
          await client.open('file:///ws/unknown.json', UNKNOWN);
          const { diagnostics } = await client.diagnostics('file:///ws/unknown.json');
          const [unknown] = diagnostics.filter((d) => d.code === 'iam/unknown-action');
          assert.match(text(unknown.message), /^"kinesis:PutRecordz" matches no kinesis action, so it grants nothing \(IAM data of [\d-]+\)\. Did you mean kinesis:PutRecord\?$/);
        } finally {
          await client.stop();
        }
      });
    }
  });
});
