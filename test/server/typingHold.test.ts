import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TypingHold } from '../../server/src/typingHold';

const finding = (code: string, line: number, start: number, end: number): Diagnostic => ({
  code,
  message: code,
  range: { start: { line, character: start }, end: { line, character: end } },
});

describe('TypingHold', () => {
  const before = TextDocument.create('file:///p.json', 'json', 1, '"kinesis:Ge"\n"kinesis:Ge"\n');
  const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

  it('holds a new finding where the user types, and shows the rest', () => {
    const hold = new TypingHold();
    hold.noteEdit(before, [{ range: at(0, 11), text: 't' }], 2);
    const after = TextDocument.update(before, [{ range: at(0, 11), text: 't' }], 2);
    const typed = finding('iam/unknown-action', 0, 1, 12);
    const elsewhere = finding('iam/unknown-action', 1, 1, 11);
    assert.deepEqual(hold.split(after, [typed, elsewhere], [elsewhere]), { now: [elsewhere], held: [typed] });
    // Shown before at the same start: it stays, updated.
    assert.deepEqual(hold.split(after, [typed, elsewhere], [finding('iam/unknown-action', 0, 1, 11)]), { now: [typed, elsewhere], held: [] });
  });

  it('holds at every cursor of a multi-cursor edit', () => {
    const hold = new TypingHold();
    const changes = [
      { range: at(1, 11), text: 't' },
      { range: at(0, 11), text: 't' },
    ];
    hold.noteEdit(before, changes, 2);
    const after = TextDocument.update(before, changes, 2);
    const first = finding('iam/unknown-action', 0, 1, 12);
    const second = finding('iam/unknown-action', 1, 1, 12);
    assert.deepEqual(hold.split(after, [first, second], []).held, [first, second]);
  });

  it('holds nothing after a paste of lines, a whole-text change, or for another version', () => {
    const hold = new TypingHold();
    const f = finding('iam/unknown-action', 0, 1, 12);
    hold.noteEdit(before, [{ range: at(0, 11), text: 't",\n"kinesis:Pu' }], 2);
    assert.deepEqual(hold.split(TextDocument.create(before.uri, 'json', 2, ''), [f], []).held, []);
    hold.noteEdit(before, [{ text: '{}' }], 3);
    assert.deepEqual(hold.split(TextDocument.create(before.uri, 'json', 3, ''), [f], []).held, []);
    hold.noteEdit(before, [{ range: at(0, 11), text: 't' }], 4);
    assert.deepEqual(hold.split(TextDocument.create(before.uri, 'json', 5, ''), [f], []).held, [], 'a later version');
  });
});
