// `npm test`: builds the bundles and the test projects, then runs every `*.test.js` under
// out/test with Node's test runner. Arguments are passed on (e.g. `npm test -- --test-only`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'e2e' ? [] : testFiles(path);
    // Only tests whose source still exists: tsc -b leaves the output of deleted sources behind.
    const source = join(root, relative(join(root, 'out'), path)).replace(/\.js$/, '.ts');
    return entry.name.endsWith('.test.js') && existsSync(source) ? [relative(root, path)] : [];
  });
}

run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
run(process.execPath, ['--test', '--test-reporter=spec', ...process.argv.slice(2), ...testFiles(join(root, 'out', 'test')).sort()]);
