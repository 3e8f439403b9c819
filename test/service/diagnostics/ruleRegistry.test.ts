import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, RULES } from '../../../server/src/service';
import { onlyRules } from '../../../server/src/service/diagnostics/engine/validate';
import { RuleContext } from '../../../server/src/service/diagnostics/engine/ruleContext';
import type { PolicySize } from '../../../server/src/service/diagnostics/helpers/size';
import { FIX_ALL_CODES, FIX_PROVIDERS } from '../../../server/src/service/codeActions/fixes';
import { ROOT } from '../../support/catalog';
import { diagnose } from '../../support/service';

/** The compiled rule modules, next to this test's compiled output. */
const RULES_DIR = join(ROOT, 'out', 'server', 'src', 'service', 'diagnostics', 'rules');

function ruleModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ruleModules(path);
    // Only modules whose source still exists: tsc -b leaves the output of deleted sources behind.
    const source = join(ROOT, relative(join(ROOT, 'out'), path)).replace(/\.js$/, '.ts');
    return entry.name.endsWith('.js') && path !== join(RULES_DIR, 'index.js') && existsSync(source) ? [path] : [];
  });
}

/** Whatever a module exports that looks like a rule: an object with a code and a check. */
function exportedRules(path: string): { code: string }[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(path) as Record<string, unknown>;
  return Object.values(exports).filter(
    (value): value is { code: string } =>
      typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && typeof (value as { check?: unknown }).check === 'function',
  );
}

describe('the rule registry', () => {
  const codes = RULES.map((r) => r.code);

  it('has one rule per code, each code in the form settings accept', () => {
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.match(code, /^[a-z0-9-]+\/[a-z0-9-]+$/);
  });

  it('lists every rule that a rule file exports', () => {
    const exported = ruleModules(RULES_DIR).flatMap(exportedRules);
    assert.ok(exported.length >= RULES.length, `found ${exported.length} exported rules`);
    const registered = new Set<unknown>(RULES);
    assert.deepEqual(exported.filter((rule) => !registered.has(rule)).map((rule) => rule.code), []);
  });

  it('has a rule for every quick fix, and a quick fix for every code fixed all at once', () => {
    assert.deepEqual(Object.keys(FIX_PROVIDERS).filter((code) => !codes.includes(code as (typeof codes)[number])), []);
    assert.deepEqual([...FIX_ALL_CODES].filter((code) => !Object.hasOwn(FIX_PROVIDERS, code)), []);
  });

  it('says which rules read the policy size, which validation then measures beforehand', () => {
    // Policies over the size quotas, of each kind that has a size rule.
    const statement = (i: number, principal: boolean) =>
      `{"Sid": "S${i}", "Effect": "Allow",${principal ? ' "Principal": {"AWS": "arn:aws:iam::111122223333:root"},' : ''} "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/s${i}"}`;
    const policy = (principal: boolean) => `{"Version": "2012-10-17", "Statement": [${Array.from({ length: 200 }, (_, i) => statement(i, principal)).join(', ')}]}`;
    const size = Object.getOwnPropertyDescriptor(RuleContext.prototype, 'size')!;
    const { get: read } = size as { get: (this: RuleContext) => PolicySize };
    let reads = 0;
    Object.defineProperty(RuleContext.prototype, 'size', {
      ...size,
      get(this: RuleContext) {
        reads++;
        return read.call(this);
      },
    });
    try {
      const readers = RULES.filter((rule) => {
        reads = 0;
        for (const principal of [false, true]) diagnose(policy(principal), onlyRules({ ...DEFAULT_SETTINGS }, (code) => code === rule.code));
        return reads > 0;
      });
      assert.deepEqual(readers.map((r) => r.code), RULES.filter((r) => r.readsSize).map((r) => r.code));
      assert.ok(readers.length >= 2);
    } finally {
      Object.defineProperty(RuleContext.prototype, 'size', size);
    }
  });
});

