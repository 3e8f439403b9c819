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

  it('sends the thousand problems VS Code shows of a policy with more, the last a note of the rest', async () => {
    // 1,200 statements, each granting an unknown action (an error), and over IAM's size quota (a warning).
    const statements = Array.from({ length: 1200 }, (_, i) => `  { "Effect": "Allow", "Action": "kinesis:GetRecordz${i}", "Resource": "*" }`);
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: `{ "Version": "2012-10-17", "Statement": [\n${statements.join(',\n')}\n] }` });
    await vscode.window.showTextDocument(document);
    const found = await diagnosticsWhere(document.uri, 'the problems', (d) => d.length > 0, 60_000);
    assert.equal(found.length, 1000);
    // Errors first: the warning is among those not shown.
    assert.equal(withCode(found, 'iam/unknown-action').length, 999);
    const note = found[999];
    assert.equal(codeOf(note), 'too-many-problems');
    assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
    assert.match(note.message, /^202 more problems in this file are not shown \(the kinesisPolicy\.validate\.maxProblems setting is 1000\)/);
    // The note stands where the first problem not shown starts in the text: the size warning's place.
    assert.deepEqual([note.range.start.line, note.range.start.character], [0, 0]);
  });
});
