import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkedDiagnostics, closeAllEditors, codeOf, extension, problems, waitFor, workspaceFile } from './helpers';

// Every answer given, the encryption one through keyId: the command asks nothing.
const ANSWERS = {
  role: 'kcl-consumer',
  kclVersion: '1.x',
  region: 'eu-west-1',
  account: '111122223333',
  stream: 'order-events',
  application: 'order-events-consumer',
  keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
};

describe('Commands', () => {
  afterEach(closeAllEditors);

  it('New Policy with its answers given opens a clean KCL consumer policy in an untitled editor named for saving', async () => {
    await vscode.commands.executeCommand('kinesisPolicy.newPolicy', ANSWERS);
    const editor = await waitFor('an untitled JSON editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'untitled' && active.document.languageId === 'json' && active.document.getText() !== '' && active;
    });
    // Saving offers the workspace folder and this name.
    assert.equal(editor.document.uri.path, workspaceFile('order-events-consumer.policy.json').path);
    const text = editor.document.getText();
    for (const arn of [
      'arn:aws:kinesis:eu-west-1:111122223333:stream/order-events',
      'arn:aws:dynamodb:eu-west-1:111122223333:table/order-events-consumer',
      'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    ]) {
      assert.ok(text.includes(`"${arn}"`), `${arn} is not in:\n${text}`);
    }
    const diagnostics = await checkedDiagnostics(editor);
    assert.deepEqual(problems(diagnostics).map((d) => `${codeOf(d)}: ${d.message}`), []);
  });

  it('New Policy told the stream is not encrypted gives no KMS hint', async () => {
    const answers = { role: 'producer', region: 'eu-west-1', account: '111122223333', stream: 'plain-events', encrypted: false };
    await vscode.commands.executeCommand('kinesisPolicy.newPolicy', answers);
    const editor = await waitFor('the producer policy', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('plain-events-producer.policy.json') && active.document.getText() !== '' && active;
    });
    const diagnostics = await checkedDiagnostics(editor);
    assert.deepEqual(diagnostics.map((d) => `${codeOf(d)}: ${d.message}`), []);
  });

  it("Show Rule Documentation opens the shipped rules.md with the cursor on the rule's heading", async () => {
    const code = 'kcl/missing-lease-table-permissions';
    await vscode.commands.executeCommand('kinesisPolicy.showRuleDocumentation', code);
    const rules = vscode.Uri.joinPath(extension().extensionUri, 'docs', 'rules.md');
    const editor = await waitFor('rules.md in the active editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === rules.toString() && active;
    });
    const { active } = editor.selection;
    assert.equal(editor.document.lineAt(active.line).text, `## \`${code}\``);
    assert.equal(active.character, 0);
    await waitFor('the heading to be scrolled into view', () => editor.visibleRanges.some((r) => r.contains(active)));
  });
});
