import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/catalog';

/** What no bundle may load or do: start processes, open connections, evaluate strings as code. */
const FORBIDDEN: readonly [string, RegExp][] = [
  ['child_process', /require\(["'](node:)?child_process["']\)|from ["'](node:)?child_process["']/],
  ['a network module', /require\(["'](node:)?(net|http|https|http2|dgram|tls|dns)["']\)/],
  ['fetch or XMLHttpRequest', /\bfetch\(|XMLHttpRequest|WebSocket\(/],
  ['eval', /\beval\(/],
  ['new Function', /new Function\(/],
  ['vm', /require\(["'](node:)?vm["']\)/],
];

const BUNDLES = ['extension.js', 'server.js', 'cli.js'];

describe('the built bundles, dependencies included', () => {
  for (const bundle of BUNDLES) {
    it(`${bundle} loads no process, network or code-evaluation module`, () => {
      const text = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
      const found = FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
      assert.deepEqual(found, []);
    });
  }

  it('load only these Node modules', () => {
    const modules = new Set(BUNDLES.flatMap((b) => [...readFileSync(join(ROOT, 'dist', b), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])));
    // node:util is the command line's argument parser.
    assert.deepEqual([...modules].sort(), ['node:fs', 'node:path', 'node:url', 'node:util', 'node:worker_threads', 'vscode']);
  });

  it('send no telemetry', () => {
    for (const bundle of BUNDLES) assert.doesNotMatch(readFileSync(join(ROOT, 'dist', bundle), 'utf8'), /applicationinsights|TelemetryReporter/i, bundle);
  });
});
