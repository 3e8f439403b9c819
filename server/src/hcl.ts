import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

/**
 * The Terraform dialect of the tree-sitter HCL grammar, loaded from the WebAssembly the build puts
 * beside the bundles (`tree-sitter.wasm`, the parser's runtime, and `tree-sitter-terraform.wasm`).
 * Undefined when they cannot be loaded: Terraform files are then not read, and nothing else changes.
 */
export async function loadHcl(directory: string, grammarDirectory = directory): Promise<Parser | undefined> {
  try {
    await Parser.init({ locateFile: (name: string) => join(directory, name) });
    const language = await Language.load(join(grammarDirectory, 'tree-sitter-terraform.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  } catch {
    return undefined;
  }
}
