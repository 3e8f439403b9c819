import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceDocument } from '../../server/src/service/text/pieceDocument';
import { PieceText } from '../../server/src/service/text/pieceText';
import { textSize } from '../../server/src/service/diagnostics/helpers/size';
import { fuzzParameters } from './fuzzConfig';

/**
 * The server's documents (`PieceDocument`) against `TextDocument.create`'s: after any edits, in
 * pieces of any length, the text, every offset's position, every position's offset (in and out of
 * bounds, inside a `\r\n`), the lines' ranges and line breaks are what a document created with
 * the final text gives.
 */

/** Text rich in line breaks of each kind and in pieces' edges. */
const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n', '{"x": 1}', 'é', '😀', ' ', '"', '\\'), { maxLength: 60 }).map((parts) => parts.join(''));

const position = fc.record({ line: fc.integer({ min: -1, max: 30 }), character: fc.integer({ min: -1, max: 40 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

function assertSameAs(document: PieceDocument, expected: TextDocument): void {
  const whole = expected.getText();
  assert.equal(document.getText(), whole);
  assert.equal(document.length, whole.length);
  assert.equal(document.lineCount, expected.lineCount);
  for (let offset = -1; offset <= whole.length + 1; offset++) assert.deepEqual(document.positionAt(offset), expected.positionAt(offset), `positionAt(${offset})`);
  for (let line = -1; line <= expected.lineCount; line++) {
    for (let character = -1; character <= 12; character++) {
      const at: Position = { line, character };
      assert.equal(document.offsetAt(at), expected.offsetAt(at), `offsetAt(${line}:${character})`);
    }
    assert.deepEqual(document.getLineRange(line), expected.getLineRange(line), `getLineRange(${line})`);
    assert.equal(document.getEOLCharacters(line), expected.getEOLCharacters(line), `getEOLCharacters(${line})`);
  }
  const third = { start: expected.positionAt(whole.length / 3), end: expected.positionAt((2 * whole.length) / 3) };
  assert.equal(document.getText(third), expected.getText(third));
}

/** `text` with the change made, its range read as a document created with `text` reads it. */
function applied(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change)) return change.text;
  const before = TextDocument.create('file:///p.json', 'json', 1, text);
  const [a, b] = [before.offsetAt(change.range.start), before.offsetAt(change.range.end)];
  return text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
}

describe('PieceDocument', () => {
  it('reads as a document created with its text, after any edits, in pieces of any length', () => {
    fc.assert(
      fc.property(text, fc.array(change, { maxLength: 12 }), fc.integer({ min: 1, max: 24 }), fc.boolean(), (initial, changes, pieceLength, oneUpdate) => {
        const document = new PieceDocument('file:///p.json', 'json', 1, initial, pieceLength);
        // What the editor means by the changes: each read against the text the ones before it left.
        // (Not `TextDocument.update`: it misreads a range past the last line, which editors do not send.)
        let expected = initial;
        changes.forEach((c, i) => {
          expected = applied(expected, c);
          if (oneUpdate) return;
          document.update([c], i + 2);
          // The whole text is made only when asked for: reading the document must not depend on it.
          if (i % 3 === 0) assertSameAs(document, TextDocument.create('file:///p.json', 'json', 1, expected));
        });
        if (oneUpdate) document.update(changes, 2);
        assertSameAs(document, TextDocument.create('file:///p.json', 'json', 1, expected));
      }),
      fuzzParameters(300),
    );
  });

  it('reads as a document created with its text once its lines are read in steps of any length, or edited meanwhile', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 24 }), fc.option(change), (initial, charsPerStep, pieceLength, meanwhile) => {
        const document = new PieceDocument('file:///p.json', 'json', 1, initial, pieceLength);
        const steps = document.readLines(charsPerStep);
        steps.next();
        if (meanwhile) document.update([meanwhile], 2);
        while (!steps.next().done);
        assertSameAs(document, TextDocument.create('file:///p.json', 'json', 1, meanwhile ? applied(initial, meanwhile) : initial));
      }),
      fuzzParameters(300),
    );
  });

  it('keeps each version of its text as it was', () => {
    const document = new PieceDocument('file:///p.json', 'json', 1, 'x'.repeat(100), 8);
    const first = document.text;
    document.update([{ range: { start: { line: 0, character: 50 }, end: { line: 0, character: 52 } }, text: 'YY\n' }], 2);
    assert.equal(first.toString(), 'x'.repeat(100));
    assert.equal(document.text.toString(), `${'x'.repeat(50)}YY\n${'x'.repeat(48)}`);
    assert.equal(document.version, 2);
  });
});

describe('PieceText', () => {
  it('reads characters, slices, searches and sizes as the string it holds, and shares the pieces an edit leaves alone', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(80), fc.nat(80), text), { maxLength: 8 }), fc.integer({ min: 1, max: 16 }), (initial, edits, pieceLength) => {
        let pieces = PieceText.of(initial, pieceLength);
        let expected = initial;
        for (const [a, b, inserted] of edits) {
          const [start, end] = [Math.min(a, b, expected.length), Math.min(Math.max(a, b), expected.length)];
          const next = pieces.replace(start, end, inserted);
          expected = expected.slice(0, start) + inserted + expected.slice(end);
          // Pieces wholly before the change are the same strings.
          for (let i = 0; i < pieces.pieces.length && pieces.starts[i] + pieces.pieces[i].length + pieceLength < start; i++) assert.equal(next.pieces[i], pieces.pieces[i]);
          pieces = next;
          assert.equal(pieces.length, expected.length);
          for (let i = -1; i <= expected.length; i++) assert.equal(pieces.charCodeAt(i), expected.charCodeAt(i));
          const step = Math.max(1, Math.floor(expected.length / 20));
          for (let s = -2; s <= expected.length + 1; s += step) for (let e = s - 1; e <= expected.length + 2; e += step) assert.equal(pieces.slice(s, e), expected.slice(s, e), `slice(${s}, ${e})`);
          assert.ok(pieces.pieces.every((p) => p.length <= pieceLength));
          for (const search of ['\r\n', '{"', 'a', '😀a', '"x": 1}', '\n', '']) {
            for (let from = -1; from <= expected.length + 1; from += step) {
              assert.equal(pieces.indexOf(search, from), expected.indexOf(search, from), `indexOf(${JSON.stringify(search)}, ${from})`);
              assert.equal(pieces.lastIndexOf(search, from), expected.lastIndexOf(search, from), `lastIndexOf(${JSON.stringify(search)}, ${from})`);
            }
            assert.equal(pieces.lastIndexOf(search), expected.lastIndexOf(search));
          }
        }
        // A policy's size (IAM's and Kinesis's quotas) read from the pieces, as from the string.
        assert.deepEqual(textSize(pieces), textSize(expected));
        assert.equal(pieces.toString(), expected);
      }),
      fuzzParameters(300),
    );
  });
});
