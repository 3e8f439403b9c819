import { parseTree } from 'jsonc-parser';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { fromJson, moveNode, type TemplateMap, type TemplateNode } from '../cloudformation/templateTree';
import { hclValue, referencePath, type References } from './hclValues';

/**
 * The policies a Terraform attribute's value holds, as the host layer's tree: `jsonencode({...})`
 * in HCL object syntax, or JSON written in a heredoc or a string, read where it is written.
 */

/** Policies written as JSON text (a heredoc, a string), edited as JSON rather than as HCL. */
const JSON_TEXT = new WeakSet<TemplateNode>();

export function isJsonText(node: TemplateNode): boolean {
  return JSON_TEXT.has(node);
}

/** The policy an attribute's value holds: `jsonencode({...})`, or a string or heredoc of JSON. */
export function policyNode(expression: SyntaxNode, text: string, references: References): TemplateMap | undefined {
  const call = expression.namedChildren[0];
  if (call?.type === 'function_call' && call.namedChildren[0]?.text === 'jsonencode') {
    const argument = call.namedChildren.find((c) => c?.type === 'function_arguments')?.namedChildren.find((c) => c?.type === 'expression');
    const value = argument && hclValue(argument, references);
    return value?.type === 'map' && knownShape(value) ? value : undefined;
  }
  const span = heredocSpan(expression) ?? literalSpan(expression, references);
  if (!span) return undefined;
  // JSON written in the file: read where it is written, so that every offset maps exactly.
  const json = text.slice(span.start, span.end);
  const tree = parseTree(json);
  if (tree?.type !== 'object') return undefined;
  const node = moveNode(fromJson(tree, json), span.start);
  if (node.type !== 'map') return undefined;
  templateEscapes(node);
  JSON_TEXT.add(node);
  return node;
}

/** A string's characters, where they stand for themselves (one literal, no escapes). */
function literalSpan(expression: SyntaxNode, references: References): { start: number; end: number } | undefined {
  const value = hclValue(expression, references);
  return value?.type === 'scalar' && typeof value.value === 'string' ? value.content : undefined;
}

/**
 * A heredoc's text, interpolations (`${aws_kinesis_stream.orders.arn}`) included: in JSON they
 * stand inside strings, which the checks read as text known when Terraform runs. A heredoc with
 * template directives (`%{ for ... }`) writes text only Terraform knows, and is not read. The
 * indentation `<<-` strips is JSON's whitespace.
 */
function heredocSpan(expression: SyntaxNode): { start: number; end: number } | undefined {
  let heredoc: SyntaxNode | null = expression;
  while (heredoc && heredoc.type !== 'heredoc_template' && heredoc.namedChildren.length === 1) heredoc = heredoc.namedChildren[0];
  if (heredoc?.type !== 'heredoc_template') return undefined;
  const parts = heredoc.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'heredoc_start' && c.type !== 'heredoc_identifier');
  if (parts.length === 0 || parts.some((p) => p.type !== 'template_literal' && p.type !== 'template_interpolation')) return undefined;
  return { start: parts[0].startIndex, end: parts[parts.length - 1].endIndex };
}

/** HCL's template escapes in JSON text read where written: `$${aws:username}` is IAM's `${aws:username}`. */
function templateEscapes(node: TemplateNode): void {
  if (node.type === 'scalar') {
    if (typeof node.value === 'string' && /[$%]{2}\{/.test(node.value)) {
      node.value = node.value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
      node.content = undefined;
    }
  } else if (node.type === 'map') {
    for (const e of node.entries) {
      templateEscapes(e.keyNode);
      if (typeof e.keyNode.value === 'string') e.key = e.keyNode.value;
      if (e.value) templateEscapes(e.value);
    }
  } else for (const item of node.items) templateEscapes(item);
}

/**
 * Whether a policy's statements are written out: a `for` expression or a variable where the
 * statements are makes them known only when Terraform runs, and such a policy is not judged.
 */
function knownShape(policy: TemplateMap): boolean {
  const statement = policy.entries.find((e) => e.key === 'Statement')?.value;
  if (!statement) return true;
  if (statement.type === 'scalar') return typeof statement.value !== 'string' || !statement.value.includes('${');
  return statement.type === 'map' || statement.items.every((item) => item.type === 'map');
}

/** The policy documents an expression's text names by their `.json`. */
export function documentsNamed(text: string): string[] {
  return [...new Set([...text.matchAll(/\bdata\.aws_iam_policy_document\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?\.json\b/g)].map((m) => m[1]))];
}

/** A document an expression names: another policy document of the file (`.json`), or JSON written there. */
export function mergedNode(expression: SyntaxNode, text: string, references: References, documentNode: (name: string) => TemplateMap | undefined): TemplateMap | undefined {
  const named = referencePath(expression);
  if (named?.[0] === 'data' && named[1] === 'aws_iam_policy_document' && named[3] === 'json' && named.length === 4) return documentNode(named[2]);
  return policyNode(expression, text, references);
}

/**
 * The path `file(...)` or `templatefile(...)` reads, from the configuration's folder (Terraform's
 * `path.module` and `path.root` are that folder for a root module); undefined for anything else.
 */
export function fileRead(expression: SyntaxNode): string | undefined {
  const call = expression.namedChildren[0];
  const name = call?.type === 'function_call' ? call.namedChildren[0]?.text : undefined;
  if (name !== 'file' && name !== 'templatefile') return undefined;
  const argument = call?.namedChildren.find((c) => c?.type === 'function_arguments')?.namedChildren.find((c) => c?.type === 'expression');
  const value = argument && hclValue(argument, () => undefined);
  if (value?.type !== 'scalar' || typeof value.value !== 'string') return undefined;
  const path = value.value.replace(/^\$\{path\.(module|root)\}\//, '');
  return path.includes('${') || path.startsWith('/') ? undefined : path;
}
