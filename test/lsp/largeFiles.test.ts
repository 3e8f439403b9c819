import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { STEPWISE_FROM } from '../../server/src/service/policy/parseSteps';
import { LspClient } from '../support/lspClient';
import { diagnose } from '../support/service';
import { largeYaml } from '../support/templates';

/** A policy of about `bytes` characters: many statements of the usual shapes. */
function bigPolicy(bytes: number): string {
  const statements: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const statement = JSON.stringify({
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: ['kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'dynamodb:GetItem'],
      Resource: [`arn:aws:kinesis:us-east-1:111122223333:stream/s${i}`, `arn:aws:dynamodb:us-east-1:111122223333:table/t${i}`],
    });
    statements.push(statement);
    size += statement.length + 2;
  }
  return `{"Version": "2012-10-17", "Statement": [\n${statements.join(',\n')}\n]}`;
}

describe('large documents', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client.stop();
  });

  it('answer completion in a small document while a 5 MB policy is being validated', async () => {
    const small = 'file:///ws/small.json';
    await client.open(small, '{"Statement": [{"Action": "kinesis:"}]}');
    await client.diagnostics(small);
    const order: string[] = [];
    const mark = client.published.length;
    await client.open('file:///ws/big.json', bigPolicy(5 * 1024 * 1024));
    const diagnostics = client.diagnostics('file:///ws/big.json', () => true, mark, 60_000).then(() => order.push('big validated'));
    const items = await client.completion(small, { line: 0, character: 35 });
    order.push('completion answered');
    assert.ok(items.some((i) => i.label === 'kinesis:GetRecords'));
    await diagnostics;
    assert.deepEqual(order, ['completion answered', 'big validated']);
  });

  it('answer completion in a small document while a large template is read and checked', async () => {
    const small = 'file:///ws/small-beside-template.json';
    await client.open(small, '{"Statement": [{"Action": "kinesis:"}]}');
    await client.diagnostics(small);
    const uri = 'file:///ws/large-stack.yaml';
    const mark = client.published.length;
    await client.open(uri, largeYaml(150), 'yaml');
    let checked = false;
    const checking = client.diagnostics(uri, (p) => p.diagnostics.length > 0, mark, 60_000).then(() => (checked = true));
    // One completion after another while the template is read and checked: a server that read it
    // in one go would answer one before it starts and the next only once it is done.
    let answered = 0;
    while (!checked) {
      const items = await client.completion(small, { line: 0, character: 35 });
      assert.ok(items.some((i) => i.label === 'kinesis:GetRecords'));
      if (!checked) answered++;
    }
    await checking;
    assert.ok(answered >= 5, `${answered} completions answered while the template was read and checked`);
  });

  it('show the first check of a large template as work in progress, begun and ended, and none for a small policy', async () => {
    const uri = 'file:///ws/progress%20stack.yaml';
    const from = client.progress.length;
    const mark = client.published.length;
    await client.open(uri, largeYaml(700), 'yaml');
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0, mark, 120_000);
    assert.ok(diagnostics.length > 0);
    // Ended as the findings are published.
    await client.until(() => client.progress.slice(from).find((p) => p.value.kind === 'end'), 'the end of the progress');
    const shown = client.progress.slice(from);
    assert.deepEqual(
      shown.map((p) => p.value.kind),
      ['begin', 'end'],
    );
    assert.equal(shown[0].token, shown[1].token);
    assert.deepEqual(shown[0].value, { kind: 'begin', title: 'Kinesis Policy', message: 'Checking progress stack.yaml' });

    const small = 'file:///ws/small-no-progress.json';
    const before = client.published.length;
    await client.open(small, '{"Statement": [{"Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": "*"}]}');
    await client.diagnostics(small, () => true, before);
    assert.equal(client.progress.length, from + 2, 'a quick check shows nothing');
  });

  it('answer a request on a large template just opened once it is read, and other documents meanwhile', async () => {
    const small = 'file:///ws/small-beside-lightbulb.json';
    await client.open(small, '{"Statement": [{"Action": "kinesis:"}]}');
    await client.diagnostics(small);
    const uri = 'file:///ws/large-stack-lightbulb.yaml';
    const text = largeYaml(150);
    await client.open(uri, text, 'yaml');
    // As the editor asks for the lightbulb of a document it has just shown: read at once, the
    // template would hold the server for as long as its reading takes.
    const at = text.indexOf('kinesis:Get*');
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - text.lastIndexOf('\n', at) - 1;
    let hovered = false;
    const hovering = client.hover(uri, { line, character: character + 3 }).then((hover) => {
      hovered = true;
      return hover;
    });
    let answered = 0;
    while (!hovered) {
      await client.completion(small, { line: 0, character: 35 });
      if (!hovered) answered++;
    }
    assert.match(JSON.stringify((await hovering)?.contents), /kinesis:Get/);
    assert.ok(answered >= 5, `${answered} completions answered while the template was read`);
  });

  it('read a policy parsed in steps as a whole parse reads it', async () => {
    // Broken here and there, so that some statements and what lies between them hold syntax errors.
    const text = bigPolicy(600 * 1024)
      .replace('"Sid":"S7"', '"Sid":"S7",,')
      .replace('"Sid":"S900",', '"Sid":"S900" "Effect":')
      .replace('{"Sid":"S1500"', '/* { */ {"Sid":"S1500"');
    assert.ok(text.length > STEPWISE_FROM);
    // Every finding, not the first thousand.
    await client.changeSettings({ validate: { maxProblems: 1_000_000 } });
    const uri = 'file:///ws/stepwise.json';
    const mark = client.published.length;
    await client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri, () => true, mark, 60_000);
    const expected = diagnose(text);
    assert.ok(expected.length > 1000, `${expected.length} findings`);
    const brief = (d: Diagnostic) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message];
    assert.deepEqual(diagnostics.map(brief), expected.map(brief));
  });

  it('publish the problems VS Code shows of a policy with thousands, and a note of the rest', async () => {
    await client.changeSettings({});
    // Errors near the end, after more than a thousand findings of lower severity.
    const text = bigPolicy(300 * 1024).replace('"Sid":"S950",', '"Sid":"S950","Action":"kinesis:GetRecordz","NotAction":"s3:*",');
    const expected = diagnose(text);
    const errors = expected.filter((d) => d.severity === 1);
    assert.ok(expected.indexOf(errors[0]) >= 999, `the first error is finding ${expected.indexOf(errors[0])}`);
    assert.ok(errors.length > 0 && errors.length < 999 && expected.length > 1000, `${errors.length} errors of ${expected.length} findings`);
    const uri = 'file:///ws/thousands.json';
    const mark = client.published.length;
    await client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri, () => true, mark, 60_000);
    assert.equal(diagnostics.length, 1000);
    // The errors, then the first of the rest.
    const brief = (d: Diagnostic) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`;
    const shown = new Set(diagnostics.slice(0, -1).map(brief));
    for (const error of errors) assert.ok(shown.has(brief(error)), brief(error));
    assert.equal(diagnostics.filter((d) => d.severity !== 1).length, 999 - errors.length + 1);
    const note = diagnostics[999];
    assert.equal(note.code, 'too-many-problems');
    assert.equal(
      note.message,
      `${expected.length - 999} more problems in this file are not shown (the kinesisPolicy.validate.maxProblems setting is 1000). The kinesis-policy check command lists them all.`,
    );
    // The note is no rule: it has no documentation to show.
    const actions = await client.codeActions(uri, note.range, [note]);
    assert.deepEqual(actions.filter((a) => /documentation/i.test(a.title)).map((a) => a.title), []);
    // A smaller limit from the settings, published again at once.
    const again = client.published.length;
    await client.changeSettings({ validate: { maxProblems: 10 } });
    const fewer = await client.diagnostics(uri, () => true, again, 60_000);
    assert.equal(fewer.diagnostics.length, 10);
    assert.equal(fewer.diagnostics[9].code, 'too-many-problems');
  });

  it('leave files over the size limit alone, with one note', async () => {
    await client.changeSettings({ validate: { maxFileSize: 1 } });
    const mark = client.published.length;
    const uri = 'file:///ws/huge.json';
    const text = bigPolicy(1.5 * 1024 * 1024);
    await client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri, () => true, mark);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['file-too-large', 3, 0]]);
    assert.match(typeof diagnostics[0].message === "string" ? diagnostics[0].message : "", /^This file is 1\.5 MB, over the 1\.0 MB of the kinesisPolicy\.validate\.maxFileSize setting/);
    assert.deepEqual(await client.completion(uri, { line: 1, character: 30 }), []);
  });

  it('keep the note on a file over the size limit as it is edited, by its "Statement" key wherever it lies', async () => {
    await client.changeSettings({ validate: { maxFileSize: 1 } });
    const uri = 'file:///ws/huge-edited.json';
    // The key's colon after a run of white space that crosses an edge of the pieces the server holds the text in.
    const text = `{"Padding": "${'x'.repeat(16_350)}", "Statement"${' '.repeat(600)}: [], "More": "${'y'.repeat(1.1 * 1024 * 1024)}"}`;
    let mark = client.published.length;
    await client.open(uri, text);
    assert.deepEqual((await client.diagnostics(uri, () => true, mark)).diagnostics.map((d) => d.code), ['file-too-large']);
    // An edit before the key: the server reads this version from its pieces.
    mark = client.published.length;
    await client.change(uri, [{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 14 } }, text: 'z' }]);
    assert.deepEqual((await client.diagnostics(uri, (p) => p.version === 2, mark)).diagnostics.map((d) => d.code), ['file-too-large']);
    // The colon taken away: no policy key, no note.
    const colon = text.indexOf(': []') + 1;
    mark = client.published.length;
    await client.change(uri, [{ range: { start: { line: 0, character: colon }, end: { line: 0, character: colon + 1 } }, text: '' }]);
    assert.deepEqual((await client.diagnostics(uri, (p) => p.version === 3, mark)).diagnostics, []);
  });

  it('say nothing about large files that are not policies', async () => {
    const mark = client.published.length;
    const uri = 'file:///ws/package-lock.json';
    await client.open(uri, JSON.stringify({ name: 'x', packages: Object.fromEntries(Array.from({ length: 30000 }, (_, i) => [`node_modules/p${i}`, { version: '1.0.0' }])) }));
    assert.deepEqual((await client.diagnostics(uri, () => true, mark)).diagnostics, []);
  });
});
