import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

/**
 * The Terraform dialect of the tree-sitter HCL grammar, loaded from the WebAssembly the build puts
 * beside the bundles (`tree-sitter.wasm`, the parser's runtime, and `tree-sitter-terraform.wasm`).
 * Both are read here and handed over as bytes: the runtime's own ways to fetch them are not in the
 * bundle (scripts/treeSitterPlugin.mjs). Undefined when they cannot be loaded: Terraform files are
 * then not read, and nothing else changes.
 */
export async function loadHcl(directory: string, grammarDirectory = directory): Promise<Parser | undefined> {
  try {
    await Parser.init({ wasmBinary: readFileSync(join(directory, 'tree-sitter.wasm')) });
    const language = await Language.load(readFileSync(join(grammarDirectory, 'tree-sitter-terraform.wasm')));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  } catch {
    return undefined;
  }
}
