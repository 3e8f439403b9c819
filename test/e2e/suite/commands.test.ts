import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkedDiagnostics, closeAllEditors, codeOf, diagnosticsWhere, extension, openPolicy, problems, waitFor, withCode, workspaceFile } from './helpers';

/** The part of the extension's API these tests use (see `activate` in client/src/extension.ts). */
interface Api {
  ruleDocumentation: { shown: { code: string; html: string } | undefined };
}

const WILDCARD = 'resource-policy/wildcard-action';

function ruleTab(code: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === `Rule ${code}`);
}

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

  it("Show Rule Documentation renders the rule's section in a panel beside the editor", async () => {
    const code = 'kcl/missing-lease-table-permissions';
    await vscode.commands.executeCommand('kinesisPolicy.showRuleDocumentation', code);
    await waitFor('the rule panel', () => ruleTab(code));
    const shown = (extension().exports as Api).ruleDocumentation.shown;
    assert.equal(shown?.code, code);
    assert.match(shown.html, new RegExp(`<h2><code>${code}</code></h2>`));
    assert.match(shown.html, /<p>Fails:<\/p>\s*<pre><code class="language-json">/);
    assert.doesNotMatch(shown.html, /<script/);
    assert.doesNotMatch(shown.html, /## /, 'rendered, not raw Markdown');
  });

  it("a diagnostic's code links to its rule's panel, as the Problems panel and hovers open it", async () => {
    const { document } = await openPolicy('share-stream.json');
    const [wildcard] = withCode(await diagnosticsWhere(document.uri, WILDCARD, (d) => withCode(d, WILDCARD).length > 0), WILDCARD);
    const target = typeof wildcard.code === 'object' ? wildcard.code.target : undefined;
    assert.equal(target?.scheme, 'command');
    assert.equal(target.path, 'kinesisPolicy.showRuleDocumentation');
    // What the Problems panel does with the link: run the command with the arguments in its query.
    await vscode.commands.executeCommand(target.path, ...(JSON.parse(decodeURIComponent(target.query)) as unknown[]));
    await waitFor('the rule panel', () => ruleTab(WILDCARD));
  });
});
