// `npm run snippets`: writes snippets/kinesis-policy.code-snippets from the policy templates of
// the language service, so snippets, insert actions and the New Policy command say the same.
// `--check` only compares, for the tests.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'snippets', 'kinesis-policy.code-snippets');

export async function renderSnippets() {
  const dir = mkdtempSync(join(tmpdir(), 'kinesis-policy-snippets-'));
  try {
    const outfile = join(dir, 'snippets.cjs');
    await esbuild.build({ entryPoints: [join(root, 'server/src/service/templates/snippets.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
    const { renderSnippets: render } = createRequire(import.meta.url)(outfile);
    return `${JSON.stringify(render(), null, 2)}\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await renderSnippets();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      console.error('snippets/kinesis-policy.code-snippets is out of date: run npm run snippets');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
    console.log(`Wrote ${target}`);
  }
}
