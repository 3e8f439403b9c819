// UI smoke test through Chromium, on the installed .vsix: what a person sees. Opens a policy,
// types after "kinesis:", completes, hovers, opens a quick fix and inserts the KCL consumer
// statements, shows a finding in a YAML template and in a Terraform file, and saves screenshots
// of each. `npm run test:ui` writes them to docs/images/ (the README shows them).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, workbenchUrl } from './browser.mjs';
import { buildForE2E } from './build.mjs';
import { installExtension, prepareState, startCodeServer } from './codeServer.mjs';
import { e2eDir, root, step, timed, vsixPath } from './env.mjs';
import { setup } from './setup.mjs';
import { copyWorkspace } from './suite.mjs';

// Completion while writing a policy; hover on a complete one, where no problem hover competes.
const COMPLETION_FILE = 'in-progress.json';
const AFTER = '"Action": "kinesis:';
const HOVER_FILE = 'consumer.json';
// A stream policy sharing "kinesis:Get*", which Kinesis rejects; a producer to add a consumer to.
const QUICK_FIX_FILE = 'share-stream.json';
const INSERT_FILE = 'producer.json';
export const WAIT = { timeout: 20_000 };
const ANALYTICS = 'arn:aws:iam::444455556666:role/order-analytics';
// A quiet, readable window for the pictures; nothing here changes what the extension does.
export const SETTINGS = {
  'editor.minimap.enabled': false,
  'editor.fontSize': 15,
  'workbench.activityBar.location': 'hidden',
  'window.commandCenter': false,
  'workbench.reduceMotion': 'on',
  // Check Access: the analytics role's identity policy, in the test workspace.
  'kinesisPolicy.access.identityPolicies': { [ANALYTICS]: ['access/reader.json'] },
};

/**
 * A UI session on the installed .vsix: a fresh state (`prepare` adds to it, a language pack say),
 * code-server with `args`, the workbench open on a copy of the test workspace. `steps(page,
 * workspace, check)` drives it; resolves with { passed, failed }, each check that held counting
 * one passed, and on a failure keeps a picture of the page beside the log.
 */
export async function uiSession({ name, title, args = [], prepare = () => undefined, screenshotsDir }, steps) {
  const stateDir = join(e2eDir, 'runs', name);
  prepareState(stateDir, SETTINGS);
  const workspace = copyWorkspace(stateDir);
  prepare(stateDir);
  installExtension(stateDir, vsixPath);
  const server = await startCodeServer({ stateDir, args });
  mkdirSync(screenshotsDir, { recursive: true });
  let browser;
  let page;
  let passed = 0;
  const check = (what) => {
    passed++;
    console.log(`  ✓ ${what}`);
  };
  try {
    browser = await launchBrowser({ viewport: { width: 1100, height: 620 } });
    page = await browser.context.newPage();
    step(`${title}: ${server.url}`);
    await page.goto(workbenchUrl(server, workspace));
    await page.locator('.monaco-workbench').waitFor(WAIT);
    await steps(page, workspace, check);
    return { passed, failed: 0 };
  } catch (error) {
    const cause = error.cause ? ` (${error.cause.message})` : '';
    // What the page showed when it failed, beside the log: CI keeps no browser to look at.
    const picture = join(stateDir, 'failure.png');
    await page?.screenshot({ path: picture }).catch(() => undefined);
    console.log(`  ✗ ${error.message}${cause}\n  code-server log: ${join(stateDir, 'code-server.log')}, screen: ${picture}`);
    return { passed, failed: 1 };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

/** Resolves with { passed, failed }; each check that held counts as one passed. */
export function runUiSmoke({ screenshotsDir }) {
  return uiSession({ name: 'ui', title: 'UI smoke test', screenshotsDir }, async (page, workspace, check) => {
    // Without the side bar the completion details fit to the right of the list.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ ...WAIT, state: 'hidden' });
    await openFile(page, COMPLETION_FILE);
    await goTo(page, cursorAfter(join(workspace, COMPLETION_FILE), AFTER));

    await page.keyboard.type('GetR');
    const focused = await openSuggestions(page, 'kinesis:GetRecords');
    check(`completion lists ${(await focused.innerText()).replace(/\s+/g, ' ')}`);
    await showSuggestionDetails(page);
    await page.screenshot({ path: join(screenshotsDir, 'completion.png') });

    await page.keyboard.press('Enter');
    const line = page.locator('.view-line', { hasText: /"Action":\s"kinesis:GetRecords",/ });
    await line.waitFor(WAIT);
    check('accepting it writes "kinesis:GetRecords"');

    await openFile(page, HOVER_FILE);
    await page.locator('.view-line span', { hasText: 'kinesis:GetRecords' }).last().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Access level' });
    await hover.waitFor(WAIT);
    await hover.locator('a', { hasText: 'Documentation' }).waitFor(WAIT);
    check('hover shows the access level and the documentation link');
    await settled(hover);
    await page.screenshot({ path: join(screenshotsDir, 'hover.png') });
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');

    await openFile(page, QUICK_FIX_FILE);
    await goTo(page, cursorAfter(join(workspace, QUICK_FIX_FILE), '"kinesis:Get'));
    await page.locator('.squiggly-error').first().waitFor(WAIT);
    await page.keyboard.press('Control+.');
    const fixes = page.locator('.action-widget', { hasText: 'Replace the wildcard with the shareable actions it covers' });
    await settled(fixes);
    check('Ctrl+. on "kinesis:Get*" offers to replace the wildcard');
    await page.screenshot({ path: join(screenshotsDir, 'quick-fix.png') });
    await page.keyboard.press('Escape');
    await fixes.waitFor({ ...WAIT, state: 'hidden' });

    // A CloudFormation template: the finding sits on the action in the YAML.
    await openFile(page, 'orders.yaml');
    await page.locator('.squiggly-error').first().waitFor(WAIT);
    await page.locator('.view-line span', { hasText: 'kinesis:PutRecordz' }).last().hover();
    const problem = page.locator('.monaco-hover', { hasText: 'Did you mean kinesis:PutRecord' });
    await settled(problem);
    check('a YAML template shows the finding on its action, with its rule code');
    await page.screenshot({ path: join(screenshotsDir, 'template.png') });
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');

    // A Terraform file: the finding sits on the action in the HCL, shown by the editor's hover command.
    await openFile(page, 'main.tf');
    await page.locator('.squiggly-error').first().waitFor(WAIT);
    await goTo(page, cursorAfter(join(workspace, 'terraform', 'main.tf'), '"kinesis:PutRec'));
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const terraformProblem = page.locator('.monaco-hover', { hasText: 'Did you mean kinesis:PutRecord' });
    await settled(terraformProblem);
    check('a Terraform file shows the finding on its action, with its rule code');
    await page.screenshot({ path: join(screenshotsDir, 'terraform.png') });
    await page.keyboard.press('Escape');

    // Tall enough for the whole policy once the three statements are in.
    await page.setViewportSize({ width: 1100, height: 1000 });
    await openFile(page, INSERT_FILE);
    await goTo(page, cursorAfter(join(workspace, INSERT_FILE), '"Statement": ['));
    // The light bulb shows once the server has answered with actions here; asked sooner, the
    // menu would say there are none.
    await page.locator('.lightBulbWidget').waitFor(WAIT);
    await openActionMenu(page, 'Control+Shift+R'); // Refactor...
    await chooseAction(page, 'Add KCL consumer statements (KCL 1.x)');
    await page.locator('.view-line', { hasText: '"cloudwatch:PutMetricData"' }).waitFor(WAIT);
    // The lease table's name is not in the producer policy: its placeholder is flagged once checked.
    await page.locator('.squiggly-warning').first().waitFor(WAIT);
    check('Refactor... inserts the KCL consumer statements, the unknown table name flagged');
    await page.screenshot({ path: join(screenshotsDir, 'consumer-policy.png') });

    // Check Access, answered as a person does: who, what, on which stream, no context.
    await openFile(page, 'orders.stream-policy.json');
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').waitFor(WAIT);
    await page.keyboard.type('Kinesis Policy: Check Access');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Check Access' }).first().waitFor(WAIT);
    await page.keyboard.press('Enter');
    await answer(page, 'Who asks', ANALYTICS);
    await choose(page, 'What does it do?', 'Cross-account reader');
    await choose(page, 'Which stream?', 'stream/orders');
    await answer(page, 'Request context', '');
    const view = page.locator('.pane', { hasText: 'Kinesis Access' });
    await view.locator('.monaco-list-row', { hasText: '4 of 4 allowed' }).waitFor(WAIT);
    await view.locator('.monaco-list-row', { hasText: 'ShareWithAnalytics' }).first().waitFor(WAIT);
    check('Check Access answers in the Kinesis Access view, with the statements of both accounts');
    // For the picture: the view gets the side bar's height (the folder collapsed) and a wider side bar.
    await page.locator('.pane-header', { hasText: 'Workspace' }).click();
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const x = sidebar.x + sidebar.width;
      await page.mouse.move(x, 300);
      await page.mouse.down();
      await page.mouse.move(x + 330, 300, { steps: 5 });
      await page.mouse.up();
    }
    await page.mouse.move(900, 500);
    await page.screenshot({ path: join(screenshotsDir, 'access.png') });
    step(`screenshots in ${screenshotsDir}`);
  });
}

/** Types an answer into the open input box whose prompt says `prompt`, and accepts it. */
async function answer(page, prompt, text) {
  await page.locator('.quick-input-widget', { hasText: prompt }).waitFor(WAIT);
  if (text) await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Filters the open quick pick whose placeholder is `placeholder` by `text`, and chooses the first row. */
async function choose(page, placeholder, text) {
  await page.locator(`.quick-input-widget input[placeholder="${placeholder}"]`).waitFor(WAIT);
  await page.keyboard.type(text);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor(WAIT);
  await page.keyboard.press('Enter');
}

/** Quick Open (Ctrl+P), waiting for the file's row before choosing it. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor(WAIT);
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor(WAIT);
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor(WAIT);
  await page.locator('.monaco-editor .view-lines', { hasText: 'Statement' }).waitFor(WAIT);
}

/** Go to Line (Ctrl+G), then the status bar's cursor position says the move is done. */
export async function goTo(page, { line, column }) {
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor(WAIT);
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor(WAIT);
}

/**
 * Opens completion until the focused row is `label`. The first tries may come before the
 * language server is up, when only VS Code's own JSON completion answers.
 */
async function openSuggestions(page, label, attempts = 10) {
  const focused = page.locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: label });
  for (let i = 1; ; i++) {
    if (!(await page.locator('.suggest-widget.visible').isVisible())) await page.keyboard.press('Control+Space');
    try {
      await focused.waitFor({ timeout: 3_000 });
      return focused;
    } catch (error) {
      if (i === attempts) throw new Error(`completion never focused ${label}`, { cause: error });
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Ctrl+Space on an open list shows the side panel with the item's description. On a busy machine
 * the key can come while the list is still refreshing and be lost, so it is pressed again while
 * the panel is not there (never while it is: a second press would hide it).
 */
async function showSuggestionDetails(page, attempts = 5) {
  const details = page.locator('.suggest-details-container .suggest-details');
  for (let i = 1; ; i++) {
    await page.keyboard.press('Control+Space');
    try {
      await details.waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (i === attempts) throw new Error('the completion details never showed', { cause: error });
    }
  }
  await settled(details);
}

/**
 * Opens a code action menu with `key`. On a busy machine the key can come while the editor is
 * still busy with the file just opened and be lost, or the menu can be asked before the server's
 * actions are in ("no refactorings"); both are left with Escape and the key pressed again.
 */
export async function openActionMenu(page, key, attempts = 5) {
  const rows = page.locator('.action-widget .monaco-list-row.focused');
  for (let i = 1; ; i++) {
    await page.keyboard.press(key);
    try {
      await rows.waitFor({ timeout: 4_000 });
      return;
    } catch (error) {
      if (i === attempts) throw new Error(`no code action menu after ${key}`, { cause: error });
      await page.keyboard.press('Escape');
    }
  }
}

/** Moves down the code action menu to the row titled `title`, and runs it (the menu blocks mouse clicks). */
async function chooseAction(page, title, maxRows = 20) {
  const selector = '.action-widget .monaco-list-row.focused';
  for (let i = 0; i < maxRows; i++) {
    const text = await page.locator(selector).textContent(WAIT);
    if (text.includes(title)) return page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    // The next row is focused when the list has handled the key, which need not be at once.
    await page.waitForFunction(([s, before]) => globalThis.document.querySelector(s)?.textContent !== before, [selector, text], WAIT);
  }
  throw new Error(`no "${title}" among the first ${maxRows} code actions`);
}

/** Waits until `locator` is visible and done with any fade-in, so that a screenshot shows it whole. */
export async function settled(locator) {
  await locator.waitFor(WAIT);
  await locator.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((a) => a.finished)));
}

/** 1-based line and column just after `text` in `file`. */
export function cursorAfter(file, text) {
  const content = readFileSync(file, 'utf8');
  const offset = content.indexOf(text) + text.length;
  const before = content.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1).length + 1 };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await setup();
  await buildForE2E({ development: false });
  const screenshotsDir = join(root, 'docs', 'images');
  const { failed } = await timed('UI smoke test', () => runUiSmoke({ screenshotsDir }));
  const { runUiChinese } = await import('./uiChinese.mjs');
  const chinese = await timed('UI test in Chinese', () => runUiChinese({ screenshotsDir }));
  process.exitCode = failed + chinese.failed > 0 ? 1 : 0;
}
