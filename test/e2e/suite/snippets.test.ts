import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  accept, applyCodeAction, checkedDiagnostics, closeAllEditors, codeActionsAt, codeOf, completionsAt, diagnosticsWhere, extension, findAction, labelOf, problems, waitFor, withCode,
} from './helpers';

describe('Snippets', () => {
  afterEach(closeAllEditors);

  it('completion in an empty JSONC document offers kinesis-producer, which expands to a clean policy', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'jsonc', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('the extension to activate', () => extension().isActive);
    const items = await completionsAt(document, new vscode.Position(0, 0));
    // The workbench's snippet provider answers for the snippets the extension contributes.
    const snippet = items.find((i) => labelOf(i) === 'kinesis-producer' && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippet, `no kinesis-producer snippet among: ${items.map(labelOf).join(', ')}`);

    await accept(editor, snippet);
    const { Statement } = JSON.parse(document.getText()) as { Statement: { Action: string[]; Resource: string }[] };
    assert.deepEqual(Statement.map((s) => s.Resource), ['arn:aws:kinesis:us-east-1:111122223333:stream/my-stream']);
    assert.ok(Statement[0].Action.includes('kinesis:PutRecords'), `actions: ${Statement[0].Action.join(', ')}`);
    const diagnostics = await checkedDiagnostics(editor);
    assert.deepEqual(problems(diagnostics).map((d) => `${codeOf(d)}: ${d.message}`), []);
  });

  it('a China region typed into its first tab stop: the ARN is flagged, and its quick fix writes the region\'s partition', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'jsonc', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('the extension to activate', () => extension().isActive);
    const items = await completionsAt(document, new vscode.Position(0, 0));
    const snippet = items.find((i) => labelOf(i) === 'kinesis-producer' && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippet, 'no kinesis-producer snippet');
    await accept(editor, snippet);
    // The region is the first tab stop, selected: typed over.
    await vscode.commands.executeCommand('type', { text: 'cn-north-1' });
    const found = await diagnosticsWhere(document.uri, 'iam/invalid-arn', (d) => withCode(d, 'iam/invalid-arn').length > 0);
    const [arn] = withCode(found, 'iam/invalid-arn');
    await applyCodeAction(findAction(await codeActionsAt(document.uri, arn.range, vscode.CodeActionKind.QuickFix.value), 'Change the partition to aws-cn'));
    const { Statement } = JSON.parse(document.getText()) as { Statement: { Resource: string }[] };
    assert.deepEqual(Statement.map((s) => s.Resource), ['arn:aws-cn:kinesis:cn-north-1:111122223333:stream/my-stream']);
  });

  it('names the KCL snippets by version, kinesis-kcl1-consumer to kinesis-kcl3-consumer', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
    await vscode.window.showTextDocument(document);
    await waitFor('the extension to activate', () => extension().isActive);
    const labels = (await completionsAt(document, new vscode.Position(0, 0))).filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    for (const name of ['kinesis-kcl1-consumer', 'kinesis-kcl2-consumer', 'kinesis-kcl3-consumer']) assert.ok(labels.includes(name), `${name} among: ${labels.join(', ')}`);
  });
});
