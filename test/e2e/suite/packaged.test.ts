import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, completionsAt, extension, findItem, openPolicy, positionAfter } from './helpers';

// Run with the .vsix installed (KINESIS_E2E_TARGET=vsix): what users get, not the development folder.
describe('Packaged extension', () => {
  after(closeAllEditors);

  it('is the installed .vsix, holding the bundles and not the sources', async () => {
    const { extensionUri } = extension();
    const { publisher, name, version } = extension().packageJSON as { publisher: string; name: string; version: string };
    assert.ok(extensionUri.path.endsWith(`/${publisher}.${name}-${version}`), `loaded from ${extensionUri.path}`);
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(extensionUri, 'dist', 'server.js'));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(extensionUri, 'client'))));
  });

  it('completes Kinesis actions in a policy', async () => {
    const editor = await openPolicy('in-progress.json');
    const items = await completionsAt(editor.document, positionAfter(editor.document, '"Action": "kinesis:'));
    assert.equal(findItem(items, 'kinesis:GetRecords').detail, 'Read');
  });
});
