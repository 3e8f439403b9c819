// Paths and versions shared by the real-VS-Code scripts.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Everything the scripts install or create lives here, out of the project's dependencies. */
export const e2eDir = join(root, '.e2e');

/** VS Code 1.100.3. Newer code-server needs Node 22+, and from VS Code 1.133 on it ignores test payloads. */
export const CODE_SERVER_VERSION = '4.100.3';
export const codeServerDir = join(e2eDir, 'code-server');
export const codeServerBin = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** The folder tsc compiles the in-editor suite into (see test/e2e/tsconfig.json). */
export const suiteOutDir = join(root, 'out', 'e2e');

const { version } = await import(join(root, 'package.json'), { with: { type: 'json' } }).then((m) => m.default);
export const vsixPath = join(root, `kinesis-policy-${version}.vsix`);
export const extensionId = 'kinesis-policy.kinesis-policy';

/** Prints one line of progress, so a CI log tells where the time went. */
export function step(message) {
  console.log(`[e2e] ${message}`);
}

/** Runs `fn` and prints how long it took. */
export async function timed(label, fn) {
  const start = Date.now();
  const result = await fn();
  step(`${label}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
}
