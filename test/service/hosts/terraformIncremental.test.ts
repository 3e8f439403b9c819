import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceDocument, type PolicyLanguageService, type TemplateDocument } from '../../../server/src/service';
import { itemStarts, moveStarts } from '../../../server/src/service/hosts/terraform/hclChunks';
import { difference, pieceDifference } from '../../../server/src/service/textDifference';
import { PieceText } from '../../../server/src/service/text/pieceText';
import { kinesisTf, OPTIONS, STREAM_AND_ROLE, terraformService } from '../../support/terraform';

/** What is typed: HCL's brackets, strings, comments and heredocs among them, which change where items end. */
const INSERTS = [' ', 'a', '"', '{', '}', '[', ']', '\n', '#', '/*', '*/', '<<EOT\n', '\nEOT\n', '${', '=', 'kinesis:', '\nresource "aws_iam_policy" "x" {\n', 'aws_kinesis_stream.orders.arn'];

let service: PolicyLanguageService;

/** Random edits anywhere, evenly; the same seed gives the same edits, so that a failure can be replayed. */
function randomEdits(seed: number, count: number) {
  return fc.sample(
    fc.noBias(fc.record({ at: fc.integer({ min: 0, max: 999_999 }), removed: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 })), insert: fc.constantFrom('', ...INSERTS) })),
    { seed, numRuns: count },
  );
}

function applied(text: string, edit: ReturnType<typeof randomEdits>[number], step: number): { text: string; label: string } {
  const at = Math.floor((edit.at / 1_000_000) * text.length);
  const inserted = edit.removed === 0 && edit.insert === '' ? INSERTS[step % INSERTS.length] : edit.insert;
  return { text: text.slice(0, at) + inserted + text.slice(at + edit.removed), label: `at ${at}: ${JSON.stringify(inserted)} for ${edit.removed}` };
}

/** What a configuration reads as, for comparing two ways of getting there. */
function reading(document: TextDocument, template: TemplateDocument | undefined) {
  if (!template) return undefined;
  // Hover and completion first, as the editor asks right after an edit: they read only the item
  // under the cursor, and must find it where it is now; places in the last items too.
  const places = [...document.getText().matchAll(/kinesis:|aws_kinesis_stream\.|actions/g)].map((m) => (m.index ?? 0) + 3);
  const asked = [...places.slice(0, 2), ...places.slice(-4)];
  const hover = asked.map((at) => JSON.stringify(service.templateHover(document, document.positionAt(at), template)));
  const completion = asked.map((at) => JSON.stringify(service.templateCompletion(document, document.positionAt(at), template)?.items.slice(0, 3) ?? null));
  return {
    broken: template.broken,
    syntaxErrors: template.syntaxErrors,
    hover,
    completion,
    policies: template.policies.map((p) => `${p.resource} ${p.path} ${p.kind} ${p.partial ?? false} ${p.node.start}-${p.node.end}\n${p.document.getText()}`),
    principals: template.principals.map((p) => `${p.label} ${p.unknown.join(',')}\n${p.document.getText()}`),
    tables: template.tables,
    ownResources: template.ownResources,
    policyFiles: template.policyFiles,
    diagnostics: service.templateDiagnostics(document, template, OPTIONS).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`),
  };
}

describe('a Terraform file kept across edits', () => {
  before(async () => {
    service = await terraformService();
  });

  it('reads a file larger than the trees it holds at once as it reads each item alone', () => {
    // Past the first few dozen kilobytes, an item's tree is let go after its facts are read and
    // parsed again when its policies are: the same findings, in the same places.
    const block = (i: number) =>
      `resource "aws_iam_policy" "reader_${i}" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid      = "Read${i}"\n      Effect   = "Allow"\n      Action   = ["kinesis:GetRecord", "kinesis:GetShardIterator"]\n      Resource = "arn:aws:kinesis:us-east-1:111122223333:stream/orders-${i}"\n    }]\n  })\n}\n\n`;
    const blocks = Array.from({ length: 700 }, (_, i) => block(i));
    const text = blocks.join('');
    assert.ok(text.length > 200 * 1024);
    const found = (source: string, uri: string) => {
      const document = TextDocument.create(uri, 'terraform', 1, source);
      const template = service.parseTemplate(document);
      assert.ok(template);
      return service.templateDiagnostics(document, template, OPTIONS).map((d) => ({ line: d.range.start.line, character: d.range.start.character, code: String(d.code) }));
    };
    const whole = found(text, 'file:///ws/large.tf');
    let line = 0;
    const alone = blocks.flatMap((b, i) => {
      const shifted = found(b, `file:///ws/alone-${i}.tf`).map((d) => ({ ...d, line: d.line + line }));
      line += b.split('\n').length - 1;
      return shifted;
    });
    assert.equal(whole.filter((d) => d.code === 'iam/unknown-action').length, 700);
    assert.deepEqual(whole, alone);
  });

  it('finds where its items start after an edit as a scan of the whole text does', () => {
    for (const [fixture, seed] of [[kinesisTf(), 3], [readFileSync('test/fixtures/terraform/control-flow.tf', 'utf8'), 11]] as const) {
      let text = fixture;
      // The text in short pieces, as the server holds a document: the scan reads a part of it.
      let pieces = PieceText.of(text, 256);
      let starts = itemStarts(text);
      assert.ok(starts.length > 10, 'the fixture has items');
      for (const [step, edit] of randomEdits(seed, 300).entries()) {
        const next = applied(text, edit, step);
        const changed = difference(text, next.text);
        const nextPieces = pieces.replace(changed.start, text.length - changed.suffix, next.text.slice(changed.start, next.text.length - changed.suffix));
        starts = moveStarts(starts, pieceDifference(pieces, nextPieces), nextPieces);
        assert.equal(nextPieces.isFlat, false, 'the scan does not make the text whole');
        text = next.text;
        pieces = nextPieces;
        assert.deepEqual(starts, itemStarts(text), `after edit ${step} ${next.label}`);
      }
    }
  });

  for (const [name, seed, least] of [['the example configuration', 5, 120], ['the control-flow fixture', 9, 120]] as const) {
    it(`reads after each edit as a fresh parse does: ${name}, 150 random edits`, () => {
      let text = name === 'the example configuration' ? kinesisTf() : readFileSync('test/fixtures/terraform/control-flow.tf', 'utf8');
      // Edited as the server holds a document, in short pieces (see PieceText).
      const document = new PieceDocument('file:///ws/main.tf', 'terraform', 1, text, 64);
      let kept = service.parseTemplate(document);
      let reused = 0;
      for (const [step, edit] of randomEdits(seed, 150).entries()) {
        const next = applied(text, edit, step);
        const changed = difference(text, next.text);
        const range = { start: document.positionAt(changed.start), end: document.positionAt(text.length - changed.suffix) };
        document.update([{ range, text: next.text.slice(changed.start, next.text.length - changed.suffix) }], step + 2);
        text = next.text;
        assert.equal(document.text.slice(0), text);
        // Read afresh under a URI of its own: a URI's last reading, even of a file that held no policy, is read from.
        const fresh = service.parseTemplate(TextDocument.create(`file:///ws/fresh-${name.length}-${step}.tf`, 'terraform', 1, text));
        const updated = kept ? service.updateTemplate(kept, document) : undefined;
        if (updated) reused++;
        const incremental = updated ?? service.parseTemplate(document);
        assert.deepEqual(reading(document, incremental), reading(document, fresh), `after edit ${step} ${next.label}`);
        kept = incremental;
      }
      assert.ok(reused >= least, `the file was kept across edits (${reused} of 150)`);
    });
  }

  it('reads the next version of a file that held no policy from it: a policy typed into it is read', () => {
    const uri = 'file:///ws/no-policy.tf';
    const streams = Array.from({ length: 40 }, (_, i) => `resource "aws_kinesis_stream" "s${i}" {\n  name        = "s${i}"\n  shard_count = 1\n}\n`).join('\n');
    assert.equal(service.parseTemplate(TextDocument.create(uri, 'terraform', 1, streams)), undefined);
    const edited = streams.replace('shard_count = 1', 'shard_count = 2');
    assert.equal(service.parseTemplate(TextDocument.create(uri, 'terraform', 2, edited)), undefined);
    const withPolicy = `${edited}\ndata "aws_iam_policy_document" "reader" {\n  statement {\n    actions   = ["kinesis:GetRecordz"]\n    resources = [aws_kinesis_stream.s3.arn]\n  }\n}\n`;
    const document = TextDocument.create(uri, 'terraform', 3, withPolicy);
    const template = service.parseTemplate(document);
    assert.deepEqual(template?.policies.map((p) => p.resource), ['data.aws_iam_policy_document.reader']);
    assert.match(template?.policies[0].document.getText() ?? '', /:stream\/s3"/);
    const fresh = service.parseTemplate(TextDocument.create('file:///ws/fresh-policy.tf', 'terraform', 1, withPolicy));
    assert.deepEqual(reading(document, template), reading(document, fresh));
  });

  it('keeps the policies of the items an edit does not touch, moved, and reads again those whose references changed', () => {
    const text = kinesisTf();
    const first = service.parseTemplate(TextDocument.create('file:///ws/main.tf', 'terraform', 1, text))!;
    const trust = first.policies.find((p) => p.resource === 'aws_iam_role.consumer');
    const producer = first.policies.find((p) => p.resource === 'data.aws_iam_policy_document.producer');
    // An edit before both: the stream's shard count.
    const edited = text.replace('shard_count = 1', 'shard_count = 10');
    const second = service.updateTemplate(first, TextDocument.create('file:///ws/main.tf', 'terraform', 2, edited))!;
    assert.equal(second.policies.find((p) => p.resource === 'aws_iam_role.consumer'), trust, 'the same policy object');
    assert.equal(trust?.map.toHost(trust.document.getText().indexOf('sts:AssumeRole')), edited.indexOf('sts:AssumeRole'));
    assert.equal(second.policies.find((p) => p.resource === 'data.aws_iam_policy_document.producer'), producer);
    // The stream renamed: the document that names it by reference is read again, with its new ARN.
    const renamed = edited.replace('name        = "orders"', 'name        = "payments"');
    const third = service.updateTemplate(second, TextDocument.create('file:///ws/main.tf', 'terraform', 3, renamed))!;
    const again = third.policies.find((p) => p.resource === 'data.aws_iam_policy_document.producer');
    assert.notEqual(again, producer);
    assert.match(again?.document.getText() ?? '', /:stream\/payments"/);
    assert.equal(third.policies.find((p) => p.resource === 'aws_iam_role.consumer'), trust);
  });

  it("keeps a role's view, with its findings, while its policies are the same and where they were", () => {
    // A role's two policies, which together read half a shard: the role's view has the findings.
    const text = `${STREAM_AND_ROLE}resource "aws_iam_role_policy" "iterate" {
  role   = aws_iam_role.consumer.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["kinesis:DescribeStreamSummary", "kinesis:ListShards"], Resource = aws_kinesis_stream.orders.arn }] })
}
resource "aws_iam_role_policy" "read" {
  role   = aws_iam_role.consumer.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["kinesis:GetRecords"], Resource = aws_kinesis_stream.orders.arn }] })
}
`;
    const uri = 'file:///ws/role.tf';
    const version = (t: string, v: number) => TextDocument.create(uri, 'terraform', v, t);
    const fresh = (t: string, name: string) => service.parseTemplate(TextDocument.create(`file:///ws/fresh-role-${name}.tf`, 'terraform', 1, t));
    const first = version(text, 1);
    const before = service.parseTemplate(first)!;
    const read = reading(first, before)!;
    assert.deepEqual(before.principals.map((p) => p.label), ['role aws_iam_role.consumer']);
    assert.ok(read.diagnostics.some((d) => d.includes('consumer/incomplete-read') && d.includes('with all its policies')), 'the role reads half a shard');
    // A stream added after them: the same view.
    const added = version(`${text}resource "aws_kinesis_stream" "other" {\n  name        = "other"\n  shard_count = 1\n}\n`, 2);
    const kept = service.updateTemplate(before, added)!;
    assert.deepEqual(reading(added, kept), reading(added, fresh(added.getText(), 'added')));
    assert.equal(kept.principals[0], before.principals[0], 'the role kept as it was');
    // GetShardIterator granted in one of them: written and checked again.
    const mended = version(added.getText().replace('["kinesis:DescribeStreamSummary"', '["kinesis:GetShardIterator", "kinesis:DescribeStreamSummary"'), 3);
    const changed = service.updateTemplate(kept, mended)!;
    assert.deepEqual(reading(mended, changed), reading(mended, fresh(mended.getText(), 'mended')));
    assert.notEqual(changed.principals[0], kept.principals[0]);
    assert.ok(!reading(mended, changed)!.diagnostics.some((d) => d.includes('consumer/incomplete-read')), 'the role reads the shard whole');
  });
});
