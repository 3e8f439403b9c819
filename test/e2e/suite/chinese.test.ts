import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, codeActionsAt, completionsAt, diagnosticsWhere, extension, hoverTextAt, labelOf, openPolicy, positionAfter, waitFor, withCode } from './helpers';

/**
 * With VS Code's display language set to Simplified Chinese (the run's `--locale zh-cn`): what
 * the extension and its server say is said in Chinese, from the extension's own bundles; rule
 * codes and IAM names are unchanged.
 */

/** The Chinese of an English message, from the bundle the extension ships, its placeholders filled in. */
function chinese(english: string, ...args: (string | number)[]): string {
  const bundle = JSON.parse(readFileSync(join(extension().extensionPath, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const translated = bundle[english];
  assert.ok(translated, `no Chinese for "${english}"`);
  return translated.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
}

const WILDCARD = 'resource-policy/wildcard-action';

describe('In Chinese', () => {
  afterEach(closeAllEditors);

  it('runs in Simplified Chinese and names its commands and settings in it', async () => {
    await openPolicy('consumer.json');
    assert.equal(vscode.env.language, 'zh-cn');
    // VS Code gives the manifest's localized strings as they are shown, with their English beside them.
    type Localized = string | { value: string; original: string };
    const shown = (text: Localized | undefined) => (typeof text === 'object' ? text.value : text);
    const manifest = extension().packageJSON as { displayName: Localized; contributes: { commands: { command: string; title: Localized; category: Localized }[] } };
    const newPolicy = manifest.contributes.commands.find((c) => c.command === 'kinesisPolicy.newPolicy');
    assert.deepEqual([shown(manifest.displayName), shown(newPolicy?.category), shown(newPolicy?.title)], ['Kinesis 策略', 'Kinesis 策略', '新建策略...']);
  });

  it('reports a finding in Chinese, with its rule code, and offers its quick fix in Chinese', async () => {
    const { document } = await openPolicy('share-stream.json');
    const found = await diagnosticsWhere(document.uri, WILDCARD, (d) => withCode(d, WILDCARD).length > 0);
    const [wildcard] = withCode(found, WILDCARD);
    assert.match(wildcard.message, /[\u4e00-\u9fff]/, `not Chinese: ${wildcard.message}`);
    assert.ok(wildcard.message.includes('kinesis:Get*'), wildcard.message);
    // The window asks for code actions with the diagnostics it shows in the range, which reach it
    // after the extension host has them: asked at once, the fix may not be offered yet.
    const title = chinese('Replace the wildcard with the shareable actions it covers');
    let titles: string[] = [];
    await waitFor(`the quick fix "${title}"`, async () => {
      titles = (await codeActionsAt(document.uri, wildcard.range, vscode.CodeActionKind.QuickFix.value)).map((a) => a.title);
      return titles.includes(title);
    }).catch((error: Error) => assert.fail(`${error.message}; offered: ${titles.join(' | ')}`));
  });

  it('offers its snippets described in Chinese', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'jsonc', content: '' });
    await vscode.window.showTextDocument(document);
    await waitFor('the extension to activate', () => extension().isActive);
    const items = await completionsAt(document, new vscode.Position(0, 0));
    const snippet = items.find((i) => labelOf(i) === 'kinesis-producer' && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippet, `no kinesis-producer snippet among: ${items.map(labelOf).join(', ')}`);
    const shown = [snippet.detail, typeof snippet.label === 'object' ? snippet.label.description : undefined].join(' ');
    assert.ok(shown.includes(chinese('Kinesis producer policy')) || shown.includes(chinese('Identity policy for a producer: describe the stream, list shards, put records.')), shown);
  });

  it('hovers in Chinese, linking the Chinese edition of the AWS documentation', async () => {
    const editor = await openPolicy('consumer.json');
    const text = await hoverTextAt(editor.document, positionAfter(editor.document, '"kinesis:Get'));
    assert.match(text, /[\u4e00-\u9fff]/, `not Chinese:\n${text}`);
    assert.ok(text.includes('(https://docs.aws.amazon.com/zh_cn/kinesis/latest/APIReference/API_GetRecords.html)'), `no Chinese documentation link:\n${text}`);
  });
});
