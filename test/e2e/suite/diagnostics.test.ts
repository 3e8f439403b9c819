import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, diagnosticsArrive, diagnosticsWhere, openPolicy, rangeOf, withCode } from './helpers';

// A stream policy that shares "kinesis:Get*" with another account: Kinesis rejects wildcards there.
const FILE = 'share-stream.json';
const RULE = 'resource-policy/wildcard-action';

describe('Diagnostics', () => {
  afterEach(closeAllEditors);

  it('reports a wildcard action in a stream resource policy, with its code and range', async () => {
    const { document } = await openPolicy(FILE);
    const diagnostics = await diagnosticsArrive(document.uri);
    assert.deepEqual(diagnostics.map(codeOf), [RULE]);
    const [wildcard] = diagnostics;
    assert.equal(wildcard.severity, vscode.DiagnosticSeverity.Error);
    const expected = rangeOf(document, '"kinesis:Get*"');
    assert.ok(wildcard.range.isEqual(expected), `range is "${document.getText(wildcard.range)}" at line ${wildcard.range.start.line + 1}`);
    assert.match(wildcard.message, /can be shared: kinesis:GetRecords, kinesis:GetShardIterator/);
  });

  it('drops the diagnostic when kinesisPolicy.rules turns its rule off, without a restart', async () => {
    const { document } = await openPolicy(FILE);
    const has = (found: vscode.Diagnostic[]) => withCode(found, RULE).length > 0;
    await diagnosticsWhere(document.uri, RULE, has);
    const config = vscode.workspace.getConfiguration('kinesisPolicy');
    await config.update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnosticsWhere(document.uri, `${RULE} to go`, (found) => !has(found));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    // Back on with the setting removed: later scenarios see the defaults again.
    await diagnosticsWhere(document.uri, `${RULE} to come back`, has);
  });
});
