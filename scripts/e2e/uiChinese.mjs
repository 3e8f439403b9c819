// UI test in Chinese through Chromium, on the installed .vsix, with VS Code's display language set
// to Simplified Chinese (a stand-in language pack: VS Code's own UI stays English, the
// extension's strings are its own): a finding's hover and its quick fix, and the first step of
// New Policy from the command palette, as a person sees them. Saves a screenshot of each;
// `npm run test:ui` writes them to docs/images/ beside the English ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languagePackVsix } from './build.mjs';
import { useLanguagePack } from './codeServer.mjs';
import { root } from './env.mjs';
import { cursorAfter, goTo, openActionMenu, openFile, settled, uiSession, WAIT } from './ui.mjs';

const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8'));

/** The Chinese the extension ships for an English message. */
function chinese(english) {
  const text = bundle[english];
  if (!text) throw new Error(`no Chinese for "${english}"`);
  return text;
}

/** Resolves with { passed, failed }; each check that held counts as one passed. */
export function runUiChinese({ screenshotsDir }) {
  const session = { name: 'ui-zh-cn', title: 'UI test in Chinese', args: ['--locale', 'zh-cn'], prepare: (stateDir) => useLanguagePack(stateDir, languagePackVsix), screenshotsDir };
  return uiSession(session, async (page, workspace, check) => {
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ ...WAIT, state: 'hidden' });

    // A stream policy sharing "kinesis:Get*": the finding's hover, in Chinese, with its rule code.
    await openFile(page, 'share-stream.json');
    await page.locator('.squiggly-error').first().waitFor(WAIT);
    await goTo(page, cursorAfter(join(workspace, 'share-stream.json'), '"kinesis:Get'));
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const problem = page.locator('.monaco-hover', { hasText: 'resource-policy/wildcard-action' });
    await settled(problem);
    if (!/[\u4e00-\u9fff]/.test(await problem.innerText())) throw new Error(`the finding is not in Chinese: ${await problem.innerText()}`);
    check('a finding shows in Chinese, with its rule code');
    await page.screenshot({ path: join(screenshotsDir, 'chinese-finding.png') });
    await page.keyboard.press('Escape');

    await openActionMenu(page, 'Control+.');
    const fix = page.locator('.action-widget', { hasText: chinese('Replace the wildcard with the shareable actions it covers') });
    await settled(fix);
    check('its quick fix is titled in Chinese');
    await page.keyboard.press('Escape');

    // New Policy from the command palette, by its Chinese name: its first step asks in Chinese.
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').waitFor(WAIT);
    const command = `${manifest['command.category']}: ${manifest['command.newPolicy.title']}`;
    await page.keyboard.type(manifest['command.newPolicy.title'].replace(/\.+$/, ''));
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor(WAIT);
    check(`the command palette lists "${command}"`);
    await page.keyboard.press('Enter');
    const firstStep = page.locator('.quick-input-widget', { hasText: chinese('New Kinesis Policy (1 of 2 or more)') });
    await firstStep.locator(`input[placeholder="${chinese('Who is the policy for?')}"]`).waitFor(WAIT);
    await settled(firstStep.locator('.quick-input-list .monaco-list-row', { hasText: chinese('Producer') }).first());
    check('New Policy asks its first step in Chinese');
    await page.screenshot({ path: join(screenshotsDir, 'chinese-new-policy.png') });
    await page.keyboard.press('Escape');
  });
}
