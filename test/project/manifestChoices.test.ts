import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/service';
import { DEFAULT_FILE_KINDS, KCL_VERSION_SETTINGS, POLICY_KIND_SETTINGS, RULE_SEVERITIES } from '../../common/src/choices';
import { ROOT } from '../support/catalog';

interface Setting {
  enum?: string[];
  default?: unknown;
  additionalProperties?: { enum?: string[] };
}
const settings = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Setting> } } }).contributes
  .configuration.properties;

/** The manifest cannot import the shared choices: it repeats them, and this holds the two together. */
describe("the manifest's settings", () => {
  it('offer the KCL versions the product knows, defaulting as the service does', () => {
    assert.deepEqual(settings['kinesisPolicy.kcl.version'].enum, [...KCL_VERSION_SETTINGS]);
    assert.equal(settings['kinesisPolicy.kcl.version'].default, DEFAULT_SETTINGS.kclVersion);
  });

  it('offer the policy kinds and the rule severities the server reads', () => {
    assert.deepEqual(settings['kinesisPolicy.policyKind'].enum, [...POLICY_KIND_SETTINGS]);
    assert.equal(settings['kinesisPolicy.policyKind'].default, DEFAULT_SETTINGS.policyKind);
    assert.deepEqual(settings['kinesisPolicy.rules'].additionalProperties?.enum, [...RULE_SEVERITIES]);
  });

  it('start from the file patterns the server and the command line use by default', () => {
    for (const [name, patterns] of Object.entries(DEFAULT_FILE_KINDS)) assert.deepEqual(settings[`kinesisPolicy.files.${name}`].default, [...patterns], name);
  });
});
