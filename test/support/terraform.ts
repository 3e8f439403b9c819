import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Parser } from 'web-tree-sitter';
import { createLanguageService, type PolicyLanguageService, type TemplateDocument } from '../../server/src/service';
import { loadHcl } from '../../server/src/hcl';
import { ROOT, sharedCatalog } from './catalog';
import { OPTIONS } from './templates';

/**
 * A service that reads Terraform, with the HCL grammar loaded from where the build copies it from
 * (the WebAssembly of both packages sits at the top of each, as in `dist/`). Tests call
 * `terraformService()` in a `before` hook: loading is asynchronous.
 */
let loaded: Promise<PolicyLanguageService> | undefined;
let parsing: Promise<Parser> | undefined;

/** The HCL parser the service reads Terraform with. */
export function hclParser(): Promise<Parser> {
  parsing ??= (async () => {
    const grammar = dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'));
    const runtime = dirname(require.resolve('web-tree-sitter/tree-sitter.wasm'));
    // The runtime's WebAssembly is found by name in one folder, the grammar's by path in another.
    const parser: Parser | undefined = await loadHcl(runtime, grammar);
    if (!parser) throw new Error('The HCL grammar did not load');
    return parser;
  })();
  return parsing;
}

export function terraformService(): Promise<PolicyLanguageService> {
  loaded ??= hclParser().then((parser) => createLanguageService({ catalog: sharedCatalog(), hcl: () => parser }));
  return loaded;
}

/**
 * The example configuration (examples/terraform/kinesis.tf) with its two planted mistakes mended:
 * every form of policy Terraform writes, and nothing wrong, line for line as the example.
 */
export function kinesisTf(): string {
  const example = readFileSync(join(ROOT, 'examples', 'terraform', 'kinesis.tf'), 'utf8');
  const mended = example.replace('"kinesis:GetRecord", ', '"kinesis:GetRecords", ').replace('"kinesis:Get*", ', '"kinesis:GetRecords", "kinesis:GetShardIterator", ');
  if (mended === example) throw new Error('examples/terraform/kinesis.tf no longer holds its planted mistakes');
  return mended;
}

/** The example configuration `copies` times over, its planted mistakes in each copy. */
export function largeTerraform(copies: number): string {
  return readFileSync(join(ROOT, 'examples', 'terraform', 'kinesis.tf'), 'utf8').repeat(copies);
}

/** A stream, `orders`, and a role for its consumer, `consumer`, that tests give policies to. */
export const STREAM_AND_ROLE = `resource "aws_kinesis_stream" "orders" {
  name        = "orders"
  shard_count = 1
}
resource "aws_iam_role" "consumer" {
  name               = "consumer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}
`;

export function terraformDocument(text: string, uri = 'file:///ws/main.tf'): TextDocument {
  return TextDocument.create(uri, 'terraform', 1, text);
}

export function terraformTemplate(service: PolicyLanguageService, document: TextDocument): TemplateDocument {
  const template = service.parseTemplate(document);
  if (!template) throw new Error('Not read as Terraform');
  return template;
}

export { OPTIONS };
