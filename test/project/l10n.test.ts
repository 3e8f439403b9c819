import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LOCALES } from '../../server/src/service/l10n';
import { ROOT } from '../support/catalog';

type Bundle = Record<string, string | { message: string; comment: string[] }>;

const read = (path: string): Bundle => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Bundle;
const text = (value: string | { message: string } | undefined): string => (typeof value === 'string' ? value : (value?.message ?? ''));
/** A message's placeholders (`{0}`, `{name}`), sorted: a translation must keep every one, and add none. */
const placeholders = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[0]).sort();

/** Every translation of a bundle: there, non-empty, with the same placeholders; none left over. */
function checkTranslations(english: Bundle, translated: Bundle, name: string): void {
  const missing = Object.keys(english).filter((key) => text(translated[key]).trim() === '');
  assert.deepEqual(missing, [], `${name}: messages without a translation`);
  const stale = Object.keys(translated).filter((key) => !(key in english));
  assert.deepEqual(stale, [], `${name}: translations of messages the source no longer has`);
  const wrong = Object.keys(english).filter((key) => placeholders(text(english[key])).join() !== placeholders(text(translated[key])).join());
  assert.deepEqual(wrong, [], `${name}: translations whose placeholders differ from the message's`);
}

describe('localization', () => {
  it('bundles every message of the source (npm run l10n)', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'l10n.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  for (const locale of LOCALES) {
    it(`translates every message into ${locale}, keeping its placeholders`, () => {
      checkTranslations(read('l10n/bundle.l10n.json'), read(`l10n/bundle.l10n.${locale}.json`), `l10n/bundle.l10n.${locale}.json`);
    });

    it(`translates every string of the manifest into ${locale}`, () => {
      const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
      const english = read('package.nls.json');
      const used = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
      assert.deepEqual(used.filter((key) => !(key in english)), [], 'package.json names strings package.nls.json lacks');
      assert.deepEqual(Object.keys(english).filter((key) => !used.includes(key)), [], 'package.nls.json holds strings package.json does not use');
      checkTranslations(english, read(`package.nls.${locale}.json`), `package.nls.${locale}.json`);
    });
  }
});
