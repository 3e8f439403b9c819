// @vscode/l10n can read a bundle from a URL with fetch; the product hands it a bundle's contents
// only (see server/src/service/l10n.ts), opens no connection, and its bundles are tested for it
// (test/project/bundleSafety.test.ts). This esbuild plugin replaces that path in the bundled copy
// with an error and requires Node's modules by their `node:` names. Each replacement must match as
// many times as expected, so that a new version of the package fails the build here.
import { readFileSync } from 'node:fs';

const STOP = '(() => { throw new Error("not available in Kinesis Policy"); })';

/** [what, replacement, how many times] */
const REPLACEMENTS = [
  ['await fetch(uri.toString(),', `await ${STOP}(uri.toString(),`, 1],
  // Read when a bundle is read from a file, which the product never asks: Node's promises module,
  // loaded as the server starts, took 4-5 ms of it.
  ['require("fs/promises")', '{ readFile: (...args) => require("node:fs").promises.readFile(...args) }', 1],
  ['require("fs")', 'require("node:fs")', 1],
];

export const l10nPlugin = {
  name: 'vscode-l10n-without-network',
  setup(build) {
    build.onLoad({ filter: /@vscode[\\/]l10n[\\/]dist[\\/]main\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      for (const [from, to, times] of REPLACEMENTS) {
        const found = text.split(from).length - 1;
        if (found !== times) throw new Error(`@vscode/l10n: expected ${times} of ${JSON.stringify(from)}, found ${found}; review scripts/l10nPlugin.mjs`);
        text = text.split(from).join(to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};
