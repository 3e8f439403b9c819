import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listFiles, PackageManager } from '@vscode/vsce';
import { ROOT } from '../support/catalog';

interface Manifest {
  icon?: string;
  repository?: { type?: string; url?: string };
  bugs?: { url?: string };
  homepage?: string;
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** The width and height of a PNG, from its IHDR chunk; throws for anything else. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${path} is a PNG`);
  assert.equal(bytes.subarray(12, 16).toString('ascii'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** What the Marketplace shows beside the extension, and what vsce asks for. */
describe("the manifest's Marketplace fields", () => {
  it('name the repository, where to report bugs, and the home page', () => {
    assert.deepEqual(manifest.repository, { type: 'git', url: 'https://github.com/kinesis-policy/kinesis-policy.git' });
    assert.deepEqual(manifest.bugs, { url: 'https://github.com/kinesis-policy/kinesis-policy/issues' });
    assert.equal(manifest.homepage, 'https://github.com/kinesis-policy/kinesis-policy#readme');
  });

  it('name a square PNG icon of 128 or 256 pixels, rendered from the SVG beside it', () => {
    assert.equal(manifest.icon, 'images/icon.png');
    const { width, height } = pngSize(join(ROOT, manifest.icon));
    assert.equal(width, height);
    assert.ok(width === 128 || width === 256, `${width}x${height}`);
    assert.ok(existsSync(join(ROOT, 'images', 'icon.svg')), 'images/icon.svg');
  });

  it('ship the icon in the package, and not its SVG source', async () => {
    const files = await listFiles({ cwd: ROOT, packageManager: PackageManager.None });
    assert.ok(files.includes('images/icon.png'), 'images/icon.png is packaged');
    assert.ok(!files.includes('images/icon.svg'), 'images/icon.svg is not packaged');
  });
});
