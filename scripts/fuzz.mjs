// `npm run fuzz`: the property tests of `npm test`, run longer and with a new seed each time.
//   FUZZ_SCALE  multiplies every run and edit count (default 25; `npm test` runs at 1)
//   FUZZ_SEED   replays a run: every failure report names the seed it ran with
// Arguments are passed on to node --test (e.g. `npm run fuzz -- --test-name-pattern=extreme`).
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scale = process.env.FUZZ_SCALE ?? '25';
const seed = process.env.FUZZ_SEED ?? String(randomInt(2 ** 31));

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`fuzz: failed with FUZZ_SEED=${seed} FUZZ_SCALE=${scale}`);
    process.exit(result.status ?? 1);
  }
}

// Only tests whose source still exists: tsc -b leaves the output of deleted sources behind.
const propertyTests = (dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.test.js') && existsSync(join(root, 'test', 'property', name.replace(/\.js$/, '.ts'))))
    .map((name) => relative(root, join(dir, name)))
    .sort();

run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_SCALE=${scale}`);
run(
  process.execPath,
  ['--test', '--test-reporter=spec', ...process.argv.slice(2), ...propertyTests(join(root, 'out', 'test', 'property'))],
  { ...process.env, FUZZ_SCALE: scale, FUZZ_SEED: seed },
);
console.log(`fuzz: passed with FUZZ_SEED=${seed} FUZZ_SCALE=${scale}`);
