// Runs the in-editor suite (test/e2e/suite) inside code-server: the workbench page gets the
// test payload, the suite's run() executes in the Node extension host, and the page reports
// the exit code through codeAutomationExit.
import { appendFileSync, cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, remoteUri, workbenchUrl } from './browser.mjs';
import { languagePackVsix, suiteEntry, vsixHostDir } from './build.mjs';
import { installExtension, prepareState, startCodeServer, useLanguagePack } from './codeServer.mjs';
import { e2eDir, root, step } from './env.mjs';

const SUITE_LINE = '[suite] ';
const RUN_TIMEOUT_MS = 5 * 60_000;

/** A fresh copy of the fixture workspace, so that no run sees another's edits. */
export function copyWorkspace(stateDir) {
  const workspace = join(stateDir, 'workspace');
  cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  return workspace;
}

/**
 * target 'dev': the extension from the development folder; target 'vsix': the .vsix at `vsix`,
 * installed with --install-extension; target 'zh-cn': the development folder with VS Code's
 * display language set to Simplified Chinese. Resolves with { passed, failed } as the suite counted them.
 */
export async function runSuite({ target, vsix }) {
  const stateDir = join(e2eDir, 'runs', target);
  prepareState(stateDir);
  const workspace = copyWorkspace(stateDir);
  if (vsix) installExtension(stateDir, vsix);
  if (target === 'zh-cn') useLanguagePack(stateDir, languagePackVsix);
  const env = { KINESIS_E2E_TARGET: target, KINESIS_E2E_LOGS: join(stateDir, 'ud', 'logs') };
  const server = await startCodeServer({ stateDir, env, args: target === 'zh-cn' ? ['--locale', 'zh-cn'] : [] });
  const workbenchLog = join(stateDir, 'workbench.log');
  let browser;
  let result;
  try {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      const text = String(message);
      appendFileSync(workbenchLog, `${level} ${text}\n`);
      if (text.startsWith(SUITE_LINE)) {
        const line = text.slice(SUITE_LINE.length);
        if (line.startsWith('RESULT ')) result = JSON.parse(line.slice('RESULT '.length));
        else console.log(line);
      }
    });
    // The workbench takes one development extension from a payload (it reads it into a Map).
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, vsix ? vsixHostDir : root)],
      ['extensionTestsPath', remoteUri(server, suiteEntry)],
    ];
    step(`suite (${target}): ${server.url}, workspace ${workspace}`);
    await page.goto(workbenchUrl(server, workspace, payload));
    const code = await Promise.race([exited, timeout(RUN_TIMEOUT_MS, `the suite (${target}) to finish`)]);
    if (code === 0 && result) return result;
  } catch (error) {
    console.log(`suite (${target}): ${error.message}`);
  } finally {
    await browser?.close();
    await server.stop();
  }
  printLogs(stateDir, workbenchLog);
  return { passed: result?.passed ?? 0, failed: Math.max(result?.failed ?? 0, 1) };
}

function timeout(ms, what) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), ms).unref());
}

/** On failure CI has only its log: show the errors the workbench and the extension logged. */
function printLogs(stateDir, workbenchLog) {
  const errors = tryRead(workbenchLog)
    .split('\n')
    .filter((line) => line.startsWith('error ') && !line.includes('open-vsx.org'));
  console.log(`--- workbench errors (${workbenchLog})\n${errors.slice(-20).join('\n')}`);
  for (const file of findFiles(join(stateDir, 'ud', 'logs'), /(remoteexthost|Kinesis Policy|Kinesis 策略)\.log$/)) {
    console.log(`--- ${file}\n${tryRead(file).split('\n').slice(-30).join('\n')}`);
  }
}

function findFiles(dir, pattern) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && pattern.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

function tryRead(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
