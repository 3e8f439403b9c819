import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChangedSpans, changedEdits, type Replacement } from '../../../server/src/service/codeActions/changedSpans';
import { DEFAULT_SETTINGS } from '../../../server/src/service';
import { finish } from '../../../server/src/service/steps';
import { RULES_DOC, service } from '../../support/service';
import { fuzzParameters } from '../../property/fuzzConfig';

/** A round of replacements: each picks two places of the text, as thousandths of its length, and a new text. */
const round = fc.array(fc.tuple(fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), fc.string({ unit: fc.constantFrom('a', 'x', '{', '\n'), maxLength: 6 })), { maxLength: 5 });

/** A round's replacements of a text of `length` characters: in order, apart or touching. */
function replacementsOf(picked: readonly [number, number, string][], length: number): { start: number; end: number; text: string }[] {
  const at = (thousandths: number) => Math.floor((thousandths * length) / 1000);
  const made: { start: number; end: number; text: string }[] = [];
  let after = 0;
  for (const [a, b, text] of [...picked].sort((x, y) => Math.min(x[0], x[1]) - Math.min(y[0], y[1]))) {
    const start = Math.max(after, at(Math.min(a, b)));
    const end = Math.max(start, at(Math.max(a, b)));
    made.push({ start, end, text });
    after = end;
  }
  return made;
}

function applied(text: string, replacements: readonly { start: number; end: number; text: string }[]): string {
  let out = text;
  for (let i = replacements.length - 1; i >= 0; i--) out = out.slice(0, replacements[i].start) + replacements[i].text + out.slice(replacements[i].end);
  return out;
}

describe('the places a transaction changed', () => {
  it('give edits of the original that make the current text, in order and apart, over any edits made one after another', () => {
    const original = fc.string({ unit: fc.constantFrom('a', 'b', '{', '}', '\n', ' '), maxLength: 40 });
    fc.assert(
      fc.property(original, fc.array(round, { minLength: 1, maxLength: 6 }), (text, rounds) => {
        const spans = new ChangedSpans();
        let current = text;
        for (const picked of rounds) {
          // Each round's replacements are places in the text as it stands before them.
          const replacements = replacementsOf(picked, current.length);
          spans.replace(replacements.map(({ start, end, text: made }): Replacement => ({ start, end, length: made.length })));
          current = applied(current, replacements);
        }
        const edits = finish(changedEdits(text, current, spans.changed));
        assert.ok(edits, 'the spans account for the text');
        for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end < edits[i].start, 'in order and apart');
        assert.equal(applied(text, edits), current);
        for (const edit of edits) assert.notEqual(text.slice(edit.start, edit.end), edit.text, 'each edit changes something');
      }),
      fuzzParameters(400),
    );
  });

  it('give no edit for a place changed back, and nothing when they do not account for the text', () => {
    const spans = new ChangedSpans();
    spans.replace([{ start: 2, end: 3, length: 2 }]);
    spans.replace([{ start: 2, end: 4, length: 1 }]);
    assert.deepEqual(finish(changedEdits('abcdef', 'abcdef', spans.changed)), []);
    assert.equal(finish(changedEdits('abcdef', 'abXYdef', spans.changed)), undefined);
  });
});

describe('fix all, as edits', () => {
  it('edits each place it fixes and leaves the text between them as it is', () => {
    const statement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: ['kinesis:GetRecords', 'dynamodb:GetItem'], Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders' });
    const text = `${JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 40 }, (_, i) => statement(i)) }, null, 2)}\n`;
    const document = TextDocument.create('file:///test/policy.json', 'json', 1, text);
    const model = service.parsePolicy(document);
    const options = { settings: DEFAULT_SETTINGS, rulesDocumentation: RULES_DOC };
    const [all] = service.getCodeActions(document, model, service.doValidation(document, model, options), { ...options, only: ['source.fixAll'] });
    const edits = service.resolveCodeAction(document, model, all, options).edit?.changes?.[document.uri] ?? [];
    assert.equal(edits.length, 40, 'one edit a statement');
    for (const edit of edits) {
      assert.equal(edit.newText, '');
      assert.match(document.getText(edit.range), /^,\s*"dynamodb:GetItem"$/);
    }
    assert.equal(TextDocument.applyEdits(document, edits), text.replace(/,\s*"dynamodb:GetItem"/g, ''));
  });
});
