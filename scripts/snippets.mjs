// `npm run snippets`: writes the snippets files from the policy templates of the language service,
// so snippets, insert actions and the New Policy command say the same: snippets/kinesis-policy.code-snippets
// in English, and one per language the product speaks (kinesis-policy.<locale>.code-snippets, its
// names and descriptions from l10n/bundle.l10n.<locale>.json), which package.nls.<locale>.json
// points VS Code at. `--check` only compares, for the tests.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Each snippets file and its text. */
export async function renderSnippets() {
  const dir = mkdtempSync(join(tmpdir(), 'kinesis-policy-snippets-'));
  try {
    const outfile = join(dir, 'snippets.cjs');
    await esbuild.build({
      stdin: {
        contents: "export { renderSnippets } from './server/src/service/templates/snippets';\nexport { LOCALES, useLanguage } from './server/src/service/l10n';\n",
        resolveDir: root,
        loader: 'ts',
      },
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
    });
    const { renderSnippets: render, useLanguage, LOCALES } = createRequire(import.meta.url)(outfile);
    const text = () => `${JSON.stringify(render(), null, 2)}\n`;
    useLanguage('en');
    const files = [[join(root, 'snippets', 'kinesis-policy.code-snippets'), text()]];
    for (const locale of LOCALES) {
      useLanguage(locale, JSON.parse(readFileSync(join(root, 'l10n', `bundle.l10n.${locale}.json`), 'utf8')));
      files.push([join(root, 'snippets', `kinesis-policy.${locale}.code-snippets`), text()]);
    }
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await renderSnippets();
  for (const [target, text] of files) {
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(target, 'utf8');
      } catch {
        // missing: out of date
      }
      if (current !== text) {
        console.error(`${target} is out of date: run npm run snippets`);
        process.exit(1);
      }
    } else {
      writeFileSync(target, text);
      console.log(`Wrote ${target}`);
    }
  }
}
