// `npm run test:vscode`: the same in-editor suite in desktop VS Code through @vscode/test-electron,
// for a machine that can download VS Code (VSCODE_VERSION: 'stable' by default, or e.g. 1.100.3,
// the oldest the manifest allows). Where only package registries are reachable, use
// `npm run test:e2e`, which runs the suite in code-server instead.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { buildForE2E, suiteEntry, vsixHostDir } from './build.mjs';
import { prepareState } from './codeServer.mjs';
import { e2eDir, root, step, vsixPath } from './env.mjs';
import { copyWorkspace } from './suite.mjs';

await buildForE2E();
const vscodeExecutablePath = await downloadAndUnzipVSCode({
  version: process.env.VSCODE_VERSION ?? 'stable',
  cachePath: join(e2eDir, 'vscode'),
}).catch((error) => {
  console.error(`Cannot download VS Code (${error.message}). Without that network access, run \`npm run test:e2e\`.`);
  process.exit(1);
});

let failed = 0;
for (const target of ['dev', 'vsix']) {
  const stateDir = join(e2eDir, 'runs', `electron-${target}`);
  prepareState(stateDir); // the same quiet, offline settings as code-server gets
  const profile = [`--user-data-dir=${join(stateDir, 'ud')}`, `--extensions-dir=${join(stateDir, 'exts')}`];
  if (target === 'vsix') {
    const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath, { reuseMachineInstall: true });
    const install = spawnSync(cli, [...args, ...profile, '--install-extension', vsixPath], { stdio: 'inherit', shell: process.platform === 'win32' });
    if (install.status !== 0) throw new Error(`Installing ${vsixPath} failed`);
  }
  step(`suite (${target}) in VS Code ${process.env.VSCODE_VERSION ?? 'stable'}`);
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: target === 'vsix' ? vsixHostDir : root,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv: { KINESIS_E2E_TARGET: target, KINESIS_E2E_LOGS: join(stateDir, 'ud', 'logs') },
      launchArgs: [copyWorkspace(stateDir), ...profile, '--disable-workspace-trust'],
    });
  } catch (error) {
    console.log(`suite (${target}) failed: ${error.message}`);
    failed++;
  }
}
process.exitCode = failed > 0 ? 1 : 0;
