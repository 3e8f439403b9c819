import type { Node as SyntaxNode } from 'web-tree-sitter';
import { UNKNOWN } from '../cloudformation/intrinsics';
import { exactLength } from '../../exactLength';
import type { TemplateEntry, TemplateNode, TemplateScalar } from '../cloudformation/templateTree';

/**
 * HCL expressions (the tree-sitter HCL grammar's nodes) as the host layer's tree: objects are
 * maps, tuples are sequences, literals are scalars. What is known only when Terraform runs (a
 * reference, a function call, a conditional) is a string holding `${...}`, which the checks read
 * as unknown text; a reference the configuration can answer (`aws_kinesis_stream.orders.arn`)
 * is written as what it stands for by `references`.
 */
export type References = (path: string[]) => string | undefined;

/** Nodes that only hold the one node that says what the value is. */
const WRAPPERS = new Set(['expression', 'collection_value', 'literal_value', 'template_expr']);

/** An expression node (or the node under it) as a tree; undefined for what is no value (a syntax error). */
export function hclValue(node: SyntaxNode, references: References): TemplateNode | undefined {
  let inner: SyntaxNode | null = node;
  while (inner && WRAPPERS.has(inner.type) && inner.namedChildren.length === 1) inner = inner.namedChildren[0];
  if (!inner || inner.isError || inner.isMissing) return undefined;
  // `aws_kinesis_stream.orders.arn` is an expression of a variable and its attributes.
  if (inner.type === 'expression') inner = inner.namedChildren[0]?.type === 'variable_expr' ? inner.namedChildren[0] : inner;
  const start = node.startIndex;
  const end = node.endIndex;
  switch (inner.type) {
    case 'object': {
      const entries: TemplateEntry[] = [];
      for (const element of inner.namedChildren) {
        if (element?.type !== 'object_elem') continue;
        const [keyExpression, valueExpression] = element.namedChildren.filter((c) => c?.type === 'expression');
        const keyNode = keyExpression && objectKey(keyExpression);
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        entries.push({ key: keyNode.value, keyNode, value: valueExpression ? hclValue(valueExpression, references) : undefined });
      }
      return { type: 'map', start, end, entries: exactLength(entries), flow: true };
    }
    case 'tuple':
      return { type: 'seq', start, end, flow: true, items: exactLength(inner.namedChildren.flatMap((c) => (c?.type === 'expression' ? (hclValue(c, references) ?? []) : []))) };
    case 'string_lit':
    case 'quoted_template':
      return templateString(inner, start, end, references);
    case 'heredoc_template':
      return heredocString(inner, start, end);
    case 'numeric_lit':
      return { type: 'scalar', start, end, value: Number(inner.text), style: 'json' };
    case 'bool_lit':
      return { type: 'scalar', start, end, value: inner.text === 'true', style: 'json' };
    case 'null_lit':
      return { type: 'scalar', start, end, value: null, style: 'json' };
    case 'variable_expr': {
      const path = inner.parent ? referencePath(inner.parent) : undefined;
      const known = path && references(path);
      return { type: 'scalar', start, end, value: known ?? (path ? `\${${path.join('.')}}` : UNKNOWN), style: 'json' };
    }
    default:
      // A function call, a conditional, a for expression, an operation: known when Terraform runs.
      return { type: 'scalar', start, end, value: UNKNOWN, style: 'json' };
  }
}

/** An object's key: a bare identifier (`Version = ...`) or a string (`"Version" = ...`). */
function objectKey(expression: SyntaxNode): TemplateScalar | undefined {
  const variable = expression.namedChildren[0];
  if (variable?.type === 'variable_expr' && variable.namedChildren.length === 1) {
    return { type: 'scalar', start: expression.startIndex, end: expression.endIndex, value: variable.text, style: 'json', content: { start: expression.startIndex, end: expression.endIndex } };
  }
  const value = hclValue(expression, () => undefined);
  return value?.type === 'scalar' && typeof value.value === 'string' && !value.value.includes('${') ? value : undefined;
}

/**
 * `aws_kinesis_stream.orders.arn` as its parts; undefined for what is more than names (a splat, an
 * index anywhere but after a resource's name). One instance of a resource with `count` or
 * `for_each` is of its resource's type, its key kept with the name: `aws_kinesis_stream.orders[0]`
 * (the older `orders.0` too) is `aws_kinesis_stream`, `orders[0]`.
 */
export function referencePath(expression: SyntaxNode): string[] | undefined {
  const parts: string[] = [];
  for (const child of expression.namedChildren) {
    if (child?.type === 'variable_expr') parts.push(child.text);
    else if (child?.type === 'get_attr') parts.push(child.namedChildren[0]?.text ?? '');
    else if (child?.type === 'index' && parts.length === 2 && !parts[1].includes('[')) parts[1] += `[${child.text.replace(/^\.|^\[|\]$/g, '').trim()}]`;
    else return undefined;
  }
  return parts.length > 0 ? parts : undefined;
}

/**
 * A quoted string: its text with each interpolation (`${var.region}`) read as the reference's
 * value where known, else as `${...}`. Its characters stand for themselves when it is one literal
 * without escapes; `$${` is HCL's way to write IAM's own `${aws:username}`.
 */
function templateString(node: SyntaxNode, start: number, end: number, references: References): TemplateScalar {
  let value = '';
  let exact = true;
  for (const part of node.namedChildren) {
    if (!part) continue;
    if (part.type === 'template_literal') {
      const text = unescape(part.text);
      if (text !== part.text) exact = false;
      value += text;
    } else if (part.type === 'template_interpolation') {
      exact = false;
      const expression = part.namedChildren.find((c) => c?.type === 'expression');
      const path = expression && expression.namedChildren[0]?.type === 'variable_expr' ? referencePath(expression) : undefined;
      value += (path && references(path)) ?? (path ? `\${${path.join('.')}}` : UNKNOWN);
    } else if (part.type !== 'quoted_template_start' && part.type !== 'quoted_template_end') exact = false;
  }
  const literal = node.namedChildren.filter((c) => c?.type === 'template_literal');
  const content = exact && literal.length <= 1 ? { start: start + 1, end: end - 1 } : undefined;
  return { type: 'scalar', start, end, value, style: 'json', ...(content ? { content } : {}) };
}

/** A heredoc's text (`<<-EOT` strips the common indentation, as Terraform does); its characters are mapped as a whole. */
function heredocString(node: SyntaxNode, start: number, end: number): TemplateScalar {
  const literal = node.namedChildren.filter((c) => c?.type === 'template_literal');
  const text = literal.map((l) => l?.text ?? '').join('');
  const stripped = /^<<-/.test(node.text) ? dedent(text) : text;
  const only = literal.length === 1 && literal[0] && stripped === text ? literal[0] : undefined;
  return { type: 'scalar', start, end, value: stripped, style: 'block', ...(only ? { content: { start: only.startIndex, end: only.endIndex } } : {}) };
}

function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const least = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(least, /^[ \t]*/.exec(l)?.[0].length ?? 0))).join('\n');
}

/** HCL's string escapes (`\n`, `\"`, `\uXXXX`) and its template escapes (`$${`, `%%{`). */
function unescape(text: string): string {
  return text
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{')
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
      if (e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
      return ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' } as Record<string, string>)[e] ?? e;
    });
}

/**
 * JSON string text as HCL string text: the same escapes, and `${` and `%{` doubled, which HCL
 * would otherwise read as an interpolation or a directive (`$${aws:username}`).
 */
export function hclStringText(json: string): string {
  return json.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
