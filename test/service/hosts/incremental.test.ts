import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceDocument, type TemplateDocument } from '../../../server/src/service';
import { service } from '../../support/service';
import { OPTIONS } from '../../support/templates';

const INSERTS = [' ', 'a', 'z', ':', '\n', '- ', '!', "'", 'Z', '\n      ', 'kinesis:'];

/** What a template reads as, for comparing two ways of getting there. */
function reading(document: TextDocument, template: TemplateDocument | undefined, text = document.getText()) {
  if (!template) return undefined;
  // Hover and completion first, as the editor asks right after an edit: they read only the
  // resource under the cursor, and must find it where it is now. Places in the last resources
  // too, which an edit before them moves.
  const places = [...text.matchAll(/kinesis:|!GetAtt |Resource: /g)].map((m) => (m.index ?? 0) + 3);
  const asked = [...places.slice(0, 2), ...places.slice(-4)];
  const hover = asked.map((at) => JSON.stringify(service.templateHover(document, document.positionAt(at), template)));
  const completion = asked.map((at) => JSON.stringify(service.templateCompletion(document, document.positionAt(at), template)?.items.slice(0, 3) ?? null));
  return {
    broken: template.broken,
    hover,
    completion,
    policies: template.policies.map((p) => `${p.resource} ${p.path} ${p.kind} ${p.node.start}-${p.node.end}\n${p.document.getText()}`),
    principals: template.principals.map((p) => `${p.label}\n${p.document.getText()}`),
    diagnostics: service.templateDiagnostics(document, template, OPTIONS).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`),
  };
}

describe('a YAML template kept across edits', () => {
  // Seeds whose edits leave the KCL template's heading whole long enough for its blocks to be kept
  // (`least`); the small template's soon break its heading, and it stops being a template.
  for (const [fixture, seed, least] of [['kcl-consumer.yaml', 5, 100], ['broken-producer.yaml', 8, 0]] as const) {
    it(`reads after each edit as a fresh parse does: ${fixture}, 150 random edits`, () => {
      // Edits anywhere, evenly (no bias towards the ends); the same seed gives the same edits, so that a failure can be replayed.
      const edits = fc.sample(
        fc.noBias(fc.record({ at: fc.integer({ min: 0, max: 999_999 }), removed: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })), insert: fc.constantFrom('', ...INSERTS) })),
        { seed, numRuns: 150 },
      );
      let text = readFileSync(`test/fixtures/templates/${fixture}`, 'utf8');
      // Edited as the server holds a document, in short pieces (see PieceText).
      const document = new PieceDocument('file:///ws/t.yaml', 'yaml', 1, text, 64);
      let kept = service.parseTemplate(document);
      let reused = 0;
      for (const [step, edit] of edits.entries()) {
        const at = Math.floor((edit.at / 1_000_000) * text.length);
        const { removed } = edit;
        const inserted = removed === 0 && edit.insert === '' ? INSERTS[step % INSERTS.length] : edit.insert;
        text = text.slice(0, at) + inserted + text.slice(at + removed);
        document.update([{ range: { start: document.positionAt(at), end: document.positionAt(at + removed) }, text: inserted }], step + 2);
        const plain = TextDocument.create('file:///ws/t.yaml', 'yaml', step + 2, text);
        const fresh = service.parseTemplate(plain);
        const updated = kept ? service.updateTemplate(kept, document) : undefined;
        if (updated) reused++;
        const incremental = updated ?? service.parseTemplate(document);
        // Read from the pieces: what the checks, completion and hover read does not make the text whole.
        assert.deepEqual(reading(document, incremental, text), reading(plain, fresh), `after edit ${step} at ${at}: ${JSON.stringify(inserted)} for ${removed}`);
        kept = incremental;
      }
      assert.ok(reused >= least, `the template was kept across edits (${reused} of 150)`);
    });
  }

  it('reads a keystroke in a resource, checks it and answers completion and hover without making the whole text', () => {
    const text = readFileSync('test/fixtures/templates/kcl-consumer.yaml', 'utf8');
    const document = new PieceDocument('file:///ws/t.yaml', 'yaml', 1, text, 64);
    let template = service.parseTemplate(document)!;
    let expected = text;
    const places = [...text.matchAll(/kinesis:|Resource: /g)].map((m) => (m.index ?? 0) + 3);
    assert.ok(places.length > 5);
    for (const [i, at] of places.reverse().entries()) {
      expected = expected.slice(0, at) + 'x' + expected.slice(at);
      document.update([{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: 'x' }], i + 2);
      const updated = service.updateTemplate(template, document);
      assert.ok(updated, `edit ${i} is read incrementally`);
      template = updated;
      const fresh = service.parseTemplate(TextDocument.create('file:///ws/t.yaml', 'yaml', i + 2, expected));
      assert.deepEqual(reading(document, template, expected), reading(TextDocument.create('file:///ws/t.yaml', 'yaml', i + 2, expected), fresh));
      assert.equal(document.text.isFlat, false, `after edit ${i} the text was made whole`);
    }
  });

  it('reads the streams’ keys again when a stream’s encryption changes, and keeps them across an edit elsewhere', () => {
    // The stream the policy reads is not the template's first.
    const text = `Resources:
  Audit:
    Type: AWS::Kinesis::Stream
    Properties: {Name: audit, ShardCount: 1}
  Orders:
    Type: AWS::Kinesis::Stream
    Properties:
      Name: orders
      ShardCount: 1
  ReaderRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
      Policies:
        - PolicyName: read
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [kinesis:GetRecords, kinesis:GetShardIterator]
                Resource: !GetAtt Orders.Arn
`;
    const hints = (document: TextDocument, template: TemplateDocument) => service.templateDiagnostics(document, template, OPTIONS).filter((d) => d.code === 'kinesis/kms-permissions').length;
    let version = 1;
    let document = TextDocument.create('file:///ws/t.yaml', 'yaml', version, text);
    let template = service.parseTemplate(document)!;
    const step = (next: string) => {
      document = TextDocument.create('file:///ws/t.yaml', 'yaml', ++version, next);
      const updated = service.updateTemplate(template, document);
      assert.ok(updated, 'the template kept across the edit');
      template = updated;
      const fresh = service.parseTemplate(document)!;
      return { kept: hints(document, template), fresh: hints(document, fresh) };
    };
    assert.equal(hints(document, template), 0, 'a stream without a key of its own needs no grant');
    // A keystroke in the policy: the stream is as it was.
    const typed = text.replace('kinesis:GetShardIterator]', 'kinesis:GetShardIterator, kinesis:L]');
    assert.deepEqual(step(typed), { kept: 0, fresh: 0 });
    // The stream given a key of its own, which the template does not say (an alias): the hint comes.
    const encrypted = typed.replace('      ShardCount: 1\n', '      ShardCount: 1\n      StreamEncryption: {EncryptionType: KMS, KeyId: alias/orders}\n');
    assert.deepEqual(step(encrypted), { kept: 1, fresh: 1 });
    // Another keystroke in the policy: it stays.
    assert.deepEqual(step(encrypted.replace('kinesis:L]', 'kinesis:Li]')), { kept: 1, fresh: 1 });
    // The key taken off again: it goes.
    assert.deepEqual(step(typed.replace('kinesis:L]', 'kinesis:Li]')), { kept: 0, fresh: 0 });
  });

  it('publishes the same diagnostics again for the policies a keystroke leaves on their lines, before it and after it', () => {
    // A template of many resources, each with a policy that has findings; a keystroke in one in the middle.
    const resources = Array.from({ length: 30 }, (_, i) => `  Policy${i}:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Action: kinesis:GetRecordz\n            Resource: '*'\n`);
    const text = `Resources:\n${resources.join('')}`;
    const before = TextDocument.create('file:///ws/t.yaml', 'yaml', 1, text);
    const first = service.parseTemplate(before)!;
    const found = service.templateDiagnostics(before, first, OPTIONS);
    assert.equal(found.filter((d) => d.code === 'iam/unknown-action').length, 30);
    const at = text.indexOf('GetRecordz', text.indexOf('Policy14:')) + 3;
    const after = TextDocument.create('file:///ws/t.yaml', 'yaml', 2, `${text.slice(0, at)}x${text.slice(at)}`);
    const kept = service.updateTemplate(first, after)!;
    const again = service.templateDiagnostics(after, kept, OPTIONS);
    const fresh = service.templateDiagnostics(after, service.parseTemplate(TextDocument.create('file:///ws/fresh.yaml', 'yaml', 1, after.getText()))!, OPTIONS);
    assert.deepEqual(again, fresh);
    // The other 29 policies' findings are the very objects published before, those after the edit
    // too (their offsets moved, their lines and columns did not); the edited one's are new.
    const unknown = (list: typeof found) => list.filter((d) => d.code === 'iam/unknown-action');
    assert.deepEqual(unknown(again).map((d, i) => d === unknown(found)[i]), Array.from({ length: 30 }, (_, i) => i !== 14));
  });

  it('keeps the policies of the resources an edit does not touch, moved', () => {
    const text = readFileSync('test/fixtures/templates/kcl-consumer.yaml', 'utf8');
    const before = service.parseTemplate(TextDocument.create('file:///ws/t.yaml', 'yaml', 1, text))!;
    const share = before.policies.find((p) => p.resource === 'OrdersStreamPolicy');
    const edited = text.replace('ShardCount: 2', 'ShardCount: 20');
    const after = service.updateTemplate(before, TextDocument.create('file:///ws/t.yaml', 'yaml', 2, edited))!;
    assert.equal(after.policies.find((p) => p.resource === 'OrdersStreamPolicy'), share, 'the same policy object');
    assert.equal(share?.map.toHost(share.document.getText().indexOf('kinesis:GetRecords')), edited.lastIndexOf('kinesis:GetRecords'));
  });
});
