import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { DocumentAnswersNotification, EditorIndentationNotification, FillPlaceholdersRequest, KnownNamesRequest, NewPolicyRequest } from '../../common/src/protocol';
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

  it('answers other requests while fix-all works through a large policy, and fixes it whole', async () => {
    const statements = Array.from({ length: 600 }, (_, i) => ({
      Sid: `S${i}`,
      Effect: 'allow',
      Action: ['kinesis:PutRecrods', 'kinesis:DescribeStreamSumary'],
      Resource: `arn:aws:kinesis:us-east-1:111122223333:stream/s${i}`,
    }));
    const uri = 'file:///ws/large.json';
    const text = `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
    await client.open(uri, text);
    await client.open('file:///ws/small.json', SHARE);
    await client.diagnostics(uri);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll] = (await client.codeActions(uri, whole, [], ['source.fixAll'])).filter((a) => a.kind?.startsWith('source.fixAll'));
    assert.ok(fixAll, 'fix-all is offered');
    // Asked after fix-all, answered before it: the server works on it in steps.
    const order: string[] = [];
    const resolving = client.resolve(fixAll).then((resolved) => {
      order.push('fix-all');
      return resolved;
    });
    await client.hover('file:///ws/small.json', { line: 7, character: 20 }).then(() => order.push('hover'));
    const resolved = await resolving;
    assert.deepEqual(order, ['hover', 'fix-all']);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), resolved.edit?.changes?.[uri] ?? []);
    const after = (JSON.parse(fixed) as { Statement: { Effect: string; Action: string[] }[] }).Statement;
    assert.ok(after.every((st) => st.Effect === 'Allow' && st.Action.join() === 'kinesis:PutRecords,kinesis:DescribeStreamSummary'));
  });

  it('gives fix-all no edit when the document changes while it works', async () => {
    const statements = Array.from({ length: 600 }, (_, i) => ({
      Sid: `S${i}`,
      Effect: 'allow',
      Action: ['kinesis:PutRecrods'],
      Resource: `arn:aws:kinesis:us-east-1:111122223333:stream/s${i}`,
    }));
    const uri = 'file:///ws/changing.json';
    const text = `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
    await client.open(uri, text);
    await client.diagnostics(uri);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll] = (await client.codeActions(uri, whole, [], ['source.fixAll'])).filter((a) => a.kind?.startsWith('source.fixAll'));
    assert.ok(fixAll, 'fix-all is offered');
    // A line typed at the top while fix-all works: its edit, made for the text before, would land a line off.
    const resolving = client.resolve(fixAll);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const resolved = await resolving;
    assert.deepEqual(resolved.edit?.changes?.[uri], []);
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

  it("renders a New Policy in a China region with the China partition", async () => {
    const { text } = await client.connection.sendRequest(NewPolicyRequest.type, { role: 'producer', region: 'cn-north-1', account: '111122223333', stream: 'orders' });
    assert.match(text, /"arn:aws-cn:kinesis:cn-north-1:111122223333:stream\/orders"/);
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

  it('fills in a placeholder: a quick fix that runs the client command, then the edits the server computes', async () => {
    const uri = 'file:///ws/placeholders.json';
    await client.open(uri, '');
    const [kcl3] = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['refactor.insert'])).filter((a) =>
      a.title.includes('KCL 3.x'),
    );
    const inserted = (await client.resolve(kcl3)).edit?.changes?.[uri] ?? [];
    const text = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, ''), inserted);
    await client.change(uri, [{ text }]);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 2);
    const stream = diagnostics.find((d) => d.code === 'iam/placeholder' && JSON.stringify(d.data).includes('STREAM_NAME'))!;
    const actions = await client.codeActions(uri, stream.range, [stream]);
    const fill = actions.find((a) => a.title === 'Fill in STREAM_NAME...')!;
    assert.equal(fill.isPreferred, true);
    assert.deepEqual(fill.command, { title: 'Fill in STREAM_NAME', command: 'kinesisPolicy.fillPlaceholders', arguments: [uri, 'STREAM_NAME'] });
    const all = actions.find((a) => a.title === 'Fill in all 4 placeholders...')!;
    assert.deepEqual(all.command?.arguments, [uri]);

    // What the command asks the server: the placeholders, and names other policies use.
    const other = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: 'arn:aws:kinesis:eu-west-1:123456789012:stream/StockTradeStream' }] });
    const known = await client.connection.sendRequest(KnownNamesRequest.type, { uri, texts: [other] });
    assert.deepEqual(known.placeholders.map((p) => [p.name, p.kind]), [
      ['REGION', 'region'],
      ['ACCOUNT_ID', 'account'],
      ['STREAM_NAME', 'stream'],
      ['APPLICATION_NAME', 'application'],
    ]);
    // The other text's names, beside those of the documents open in the editor.
    assert.ok(known.names.stream?.includes('StockTradeStream'), String(known.names.stream));
    assert.ok(known.names.region?.includes('eu-west-1'), String(known.names.region));

    const values = { REGION: 'us-east-1', ACCOUNT_ID: '123456789012', STREAM_NAME: 'StockTradeStream', APPLICATION_NAME: 'StockTradeApp' };
    assert.deepEqual(await client.connection.sendRequest(FillPlaceholdersRequest.type, { uri, version: 1, values }), [], 'no edits for a stale version');
    const edits = await client.connection.sendRequest(FillPlaceholdersRequest.type, { uri, version: 2, values });
    const filled = TextDocument.applyEdits(TextDocument.create(uri, 'json', 2, text), edits);
    assert.doesNotMatch(filled, /REGION|ACCOUNT_ID|STREAM_NAME|APPLICATION_NAME/);
    assert.match(filled, /"arn:aws:dynamodb:us-east-1:123456789012:table\/StockTradeApp-WorkerMetricStats"/);
    assert.deepEqual(
      diagnose(filled).filter((d) => d.severity === 1 || d.severity === 2),
      [],
    );
  });

  it("indents inserted statements as the document's editor does", async () => {
    const uri = 'file:///ws/indented.json';
    await client.open(uri, '');
    await client.connection.sendNotification(EditorIndentationNotification.type, { uri, tabSize: 3, insertSpaces: true });
    const insert = async () => {
      const [producer] = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['refactor.insert'])).filter(
        (a) => a.title === 'Add Kinesis producer statement',
      );
      return (await client.resolve(producer)).edit?.changes?.[uri]?.[0].newText ?? '';
    };
    assert.match(await insert(), /^\{\n {3}"Version": "2012-10-17",\n {3}"Statement": \[\n {6}\{\n {9}"Sid"/);
    await client.connection.sendNotification(EditorIndentationNotification.type, { uri, tabSize: 4, insertSpaces: false });
    assert.match(await insert(), /^\{\n\t"Version": "2012-10-17",\n\t"Statement": \[\n\t\t\{\n\t\t\t"Sid"/);
  });

  it('shows no KMS hint on a policy whose stream New Policy was told is not encrypted, also once saved under its name', async () => {
    const text = (
      await client.connection.sendRequest(NewPolicyRequest.type, { role: 'producer', region: 'us-east-1', account: '111122223333', stream: 'orders' })
    ).text;
    const kms = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.filter((d) => d.code === 'kinesis/kms-permissions').length;
    await client.open('file:///ws/told-nothing.policy.json', text);
    assert.equal(kms(await client.diagnostics('file:///ws/told-nothing.policy.json')), 1);
    await client.connection.sendNotification(DocumentAnswersNotification.type, { uri: 'untitled:/ws/orders-producer.policy.json', streamEncrypted: false });
    await client.open('untitled:/ws/orders-producer.policy.json', text);
    assert.equal(kms(await client.diagnostics('untitled:/ws/orders-producer.policy.json')), 0);
    await client.open('file:///ws/orders-producer.policy.json', text);
    assert.equal(kms(await client.diagnostics('file:///ws/orders-producer.policy.json')), 0);
  });

  it('fixes a misspelt condition operator through the server', async () => {
    const uri = 'file:///ws/condition.json';
    const text = JSON.stringify(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders', Condition: { StringEqual: { 'aws:SourceAccount': '111122223333' } } }] },
      null,
      2,
    );
    await client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri);
    const operator = diagnostics.find((d) => d.code === 'iam/condition-unknown-operator')!;
    assert.equal(operator.severity, 1);
    const action = (await client.codeActions(uri, operator.range, [operator])).find((a) => a.title === 'Change to StringEquals')!;
    const edits: TextEdit[] = (await client.resolve(action)).edit?.changes?.[uri] ?? [];
    const result = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), edits);
    assert.match(result, /"StringEquals": \{/);
    assert.ok(!diagnose(result).some((d) => String(d.code).startsWith('iam/condition-')));
  });
});
