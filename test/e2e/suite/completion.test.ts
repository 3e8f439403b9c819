import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { accept, closeAllEditors, completionsAt, findItem, labelOf, openPolicy, positionAfter } from './helpers';

describe('Completion', () => {
  afterEach(closeAllEditors);

  it('offers Kinesis actions after "kinesis:" and accepting one writes the quoted action', async () => {
    const editor = await openPolicy('in-progress.json');
    const items = await completionsAt(editor.document, positionAfter(editor.document, '"Action": "kinesis:'));
    const actions = items.filter((i) => labelOf(i).startsWith('kinesis:'));
    assert.ok(actions.length > 30, `only ${actions.length} Kinesis actions offered`);
    const getRecords = findItem(items, 'kinesis:GetRecords');
    assert.equal(getRecords.detail, 'Read');

    await accept(editor, getRecords);
    const line = editor.document.lineAt(positionAfter(editor.document, '"Action": ').line).text;
    assert.equal(line.trim(), '"Action": "kinesis:GetRecords",');
  });

  it('offers the stream ARN template in Resource', async () => {
    const editor = await openPolicy('in-progress.json');
    const items = await completionsAt(editor.document, positionAfter(editor.document, '"Resource": "', 1));
    const stream = items.find((i) => /^arn:[^:]+:kinesis:[^:]+:[^:]+:stream\/\$\{StreamName\}$/.test(labelOf(i)));
    assert.ok(stream, `no stream ARN template among: ${items.map(labelOf).join(', ')}`);
    assert.equal(stream.detail, 'kinesis stream');
    assert.ok(stream.insertText instanceof vscode.SnippetString, 'the template is not a snippet');

    await accept(editor, stream);
    const line = editor.document.lineAt(positionAfter(editor.document, '"Resource": "', 1).line).text;
    assert.match(line.trim(), /^"Resource": "arn:aws:kinesis:[^:"]+:[^:"]+:stream\/[^"]+"$/);
  });
});
