import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { closeAllEditors, completionsAt, diagnosticsArrive, labelOf, openFile, ourDiagnostics, positionAfter, workspaceFile } from './helpers';

// JSON files that are not policies: the server sees them (its selector is every json and jsonc
// document) and must leave them alone.
const CASES = [
  { file: 'package.json', languageId: 'json', after: 'with kinesis:' },
  { file: 'tsconfig.json', languageId: 'jsonc', after: '"target": "' },
];

describe('JSON files that are not policies', () => {
  const editors = new Map<string, vscode.TextEditor>();

  before(async () => {
    for (const { file } of CASES) editors.set(file, await openFile(file));
    // The server checks documents in the order they open: once a faulty policy opened after
    // these has its diagnostics, these have been checked too, and "none" means none.
    await openFile('unknown-action.json');
    await diagnosticsArrive(workspaceFile('unknown-action.json'));
  });
  after(closeAllEditors);

  for (const { file, languageId, after } of CASES) {
    it(`${file}: no diagnostics and no Kinesis completions`, async () => {
      const { document } = editors.get(file)!;
      assert.equal(document.languageId, languageId);
      assert.deepEqual(ourDiagnostics(document.uri).map((d) => d.message), []);
      const items = await completionsAt(document, positionAfter(document, after));
      assert.deepEqual(items.map(labelOf).filter((label) => label.startsWith('kinesis:')), []);
    });
  }
});
