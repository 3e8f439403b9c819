import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { settingsSignature } from '../../../server/src/service/diagnostics/engine/signature';
import { DEFAULT_SETTINGS, type DiagnosticSettings } from '../../../server/src/service/diagnostics/engine/settings';

const withTables = (tables: string[], rules: DiagnosticSettings['rules'] = {}): DiagnosticSettings => ({ ...DEFAULT_SETTINGS, rules, existingTables: tables });

describe('the signature of the settings a check ran with', () => {
  it('is the same for settings of the same content, whichever objects hold them', () => {
    const tables = Array.from({ length: 3000 }, (_, i) => `app-${i}`);
    const first = settingsSignature(withTables(tables), 'kinesis-resource');
    assert.equal(settingsSignature(withTables([...tables]), 'kinesis-resource'), first);
    assert.equal(settingsSignature(withTables(tables, { 'iam/unknown-action': 'off' }), 'kinesis-resource'), settingsSignature(withTables([...tables], { 'iam/unknown-action': 'off' }), 'kinesis-resource'));
    // A list of thousands of names is not written out in it.
    assert.ok(first.length < 1000, `${first.length} characters`);
  });

  it('differs where anything that decides the findings differs', () => {
    const tables = ['orders-app', 'metrics-app'];
    const signature = settingsSignature(withTables(tables), 'kinesis-resource');
    const different = [
      settingsSignature(withTables(['orders-app']), 'kinesis-resource'),
      settingsSignature(withTables(['metrics-app', 'orders-app']), 'kinesis-resource'),
      settingsSignature(withTables(tables, { 'iam/unknown-action': 'off' }), 'kinesis-resource'),
      settingsSignature(withTables(tables), 'identity'),
      settingsSignature({ ...withTables(tables), kclVersion: '3.x' }, 'kinesis-resource'),
      settingsSignature({ ...DEFAULT_SETTINGS }, 'kinesis-resource'),
    ];
    for (const other of different) assert.notEqual(other, signature);
    assert.equal(new Set(different).size, different.length);
  });

  it('tells lists apart after more lists than it keeps', () => {
    const signatures = Array.from({ length: 200 }, (_, i) => settingsSignature(withTables([`table-${i}`]), 'identity'));
    assert.equal(new Set(signatures).size, 200);
    // The first list, forgotten by now, is told apart from every later one still.
    assert.ok(!signatures.slice(1).includes(settingsSignature(withTables(['table-0']), 'identity')));
  });
});
