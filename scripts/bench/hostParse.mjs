// The parse cost of each host, in this process, against the JSON parse floor: the `yaml` library
// on the whole 1 MB template (what a template costs when read whole; a keystroke reads one
// resource), and the tree-sitter HCL grammar on the whole 1 MB Terraform file and on the one
// top-level item a keystroke parses again. The figures are per MB, to set beside the floor's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { parseDocument } from 'yaml';
import { ms, now } from './lspDriver.mjs';

const require = createRequire(import.meta.url);

/** Times in ms of `run`, after a few warm-up calls, as many as fit in `budgetMs` (at least 5). */
function times(run, budgetMs) {
  for (let i = 0; i < 2; i++) run();
  const out = [];
  const start = now();
  while (out.length < 100 && (out.length < 5 || ms(start) < budgetMs)) {
    const t = now();
    run();
    out.push(ms(t));
  }
  return out;
}

let parser;
async function hclParser() {
  if (parser) return parser;
  await Parser.init({ wasmBinary: readFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm')) });
  const grammar = join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm');
  parser = new Parser();
  parser.setLanguage(await Language.load(readFileSync(grammar)));
  return parser;
}

/** `documents`: the host documents of the run; returns, by name, the whole parse's times and, for Terraform, one item's. */
export async function measureHostParse(documents, budgetMs = 3000) {
  const out = {};
  for (const document of documents) {
    if (document.languageId === 'yaml') {
      out[document.name] = { whole: times(() => parseDocument(document.text), budgetMs) };
    } else if (document.languageId === 'terraform') {
      const hcl = await hclParser();
      const item = document.text.slice(document.typedItem.start, document.typedItem.end);
      out[document.name] = {
        whole: times(() => hcl.parse(document.text).delete(), budgetMs),
        item: times(() => hcl.parse(item).delete(), 200),
        itemBytes: Buffer.byteLength(item),
      };
    }
  }
  return out;
}
