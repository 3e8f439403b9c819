import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionRequest, HoverRequest, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { ROOT } from '../support/catalog';
import { LspClient } from '../support/lspClient';
import { fraction, LONE_SURROGATES, oddString } from './arbitraries';
import { runs, SEED } from './fuzzConfig';
import { shown, withTimeout } from './lspSession';

/**
 * Templates and Terraform files are read again a resource or a block at a time after an edit
 * (`updateTemplate`): after a long random editing session, what the server publishes for the
 * edited document must be what it publishes for the same text opened afresh.
 */

const fixture = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');

interface Shape {
  name: string;
  /** The file name both documents share: the server treats a file by its name and language. */
  file: string;
  languageId: string;
  texts: readonly string[];
  /** What a keystroke or a paste adds, in the file's own syntax. */
  tokens: readonly string[];
}

const YAML_TOKENS = [
  '\n', '\n  ', '\n    - ', ': ', '- ', '  ', '"', "'", '#', '{', '}', '[', ']', ',', '|', '>', '&a', '*a', '!Sub ', '!GetAtt ', '!Ref ', '!Join ',
  'Action: ', 'Resource: ', 'Effect: Allow', 'Principal:', 'Statement:', 'PolicyDocument:', 'Type: AWS::IAM::Policy', 'kinesis:', 'kinesis:GetRecords',
  'arn:aws:kinesis:us-east-1:111122223333:stream/', '${AWS::Region}', '---', '...', '\t',
];
const HCL_TOKENS = [
  '\n', '{', '}', '[', ']', '"', '${', '%{', '=', ' = ', ',', '#', '//', '/*', '*/', '<<EOF\n', '\nEOF\n', '<<-EOT\n', 'jsonencode(', ')',
  'resource "aws_iam_policy" "p" {\n', 'data "aws_iam_policy_document" "d" {\n', 'statement {\n', 'actions = ["kinesis:GetRecords"]', 'resources = ["*"]',
  'policy = ', 'Action = ', 'Effect = "Allow"', 'kinesis:', 'aws_kinesis_stream.s.arn', 'count = 2', 'for_each = ', '\t',
];

const SHAPES: readonly Shape[] = [
  {
    name: 'a YAML template',
    file: 'template.yaml',
    languageId: 'yaml',
    texts: ['broken-producer.yaml', 'kcl-consumer.yaml', 'every-location.yaml', 'every-intrinsic.yaml'].map((name) => fixture('test', 'fixtures', 'templates', name)),
    tokens: YAML_TOKENS,
  },
  {
    name: 'a JSON template',
    file: 'producer.template.json',
    languageId: 'json',
    texts: [fixture('test', 'fixtures', 'templates', 'producer.template.json')],
    tokens: ['"', '{', '}', '[', ']', ',', ':', '\n', '"Action": "kinesis:', '"Resource": "*"', '{"Fn::Sub": "arn:aws:kinesis:${AWS::Region}', '"Type": "AWS::IAM::Policy"'],
  },
  {
    name: 'a Terraform file',
    file: 'main.tf',
    languageId: 'terraform',
    // The example holds two mistakes: findings to keep or lose as it is edited.
    texts: [fixture('examples', 'terraform', 'kinesis.tf'), fixture('test', 'fixtures', 'terraform', 'control-flow.tf')],
    tokens: HCL_TOKENS,
  },
];

/** A character typed into a value or over another: most leave the file's structure as it was. */
const typed = fc.constantFrom('a', 'z', 'Z', 'x', '0', '9', '1', ':', '*', '-', '_', '/', ' ', '"', "'");

/** One step: an edit (a keystroke, a character typed over, a deletion, a paste of a whole file), then maybe a request. */
const step = (shape: Shape) =>
  fc.record({
    edit: fc.oneof(
      { weight: 3, arbitrary: fc.record({ at: fraction, remove: fc.nat(3), text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...shape.tokens) }, { weight: 1, arbitrary: oddString }, { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) }) }) },
      { weight: 6, arbitrary: fc.record({ at: fraction, remove: fc.constant(0), text: typed }) },
      // The text keeps its length, and every part of it its place.
      { weight: 4, arbitrary: fc.record({ at: fraction, remove: fc.constant(1), text: typed }) },
      { weight: 1, arbitrary: fc.record({ at: fraction, remove: fc.nat(300), text: fc.constant('') }) },
      { weight: 2, arbitrary: fc.record({ at: fc.constant(0), remove: fc.constant(Infinity), text: fc.constantFrom(...shape.texts) }) },
    ),
    request: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('completion', 'hover', 'codeAction', 'none', 'none') }, { weight: 1, arbitrary: fc.constant('fix') }),
    at: fraction,
  });

/** How often the session compares its diagnostics with those of the same text opened afresh. */
const COMPARE_EVERY = 20;

describe('templates and Terraform files under a long random editing session', () => {
  let client: LspClient;

  before(async () => {
    ({ client } = await LspClient.start());
    // Every edit checked, and every finding published at once: new findings on the word just typed
    // wait for a pause otherwise (`typingPause`), and the fresh document has none held back.
    await client.changeSettings({ validate: { delay: 0, typingPause: 0 } });
  });
  after(async () => {
    await client.stop();
  });

  for (const [shapeIndex, shape] of SHAPES.entries()) {
    it(`${shape.name}: the edited document's diagnostics are those of its text opened afresh`, async (t) => {
      const uri = `file:///fuzz/edited/${shape.file}`;
      const steps = fc.sample(step(shape), { seed: SEED + shapeIndex, numRuns: runs(400) });
      let document = TextDocument.create(uri, shape.languageId, 1, shape.texts[0]);
      await client.open(uri, document.getText(), shape.languageId);
      const failures: string[] = [];
      let compared = 0;
      let withFindings = 0;
      let fixes = 0;

      // To replay a failure: the text at the last comparison, and the changes since.
      let comparedText = document.getText();
      let since: TextDocumentContentChangeEvent[] = [];
      const change = async (changes: TextDocumentContentChangeEvent[]) => {
        since.push(...changes);
        document = TextDocument.update(document, changes, document.version + 1);
        await client.change(uri, changes);
      };
      /** The edited document's diagnostics against those of its text in a document opened now. */
      const compare = async (when: string) => {
        const edited = await withTimeout(client.diagnostics(uri, (p) => p.version === document.version), `diagnostics of version ${document.version}`);
        const fresh = `file:///fuzz/fresh-${compared++}/${shape.file}`;
        await client.open(fresh, document.getText(), shape.languageId);
        const opened = await withTimeout(client.diagnostics(fresh), `diagnostics of ${fresh}`);
        await client.close(fresh);
        if (opened.diagnostics.length > 0) withFindings++;
        const replay = JSON.stringify({ from: comparedText, changes: since, to: document.getText() });
        assert.deepEqual(shown(edited.diagnostics), shown(opened.diagnostics), `${when}: the edited document and the same text opened afresh differ\n${replay}`);
        comparedText = document.getText();
        since = [];
      };

      /** Resolves one of the code actions on one of the document's findings and applies its edit, as the editor does. */
      const applyFix = async (at: number, index: number) => {
        const { diagnostics } = await withTimeout(client.diagnostics(uri, (p) => p.version === document.version), `diagnostics before a fix after edit ${index}`);
        const diagnostic = diagnostics[Math.floor(at * diagnostics.length)];
        if (!diagnostic) return;
        const offered = await withTimeout(client.codeActions(uri, diagnostic.range, [diagnostic]), `code actions after edit ${index}`);
        const actions = offered.filter((a) => a.data !== undefined || a.edit !== undefined);
        const chosen = actions[Math.floor(((at * 7919) % 1) * actions.length)];
        if (!chosen) return;
        const resolved = chosen.edit ? chosen : await withTimeout(client.resolve(chosen), `resolving "${chosen.title}" after edit ${index}`);
        const edits = resolved.edit?.changes?.[uri] ?? [];
        // Applied from the end, each edit's range is still that of the text the server resolved on.
        const fromEnd = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
        if (fromEnd.length > 0) await change(fromEnd.map(({ range, newText }) => ({ range, text: newText })));
        fixes++;
      };

      for (const [index, { edit, request, at }] of steps.entries()) {
        const length = document.getText().length;
        const start = Math.floor(edit.at * length);
        await change([{ range: { start: document.positionAt(start), end: document.positionAt(Math.min(length, start + edit.remove)) }, text: edit.text }]);
        const position = document.positionAt(Math.floor(at * document.getText().length));
        const textDocument = { uri };
        const what = `${request} after edit ${index}`;
        const answer: Promise<unknown> | undefined =
          request === 'completion'
            ? client.connection.sendRequest(CompletionRequest.type, { textDocument, position })
            : request === 'hover'
              ? client.connection.sendRequest(HoverRequest.type, { textDocument, position })
              : request === 'codeAction'
                ? client.codeActions(uri, { start: position, end: position }, [])
                : undefined;
        if (answer) await withTimeout(answer, what).catch((error: unknown) => failures.push(`${what}: ${String(error)}`));
        if (request === 'fix') await applyFix(at, index).catch((error: unknown) => failures.push(`fix after edit ${index}: ${String(error)}`));
        if ((index + 1) % COMPARE_EVERY === 0) await compare(`after edit ${index}`);
      }
      await compare('at the end');
      assert.deepEqual(failures, []);
      assert.deepEqual(client.logs.filter((l) => /failed/i.test(l)), [], 'the server caught no errors in its handlers');
      // Comparing empty lists alone would show nothing: the session must pass through texts with findings.
      assert.ok(withFindings > 0, 'no comparison had findings');
      t.diagnostic(`${steps.length} edits and ${fixes} quick fixes, ${compared} comparisons, ${withFindings} of them with findings`);
    });
  }
});
