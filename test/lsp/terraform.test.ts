import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../support/lspClient';
import { kinesisTf } from '../support/terraform';

const KINESIS = kinesisTf();

describe('Terraform over LSP', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client.stop();
  });

  it('publishes the findings of a .tf file where the HCL has them, completes and fixes in its strings', async () => {
    const uri = 'file:///ws/main.tf';
    const text = KINESIS.replace('"kinesis:PutRecords",', '"kinesis:PutRecordss",');
    await client.open(uri, text, 'terraform');
    // The grammar loads when the first Terraform file opens: its findings follow.
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const document = TextDocument.create(uri, 'terraform', 1, text);
    assert.deepEqual(
      diagnostics.filter((d) => (d.severity ?? 1) <= 2).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${document.getText(d.range)}`),
      ['39:39 iam/unknown-action "kinesis:PutRecordss"'],
    );
    const [unknown] = diagnostics.filter((d) => d.code === 'iam/unknown-action');
    const fix = (await client.codeActions(uri, unknown.range, [unknown], ['quickfix'])).find((a) => a.title === 'Change to kinesis:PutRecords');
    const resolved = fix && (fix.edit ? fix : await client.resolve(fix));
    assert.equal(TextDocument.applyEdits(document, resolved?.edit?.changes?.[uri] ?? []), KINESIS);

    const at = document.positionAt(text.indexOf('kinesis:GetShardIterator') + 'kinesis:GetSh'.length);
    const item = (await client.completion(uri, at)).find((i) => i.label === 'kinesis:GetShardIterator');
    assert.equal(item?.textEdit && 'range' in item.textEdit ? item.textEdit.newText : undefined, '"kinesis:GetShardIterator"');
    const hover = await client.hover(uri, at);
    assert.match(JSON.stringify(hover?.contents), /kinesis:GetShardIterator/);
  });

  it('reads a policy file as the kind of policy the Terraform file that reads it makes it', async () => {
    const share = 'file:///ws/policies/share.json';
    // No Principal: on its own an identity policy; as a stream's resource policy, IAM rejects it.
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders"}]}';
    await client.open(share, text);
    const before = await client.diagnostics(share);
    assert.ok(!before.diagnostics.some((d) => d.code === 'resource-policy/missing-principal'));
    const from = client.published.length;
    await client.open('file:///ws/share.tf', 'resource "aws_kinesis_resource_policy" "share" {\n  resource_arn = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"\n  policy       = file("${path.module}/policies/share.json")\n}\n', 'terraform');
    const after = await client.diagnostics(share, (p) => p.diagnostics.some((d) => d.code === 'resource-policy/missing-principal'), from);
    assert.ok(after.diagnostics.some((d) => d.code === 'resource-policy/missing-principal'));
  });

  it('says nothing of Terraform that holds no policy', async () => {
    const uri = 'file:///ws/variables.tf';
    await client.open(uri, 'variable "region" {\n  type = string\n}\n', 'terraform');
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
  });
});
