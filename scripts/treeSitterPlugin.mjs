// web-tree-sitter is Emscripten output: beside what runs in Node it holds a browser's ways to load
// WebAssembly (fetch, XMLHttpRequest) and a dynamic linker that evaluates code strings found in a
// module (EM_ASM, EM_JS; the HCL grammar has none). The extension opens no connection and
// evaluates no strings, and its bundles are tested for it (test/project/bundleSafety.test.ts): this
// esbuild plugin replaces those paths in the bundled copy with errors, and requires Node's modules
// by their `node:` names. Each replacement must match as many times as expected, so that a new
// version of the package fails the build here rather than ship something unchecked.
import { readFileSync } from 'node:fs';

const STOP = '(() => { throw new Error("not available in Kinesis Policy"); })';

/** [what, replacement, how many times] */
const REPLACEMENTS = [
  ['new XMLHttpRequest()', `${STOP}()`, 2],
  ['await fetch(url,', `await ${STOP}(url,`, 1],
  ['var response = fetch(binaryFile,', `var response = ${STOP}(binaryFile,`, 1],
  ['bytes = fetch(input)', `bytes = ${STOP}(input)`, 1],
  ['eval(func)', `${STOP}(func)`, 2],
  ['await import("fs/promises")', `${STOP}()`, 1],
  ['require("fs")', 'require("node:fs")', 1],
  ['require("path")', 'require("node:path")', 1],
];

export const treeSitterPlugin = {
  name: 'web-tree-sitter-without-network-or-eval',
  setup(build) {
    build.onLoad({ filter: /web-tree-sitter[\\/]tree-sitter\.cjs$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      for (const [from, to, times] of REPLACEMENTS) {
        const found = text.split(from).length - 1;
        if (found !== times) throw new Error(`web-tree-sitter: expected ${times} of ${JSON.stringify(from)}, found ${found}; review scripts/treeSitterPlugin.mjs`);
        text = text.split(from).join(to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};
