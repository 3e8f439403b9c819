import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { NewPolicyRequest } from '../../common/src/protocol';
import { LspClient } from '../support/lspClient';
import { diagnose } from '../support/service';

const SHARE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Share",
      "Effect": "Allow",
      "Principal": {"AWS": "444455556666"},
      "Action": ["kinesis:Get*"],
      "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
    }
  ]
}
`;

describe('code actions over LSP', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client.stop();
  });

  it('offers a quick fix for a published diagnostic, with its edit on resolve', async () => {
    const uri = 'file:///ws/share.json';
    await client.open(uri, SHARE);
    const { diagnostics } = await client.diagnostics(uri);
    const wildcard = diagnostics.find((d) => d.code === 'resource-policy/wildcard-action')!;
    const actions = await client.codeActions(uri, wildcard.range, [wildcard]);
    const action = actions.find((a) => a.title === 'Replace the wildcard with the shareable actions it covers')!;
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.equal(action.edit, undefined, 'edits come on resolve');
    const resolved = await client.resolve(action);
    const edits: TextEdit[] = resolved.edit?.changes?.[uri] ?? [];
    const result = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, SHARE), edits);
    assert.match(result, /"Action": \[\n\s+"kinesis:GetRecords",\n\s+"kinesis:GetShardIterator"\n\s+\]/);
    assert.ok(!diagnose(result).some((d) => d.code === 'resource-policy/wildcard-action'));
  });

  it('offers insert actions by kind', async () => {
    const uri = 'file:///ws/empty.json';
    await client.open(uri, '');
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['refactor.insert']);
    assert.ok(actions.length >= 8);
    assert.ok(actions.every((a) => a.kind === 'refactor.insert'));
    const producer = await client.resolve(actions.find((a) => a.title === 'Add Kinesis producer statement')!);
    const text = producer.edit?.changes?.[uri]?.[0].newText ?? '';
    assert.match(text, /"Sid": "KinesisProducer"/);
  });

  it('renders a new policy for the New Policy command', async () => {
    const { text } = await client.connection.sendRequest(NewPolicyRequest.type, {
      role: 'kcl-consumer',
      kclVersion: '2.x',
      region: 'eu-central-1',
      account: '111122223333',
      stream: 'clicks',
      application: 'ClickCounter',
    });
    assert.match(text, /"arn:aws:kinesis:eu-central-1:111122223333:stream\/clicks"/);
    assert.match(text, /"arn:aws:dynamodb:eu-central-1:111122223333:table\/ClickCounter"/);
    assert.deepEqual(
      diagnose(text, { kclVersion: '2.x' }).filter((d) => d.severity === 1 || d.severity === 2),
      [],
    );
  });
});
