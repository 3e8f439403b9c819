// `npm run test:e2e`: the extension inside a real VS Code (code-server, driven by Chromium).
// Installs what is missing, builds the .vsix and the suite, then runs the in-editor suite
// against the development folder, against the installed .vsix and with VS Code's display language
// set to Chinese, and the UI smoke test.
import { join } from 'node:path';
import { buildForE2E } from './build.mjs';
import { e2eDir, step, timed, vsixPath } from './env.mjs';
import { setup } from './setup.mjs';
import { runSuite } from './suite.mjs';
import { runUiSmoke } from './ui.mjs';
import { runUiChinese } from './uiChinese.mjs';

const started = Date.now();
await setup();
await buildForE2E();
const results = [];
results.push(await timed('suite, development folder', () => runSuite({ target: 'dev' })));
results.push(await timed('suite, installed .vsix', () => runSuite({ target: 'vsix', vsix: vsixPath })));
results.push(await timed('suite, display language Chinese', () => runSuite({ target: 'zh-cn' })));
// Its pictures stay under .e2e/ here; `npm run test:ui` writes the README's.
results.push(await timed('UI smoke test', () => runUiSmoke({ screenshotsDir: join(e2eDir, 'screenshots') })));
results.push(await timed('UI test in Chinese', () => runUiChinese({ screenshotsDir: join(e2eDir, 'screenshots') })));

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
step(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
