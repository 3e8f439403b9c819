// Builds what the real-VS-Code runs load: the .vsix (production bundles), then the development
// bundles in dist/ and the in-editor suite, compiled into out/e2e/.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { e2eDir, root, step, suiteOutDir, timed } from './env.mjs';

/** The development extension of the .vsix run (see its package.json). */
export const vsixHostDir = join(root, 'test', 'e2e', 'vsix-host');
export const suiteEntry = join(suiteOutDir, 'suite', 'index.js');
/**
 * A stand-in Chinese language pack (test/e2e/language-pack): installed, it lets `--locale zh-cn`
 * select Simplified Chinese as VS Code's display language, as the real language pack does, so that
 * VS Code loads the extension's Chinese strings. It translates nothing of VS Code's own.
 */
export const languagePackVsix = join(e2eDir, 'language-pack-zh-cn.vsix');

export async function buildForE2E({ development = true } = {}) {
  await timed('build', () => {
    // `npm run package` leaves production bundles in dist/, so the development build comes after it.
    run('npm', ['run', '--silent', 'package']);
    run(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', languagePackVsix], join(root, 'test', 'e2e', 'language-pack'));
    if (!development) return;
    run(process.execPath, ['scripts/build.mjs']);
    run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'test/e2e']);
  });
}

function run(command, args, cwd = root) {
  step(`$ ${[command === process.execPath ? 'node' : command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}
