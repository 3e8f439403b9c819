import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentWithCursor } from '../support/documents';
import { LspClient } from '../support/lspClient';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["kinesis:GetRecords", "kinesis:|"],
      "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
    }
  ]
}`;

describe('the built server over stdio', () => {
  let client: LspClient;
  let capabilities: Awaited<ReturnType<typeof LspClient.start>>['initialize']['capabilities'];

  before(async () => {
    const started = await LspClient.start();
    client = started.client;
    capabilities = started.initialize.capabilities;
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown');
  });

  it('announces incremental sync, completion and hover', () => {
    assert.equal(capabilities.textDocumentSync, 2);
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['"', ':']);
    assert.equal(capabilities.completionProvider?.resolveProvider, true);
    assert.equal(capabilities.hoverProvider, true);
  });

  it('completes Kinesis actions in an open policy', async () => {
    const { document, position } = documentWithCursor(POLICY);
    await client.open('file:///ws/a.json', document.getText());
    const items = await client.completion('file:///ws/a.json', position);
    const getShardIterator = items.find((i) => i.label === 'kinesis:GetShardIterator');
    assert.equal(getShardIterator?.detail, 'Read');
    assert.ok(!items.some((i) => i.label === 'kinesis:GetRecords'), 'already listed');
  });

  it('sends an item\'s documentation when the editor resolves it', async () => {
    const { document, position } = documentWithCursor(POLICY);
    await client.open('file:///ws/resolve.json', document.getText());
    const item = (await client.completion('file:///ws/resolve.json', position)).find((i) => i.label === 'kinesis:GetShardIterator');
    assert.ok(item);
    assert.equal(item.documentation, undefined);
    const resolved = await client.resolveCompletion(item);
    assert.equal(resolved.label, 'kinesis:GetShardIterator');
    assert.deepEqual(resolved.textEdit, item.textEdit);
    const value = (resolved.documentation as MarkupContent).value;
    assert.match(value, /shard iterator/i);
    assert.match(value, /API_GetShardIterator\.html/);
  });

  it('follows incremental edits', async () => {
    const uri = 'file:///ws/b.json';
    await client.open(uri, '{"Statement": [{"Action": "", "Resource": ""}]}');
    // Type `dynamodb:` into the Action string, then complete there.
    await client.change(uri, [{ range: { start: { line: 0, character: 27 }, end: { line: 0, character: 27 } }, text: 'dynamodb:' }]);
    const items = await client.completion(uri, { line: 0, character: 36 });
    assert.ok(items.some((i) => i.label === 'dynamodb:PutItem'));
  });

  it('answers after edits inside statements as on the same text opened afresh', async () => {
    const statements = ['orders', 'payments', 'clicks'].map(
      (stream) => `    {"Sid": "${stream}", "Effect": "Allow", "Action": ["kinesis:GetRecords"], "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/${stream}"}`,
    );
    const uri = 'file:///ws/edited.json';
    let document = TextDocument.create(uri, 'json', 1, `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.join(',\n')}\n  ]\n}`);
    await client.open(uri, document.getText());
    // Typing in the middle statement (the server updates its model there), then in the first.
    const edits: [string, string][] = [['"Sid": "payments", "Effect": "Allow", "Action": ["kinesis:GetRecords"', ', "kinesis:"'], ['"Sid": "orders"', ', "Condition": {}']];
    for (const [after, text] of edits) {
      const at = document.positionAt(document.getText().indexOf(after) + after.length);
      const change = { range: { start: at, end: at }, text };
      await client.change(uri, [change]);
      document = TextDocument.update(document, [change], document.version + 1);
      // A request on each version: the next edit updates its model.
      await client.hover(uri, at);
    }
    const fresh = 'file:///ws/fresh.json';
    await client.open(fresh, document.getText());
    const text = document.getText();
    for (const offset of [text.indexOf('"kinesis:"') + 9, text.indexOf('{}') + 1, text.lastIndexOf('GetRecords'), text.lastIndexOf('clicks')]) {
      const position = document.positionAt(offset);
      assert.deepEqual(await client.completion(uri, position), await client.completion(fresh, position));
      assert.deepEqual(await client.hover(uri, position), await client.hover(fresh, position));
    }
    assert.ok((await client.completion(uri, document.positionAt(text.indexOf('"kinesis:"') + 9))).some((i) => i.label === 'kinesis:PutRecord'));
  });

  it('offers ARN templates for the statement actions in Resource', async () => {
    const uri = 'file:///ws/c.json';
    const { document, position } = documentWithCursor(
      '{"Statement": [{"Action": "kinesis:PutRecord", "Resource": "|"}, {"Resource": "arn:aws:kinesis:eu-west-1:111122223333:stream/x"}]}',
    );
    await client.open(uri, document.getText());
    const items = await client.completion(uri, position);
    assert.deepEqual(
      items.map((i) => [i.label, i.textEdit?.newText]),
      [['stream/${StreamName}', '"arn:aws:kinesis:eu-west-1:111122223333:stream/${1|x|}"']],
    );
  });

  it('hovers an action with its access level and documentation link', async () => {
    const uri = 'file:///ws/d.json';
    await client.open(uri, '{"Statement": {"Action": "kinesis:GetRecords"}}');
    const result = await client.hover(uri, { line: 0, character: 30 });
    const value = (result?.contents as MarkupContent).value;
    assert.match(value, /Access level: \*\*Read\*\*/);
    assert.match(value, /https:\/\/docs\.aws\.amazon\.com\/kinesis\/latest\/APIReference\/API_GetRecords\.html/);
    assert.deepEqual(result?.range, { start: { line: 0, character: 25 }, end: { line: 0, character: 45 } });
  });

  it('hovers an ARN pattern as the consumers of its stream, not a stream with slashes in its name', async () => {
    const uri = 'file:///ws/consumers.json';
    await client.open(uri, '{"Statement": {"Action": "kinesis:SubscribeToShard", "Resource": "arn:aws:kinesis:eu-west-1:111122223333:stream/orders/consumer/*"}}');
    const value = ((await client.hover(uri, { line: 0, character: 90 }))?.contents as MarkupContent).value;
    assert.match(value, /^\*\*ARN pattern\*\* of `consumer` ARNs \(Amazon Kinesis Data Streams\) with StreamName `orders`/);
  });

  it('gives nothing for JSON that is not a policy', async () => {
    const uri = 'file:///ws/package.json';
    const text = '{"name": "x", "scripts": {"Action": "kinesis:"}}';
    await client.open(uri, text);
    assert.deepEqual(await client.completion(uri, { line: 0, character: 45 }), []);
    assert.equal(await client.hover(uri, { line: 0, character: 40 }), null);
  });

  it('answers requests for documents it does not know, and after close', async () => {
    await client.close('file:///ws/a.json');
    assert.deepEqual(await client.completion('file:///ws/a.json', { line: 5, character: 40 }), []);
    assert.equal(await client.hover('file:///nowhere.json', { line: 0, character: 0 }), null);
  });

  it('logs the IAM data date at start, and no error', () => {
    assert.ok(client.logs.some((l) => /IAM data of \d{4}-\d{2}-\d{2}/.test(l)), client.logs.join('\n'));
  });
});
