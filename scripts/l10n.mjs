// `npm run l10n`: writes l10n/bundle.l10n.json, the English messages of every `l10n.t(...)` call in
// client/src, server/src and common/src (found by @vscode/l10n-dev, as VS Code's own tooling finds
// them), sorted. Translations live beside it in l10n/bundle.l10n.<locale>.json, keyed by the same
// English text. `--check` only compares, for the tests.
import { getL10nJson } from '@vscode/l10n-dev';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(root, 'l10n', 'bundle.l10n.json');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The English bundle as the sources make it, as text. */
export async function renderBundle() {
  const files = ['client/src', 'server/src', 'common/src'].flatMap((dir) => sources(join(root, dir)));
  const found = await getL10nJson(files.map((file) => ({ contents: readFileSync(file, 'utf8'), extension: extname(file) })));
  const sorted = Object.fromEntries(Object.keys(found).sort().map((key) => [key, found[key]]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await renderBundle();
  if (process.argv.includes('--check')) {
    if (readFileSync(BUNDLE, 'utf8') !== text) {
      console.error('l10n/bundle.l10n.json is out of date: run npm run l10n');
      process.exit(1);
    }
  } else {
    writeFileSync(BUNDLE, text);
    console.log(`Wrote ${BUNDLE}: ${Object.keys(JSON.parse(text)).length} messages`);
  }
}
