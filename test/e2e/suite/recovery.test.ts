import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, completionsAt, diagnosticsArrive, diagnosticsWhere, extension, findItem, openPolicy, positionAfter } from './helpers';

/** The part of the extension's API this test uses (see `activate` in client/src/extension.ts). */
interface Api {
  client: {
    terminateServer(): Promise<void>;
    isRunning(): boolean;
    onDidChangeState(listener: (event: { oldState: number; newState: number }) => void): vscode.Disposable;
  };
}

/** vscode-languageclient's State.Running. */
const RUNNING = 2;

// Runs after the output check, which is about stops no one asked for.
describe('Crash recovery', () => {
  after(closeAllEditors);

  it('restarts a server that stopped, and completion and checks answer again', async () => {
    const editor = await openPolicy('unknown-action.json');
    const { document } = editor;
    await diagnosticsArrive(document.uri);
    const { client } = extension().exports as Api;
    assert.ok(client.isRunning(), 'the client is not running before the stop');

    // Listening before the stop, so that a quick restart is not missed.
    let subscription: vscode.Disposable | undefined;
    const restarted = new Promise<void>((resolve) => {
      subscription = client.onDidChangeState(({ newState }) => newState === RUNNING && resolve());
    });
    await client.terminateServer();
    await Promise.race([restarted, new Promise((_, reject) => setTimeout(() => reject(new Error('no restart within 20 s')), 20_000))]);
    subscription?.dispose();
    assert.ok(client.isRunning(), 'the client is not running after the restart');

    const items = await completionsAt(document, positionAfter(document, '"kinesis:Get'));
    assert.equal(findItem(items, 'kinesis:GetRecords').detail, 'Read');
    // A new typo, so that only a check of the edited text can report it.
    const iterator = positionAfter(document, 'kinesis:GetShardIterator');
    assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(iterator.translate(0, -1), iterator))));
    await diagnosticsWhere(document.uri, 'a diagnostic on kinesis:GetShardIterato', (found) =>
      found.some((d) => document.getText(d.range).includes('kinesis:GetShardIterato"')),
    );
  });
});
