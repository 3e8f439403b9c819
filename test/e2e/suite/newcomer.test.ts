import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, closeAllEditors, codeActionsAt, codeOf, diagnosticsWhere, findAction, problems, withCode, workspaceFile,
} from './helpers';

// The task a new user is given: a correct KCL consumer policy for StockTradeStream in us-east-1,
// account 123456789012, from an empty file, through the light bulb.
const ANSWERS = { REGION: 'us-east-1', ACCOUNT_ID: '123456789012', STREAM_NAME: 'StockTradeStream', APPLICATION_NAME: 'StockTradeApp' };

describe('A KCL consumer policy from an empty file', () => {
  afterEach(closeAllEditors);

  it('takes two light-bulb steps: insert the KCL 3.x statements, fill in the four placeholders', async () => {
    const uri = workspaceFile('stock-trades.json');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const { document } = editor;
    // VS Code's own default for a new JSON file; inserted statements follow it.
    editor.options = { tabSize: 4, insertSpaces: true };
    const start = new vscode.Range(0, 0, 0, 0);

    // Step 1: the light bulb in the empty file.
    const inserts = await codeActionsAt(uri, start, 'refactor.insert');
    await applyCodeAction(findAction(inserts, 'Add KCL consumer statements (KCL 3.x)'));
    assert.match(document.getText(), /^\{\n {4}"Version": "2012-10-17",\n {4}"Statement": \[\n {8}\{/);
    const marked = await diagnosticsWhere(uri, 'the placeholders', (d) => withCode(d, 'iam/placeholder').length > 0);
    // Every placeholder is marked, each on its own text.
    assert.deepEqual([...new Set(withCode(marked, 'iam/placeholder').map((d) => document.getText(d.range)))].sort(), Object.keys(ANSWERS).sort());

    // Step 2: the light bulb on one of them; the four values are what the user types when asked.
    const [first] = withCode(marked, 'iam/placeholder');
    const fixes = await codeActionsAt(uri, first.range, vscode.CodeActionKind.QuickFix.value);
    const fillAll = findAction(fixes, 'Fill in all 4 placeholders...');
    assert.ok(fillAll.command, 'the fill action runs a command');
    const [target, name] = (fillAll.command.arguments ?? []) as unknown[];
    assert.equal(name, undefined, 'no one placeholder named: all of them');
    const filled = await vscode.commands.executeCommand<boolean>(fillAll.command.command, target, name, ANSWERS);
    assert.equal(filled, true);

    const text = document.getText();
    for (const arn of [
      'arn:aws:kinesis:us-east-1:123456789012:stream/StockTradeStream',
      'arn:aws:dynamodb:us-east-1:123456789012:table/StockTradeApp',
      'arn:aws:dynamodb:us-east-1:123456789012:table/StockTradeApp-WorkerMetricStats',
      'arn:aws:dynamodb:us-east-1:123456789012:table/StockTradeApp-CoordinatorState',
    ]) {
      assert.ok(text.includes(`"${arn}"`), `${arn} is not in:\n${text}`);
    }
    const done = await diagnosticsWhere(uri, 'the placeholders to go', (d) => withCode(d, 'iam/placeholder').length === 0);
    assert.deepEqual(problems(done).map((d) => `${codeOf(d)}: ${d.message}`), []);
    await vscode.workspace.fs.delete(uri);
  });

  it('Fill in STREAM_NAME... fills that one placeholder, everywhere it is written', async () => {
    const uri = workspaceFile('one-placeholder.json');
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator'], Resource: 'arn:aws:kinesis:us-east-1:123456789012:stream/STREAM_NAME' },
        { Sid: 'Describe', Effect: 'Allow', Action: 'kinesis:DescribeStreamSummary', Resource: 'arn:aws:kinesis:us-east-1:123456789012:stream/STREAM_NAME' },
      ],
    };
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(policy, null, 2)));
    const { document } = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const marked = await diagnosticsWhere(uri, 'the placeholders', (d) => withCode(d, 'iam/placeholder').length === 2);
    const fixes = await codeActionsAt(uri, withCode(marked, 'iam/placeholder')[0].range, vscode.CodeActionKind.QuickFix.value);
    const fill = findAction(fixes, 'Fill in STREAM_NAME...');
    assert.equal(fill.isPreferred, true);
    assert.ok(fill.command);
    await vscode.commands.executeCommand(fill.command.command, ...((fill.command.arguments ?? []) as unknown[]), { STREAM_NAME: 'StockTradeStream' });
    assert.equal(document.getText().match(/stream\/StockTradeStream"/g)?.length, 2);
    await diagnosticsWhere(uri, 'the placeholders to go', (d) => withCode(d, 'iam/placeholder').length === 0);
    await vscode.commands.executeCommand('workbench.action.files.save');
    await vscode.workspace.fs.delete(uri);
  });
});
