import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { yamlValue } from '../support/templates';

const KCL = readFileSync('test/fixtures/templates/kcl-consumer.yaml', 'utf8');
const BROKEN = readFileSync('test/fixtures/templates/broken-producer.yaml', 'utf8');
const CDK = readFileSync('test/fixtures/templates/producer.template.json', 'utf8');

describe('templates over LSP', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client.stop();
  });

  it('publishes the findings of a YAML template where they are written, and none for other YAML', async () => {
    const uri = 'file:///ws/broken-producer.yaml';
    await client.open(uri, BROKEN, 'yaml');
    const { diagnostics } = await client.diagnostics(uri);
    const document = TextDocument.create(uri, 'yaml', 1, BROKEN);
    const found = diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${document.getText(d.range)}`);
    assert.ok(found.includes('11:17 iam/unknown-action kinesis:PutRecordz'), found.join('\n'));
    assert.ok(found.includes('13:23 iam/invalid-arn arn:aws:kinesis:cn-north-1:111122223333:stream/orders'), found.join('\n'));

    const compose = 'file:///ws/docker-compose.yaml';
    await client.open(compose, 'services:\n  web:\n    image: nginx\n    command: ["kinesis:PutRecordz"]\n', 'yaml');
    assert.deepEqual((await client.diagnostics(compose)).diagnostics, []);
    const consumer = 'file:///ws/kcl-consumer.yaml';
    await client.open(consumer, KCL, 'yaml');
    assert.deepEqual(
      (await client.diagnostics(consumer)).diagnostics.filter((d) => (d.severity ?? 1) <= 2),
      [],
      'the intrinsic functions of the KCL template raise no alarm',
    );
    for (const name of ['every-location.yaml', 'every-intrinsic.yaml']) {
      const uri = `file:///ws/${name}`;
      await client.open(uri, readFileSync(`test/fixtures/templates/${name}`, 'utf8'), 'yaml');
      assert.deepEqual((await client.diagnostics(uri)).diagnostics.filter((d) => (d.severity ?? 1) <= 2), [], name);
    }
  });

  it('hovers, completes and fixes in YAML, in the template’s own syntax', async () => {
    const uri = 'file:///ws/broken-producer.yaml';
    const document = TextDocument.create(uri, 'yaml', 1, BROKEN);
    const hover = await client.hover(uri, document.positionAt(BROKEN.indexOf('kinesis:PutRecords') + 9));
    assert.match((hover?.contents as MarkupContent).value, /PutRecords/);

    const items = await client.completion(uri, document.positionAt(BROKEN.indexOf('kinesis:PutRecords') + 'kinesis:'.length));
    const item = items.find((i) => i.label === 'kinesis:PutRecord');
    assert.equal(item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined, 'kinesis:PutRecord');

    const { diagnostics } = await client.diagnostics(uri);
    const unknown = diagnostics.find((d) => d.code === 'iam/unknown-action')!;
    const actions = await client.codeActions(uri, unknown.range, [unknown], ['quickfix']);
    const fix = actions.find((a) => a.title === 'Change to kinesis:PutRecord');
    assert.ok(fix?.edit, 'template actions come with their edits');
    const fixed = TextDocument.applyEdits(document, fix.edit.changes?.[uri] ?? []);
    assert.equal(fixed, BROKEN.replace('kinesis:PutRecordz', 'kinesis:PutRecord'));

    const inserts = await client.codeActions(uri, unknown.range, [], ['refactor.insert']);
    const producer = inserts.find((a) => a.title === 'Add Kinesis producer statement');
    const inserted = TextDocument.applyEdits(document, producer?.edit?.changes?.[uri] ?? []);
    assert.match(inserted, /\n {10}- Sid: KinesisProducer\n {12}Effect: Allow\n/);
    assert.doesNotThrow(() => yamlValue(inserted));
  });

  it('fixes all of a template’s policies at once, the edit made when the fix-all is resolved', async () => {
    const uri = 'file:///ws/two-policies.yaml';
    const policy = (name: string, action: string) =>
      `  ${name}:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Action: ${action}\n            Resource: arn:aws:kinesis:us-east-1:111122223333:stream/orders\n`;
    const text = `Resources:\n${policy('Writer', 'kinesis:PutRecordz')}${policy('Lister', 'kinesis:ListShardz')}`;
    const document = TextDocument.create(uri, 'yaml', 1, text);
    await client.open(uri, text, 'yaml');
    await client.diagnostics(uri);
    const whole = { start: document.positionAt(0), end: document.positionAt(text.length) };
    const [fixAll, ...more] = await client.codeActions(uri, whole, [], ['source.fixAll']);
    assert.deepEqual(more, []);
    assert.equal(fixAll?.edit, undefined, 'resolved when picked');
    const resolved = await client.resolve(fixAll);
    assert.equal(TextDocument.applyEdits(document, resolved.edit?.changes?.[uri] ?? []), text.replace('PutRecordz', 'PutRecord').replace('ListShardz', 'ListShards'));
  });

  it('reads CDK output in JSON, naming the construct path', async () => {
    const uri = 'file:///ws/cdk.out/ProducerStack.template.json';
    await client.open(uri, CDK);
    const { diagnostics } = await client.diagnostics(uri);
    const unknown = diagnostics.find((d) => d.code === 'iam/unknown-action');
    assert.ok(unknown);
    assert.equal(TextDocument.create(uri, 'json', 1, CDK).getText(unknown.range), '"kinesis:PutRecordz"');
    assert.match(typeof unknown.message === 'string' ? unknown.message : unknown.message.value, /\(ProducerStack\/ProducerPolicy\/Resource\)$/);
  });
});
