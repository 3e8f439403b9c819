// Installs what the real-VS-Code tests need and is missing, and says what it does:
//   Debian packages: chromium (the browser), libkrb5-dev (code-server's `kerberos` module builds
//   against it), ripgrep (stands in for the binary @vscode/ripgrep would download),
//   fonts-wqy-microhei (a Chinese font, for the screenshots of the product in Chinese);
//   code-server, into .e2e/code-server (ignored by git, not a dependency of the project).
// Quick when all is there: a few dpkg queries and a file read.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_SERVER_VERSION, chromiumPath, codeServerBin, codeServerDir, step, timed } from './env.mjs';

const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'fonts-wqy-microhei'];

// npm runs only the install scripts of packages allowed by name. code-server's postinstall runs
// npm again in lib/vscode and lib/vscode/extensions (each with its shrinkwrap): those read the
// list from an .npmrc put there between the download and the build.
const ALLOWED_SCRIPTS = [
  'code-server', 'argon2', '@parcel/watcher', '@vscode/deviceid', '@vscode/ripgrep', '@vscode/spdlog',
  'kerberos', 'native-watchdog', 'node-pty', 'vscode-extensions',
];

// @vscode/ripgrep downloads its binary from GitHub, which is out of reach; its postinstall first
// looks for this archive in the temporary folder, so Debian's `rg` is put there.
const RIPGREP_CACHE = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const RIPGREP_ARCH = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];

export async function setup() {
  if (process.platform !== 'linux' || !RIPGREP_ARCH) {
    throw new Error('The code-server tests run on Linux (x64 or arm64) with apt; elsewhere use `npm run test:vscode`.');
  }
  await timed('set-up', async () => {
    installAptPackages();
    if (!existsSync(chromiumPath)) throw new Error(`No browser at ${chromiumPath}`);
    installCodeServer();
  });
}

function installAptPackages() {
  const missing = APT_PACKAGES.filter((name) => !isInstalled(name));
  if (missing.length === 0) return step(`apt packages present: ${APT_PACKAGES.join(', ')}`);
  step(`installing apt packages: ${missing.join(', ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run([...sudo, 'apt-get', 'update', '-q'], { env });
  run([...sudo, 'apt-get', 'install', '-y', '-q', ...missing], { env });
}

function isInstalled(name) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

function installCodeServer() {
  const marker = join(codeServerDir, 'installed.json');
  const wanted = JSON.stringify({ version: CODE_SERVER_VERSION, node: process.versions.modules });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted && existsSync(codeServerBin)) {
    return step(`code-server ${CODE_SERVER_VERSION} present in ${codeServerDir}`);
  }
  step(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (native modules build from source)`);
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(
    join(codeServerDir, 'package.json'),
    JSON.stringify(
      {
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: Object.fromEntries(ALLOWED_SCRIPTS.map((name) => [name, true])),
      },
      null,
      2,
    ),
  );
  provideRipgrep();
  const npm = (...args) => run(['npm', ...args, '--no-audit', '--no-fund', '--no-package-lock', '--omit=dev'], {
    cwd: codeServerDir,
    // node-pty's install runs `npx node-gyp`, which would otherwise ask.
    env: { ...process.env, npm_config_yes: 'true' },
  });
  npm('install', '--ignore-scripts');
  const vscodeDir = join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode');
  for (const dir of [vscodeDir, join(vscodeDir, 'extensions')]) {
    writeFileSync(join(dir, '.npmrc'), `allow-scripts=${ALLOWED_SCRIPTS.join(',')}\n`);
  }
  npm('rebuild', `--script-shell=${unsafePermShell()}`);
  writeFileSync(marker, wanted);
}

/**
 * A shell for the install scripts that sets npm_config_unsafe_perm. As root, code-server's
 * postinstall stops unless that variable is "true", a check from before npm 7. npm 11 no longer
 * knows the setting: in npm's own environment, or as --unsafe-perm, it warns "Unknown env config".
 * Set by the shell, only the scripts see it.
 */
function unsafePermShell() {
  const shell = join(codeServerDir, 'script-shell.sh');
  writeFileSync(shell, '#!/bin/sh\nnpm_config_unsafe_perm=true exec /bin/sh "$@"\n', { mode: 0o755 });
  return shell;
}

function provideRipgrep() {
  const archive = join(RIPGREP_CACHE, `ripgrep-v13.0.0-10-${RIPGREP_ARCH}.tar.gz`);
  if (existsSync(archive)) return;
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  step(`caching ${rg} as ${archive}`);
  mkdirSync(RIPGREP_CACHE, { recursive: true });
  run(['tar', 'czf', archive, '-C', join(rg, '..'), 'rg']);
}

function run([command, ...args], options = {}) {
  step(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await setup();
