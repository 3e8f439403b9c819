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

  it("shows an action's description and API reference once the item is resolved, as when it is focused", async () => {
    const editor = await openPolicy('in-progress.json');
    const position = positionAfter(editor.document, '"Action": "kinesis:');
    // The last argument asks VS Code to resolve that many items, as focusing them in the list does.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, undefined, 1000);
    const documentation = findItem(list.items, 'kinesis:GetRecords').documentation;
    const text = typeof documentation === 'string' ? documentation : (documentation?.value ?? '');
    assert.match(text, /Grants permission to get data records from a shard/);
    assert.match(text, /API_GetRecords\.html/);
  });

  it('offers the stream ARN template in Resource', async () => {
    const editor = await openPolicy('in-progress.json');
    const items = await completionsAt(editor.document, positionAfter(editor.document, '"Resource": "', 1));
    const stream = items.find((i) => labelOf(i) === 'stream/${StreamName}' && /^"arn:[^:]+:kinesis:[^:]+:[^:]+:stream\/\$\{StreamName\}"$/.test(i.filterText ?? ''));
    assert.ok(stream, `no stream ARN template among: ${items.map(labelOf).join(', ')}`);
    assert.equal(stream.detail, 'kinesis stream');
    assert.ok(stream.insertText instanceof vscode.SnippetString, 'the template is not a snippet');

    await accept(editor, stream);
    const line = editor.document.lineAt(positionAfter(editor.document, '"Resource": "', 1).line).text;
    assert.match(line.trim(), /^"Resource": "arn:aws:kinesis:[^:"]+:[^:"]+:stream\/[^"]+"$/);
  });
});
