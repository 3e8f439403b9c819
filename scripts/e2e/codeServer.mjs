// Starts code-server with state of its own (never the home folder) and stops it with all the
// processes it started: extension hosts and file watchers outlive a kill of the main process.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerBin, root, step } from './env.mjs';

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'json.schemaDownload.enable': false,
  'security.workspace.trust.enabled': false,
  // The workspaces live inside this repository: no offer to open it.
  'git.openRepositoryInParentFolders': 'never',
  'update.mode': 'none',
};

/** Instances not stopped yet: Ctrl+C or an early exit of this process must not leave them running. */
const running = new Set();
let handlersInstalled = false;

function stopOnExit(server) {
  running.add(server);
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('exit', () => running.forEach((s) => killGroup(s.pid, 'SIGKILL')));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping code-server`);
      void Promise.all([...running].map((s) => s.stop())).then(() => process.exit(process.exitCode ?? 130));
    });
  }
}

/** The flags and environment that keep an instance inside `stateDir`. */
function isolation(stateDir) {
  return {
    args: [
      '--config', join(stateDir, 'cs.yaml'),
      '--user-data-dir', join(stateDir, 'ud'),
      '--extensions-dir', join(stateDir, 'exts'),
    ],
    env: { ...process.env, XDG_CONFIG_HOME: join(stateDir, 'xdg-config'), XDG_DATA_HOME: join(stateDir, 'xdg-data') },
  };
}

/** Makes a fresh state folder with the settings that keep the workbench quiet and offline. */
export function prepareState(stateDir, settings = {}) {
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(join(stateDir, 'ud', 'User'), { recursive: true });
  writeFileSync(join(stateDir, 'cs.yaml'), 'auth: none\ncert: false\n');
  writeFileSync(join(stateDir, 'ud', 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));
}

/**
 * Installs the stand-in Chinese language pack and writes the index of language packs VS Code keeps
 * in its user data (`languagepacks.json`, which it writes itself once its language pack service
 * has run; code-server reads it at start to resolve `--locale`).
 */
export function useLanguagePack(stateDir, languagePackVsix) {
  installExtension(stateDir, languagePackVsix);
  const manifest = JSON.parse(readFileSync(join(root, 'test', 'e2e', 'language-pack', 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const translations = join(stateDir, 'exts', `${id}-${manifest.version}`, 'translations', 'main.i18n.json');
  const pack = { hash: `${id}-${manifest.version}`, extensions: [{ extensionIdentifier: { id }, version: manifest.version }], translations: { vscode: translations }, label: '中文(简体)' };
  writeFileSync(join(stateDir, 'ud', 'languagepacks.json'), JSON.stringify({ 'zh-cn': pack }));
}

/** `code-server --install-extension FILE.vsix` into the state folder's extensions. */
export function installExtension(stateDir, vsix) {
  const { args, env } = isolation(stateDir);
  const result = spawnSync(process.execPath, [codeServerBin, ...args, '--install-extension', vsix], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
  step(result.stdout.trim().split('\n').at(-1));
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers /healthz.
 * `env` reaches the extension host, which inherits code-server's environment; `args` are more flags.
 */
export async function startCodeServer({ stateDir, port, env = {}, args: extraArgs = [] }) {
  port ??= await freePort();
  const { args, env: baseEnv } = isolation(stateDir);
  const log = openSync(join(stateDir, 'code-server.log'), 'a');
  const child = spawn(
    process.execPath,
    [
      codeServerBin, ...args,
      '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      ...extraArgs,
    ],
    // A session and process group of its own, so that stop() reaches every process it starts.
    { env: { ...baseEnv, ...env }, detached: true, stdio: ['ignore', log, log] },
  );
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let stopped;
  const server = {
    url: `http://127.0.0.1:${port}`,
    port,
    stateDir,
    pid: child.pid,
    exited,
    get stopping() {
      return stopped !== undefined;
    },
    /** Ends the whole process group: SIGTERM, then SIGKILL for whatever is left. */
    stop() {
      stopped ??= (async () => {
        killGroup(child.pid, 'SIGTERM');
        await Promise.race([exited, delayed(5000)]);
        killGroup(child.pid, 'SIGKILL');
        running.delete(server);
      })();
      return stopped;
    },
  };
  stopOnExit(server);
  try {
    await Promise.race([
      waitForHealth(server.url),
      exited.then((code) => Promise.reject(new Error(`code-server exited (${code}); see ${join(stateDir, 'code-server.log')}`))),
    ]);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** Polls /healthz: it answers within a second of the start, and its answer is the condition. */
async function waitForHealth(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await delayed(100);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

function delayed(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
