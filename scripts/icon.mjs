// `npm run icon`: renders images/icon.svg to images/icon.png, the extension's icon (256x256, for
// the Marketplace's 128-pixel box on high-density screens), with Debian's Chromium as the e2e
// scripts use it. The PNG is committed; run this again after changing the SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, root } from './e2e/env.mjs';

const SIZE = 128;
const SCALE = 2;
const svg = readFileSync(join(root, 'images', 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: SCALE });
  await page.setContent(`<!doctype html><style>html, body { margin: 0; background: transparent; } svg { display: block; }</style>${svg}`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  writeFileSync(join(root, 'images', 'icon.png'), png);
  console.log(`images/icon.png  ${SIZE * SCALE}x${SIZE * SCALE}, ${png.length} bytes`);
} finally {
  await browser.close();
}
