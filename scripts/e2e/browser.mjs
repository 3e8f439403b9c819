// Debian's Chromium through playwright-core: no browser download, and none of Chromium's
// background connections, which this machine's closed network would refuse.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, e2eDir } from './env.mjs';

/** A headless browser with a fresh profile; `close()` removes the profile too. */
export async function launchBrowser({ viewport = { width: 1280, height: 800 } } = {}) {
  const profile = mkdtempSync(join(e2eDir, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The workbench URL that opens `folder`, with an optional test payload (pairs of name and value). */
export function workbenchUrl(server, folder, payload) {
  // Slashes left as they are, so that a printed URL reads as the path it opens.
  const url = `${server.url}/?folder=${encodeURIComponent(folder).replaceAll('%2F', '/')}`;
  return payload ? `${url}&payload=${encodeURIComponent(JSON.stringify(payload))}` : url;
}

/** A path on the code-server machine, as the workbench addresses it. */
export function remoteUri(server, path) {
  return `vscode-remote://127.0.0.1:${server.port}${path}`;
}
