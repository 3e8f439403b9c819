import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { beforeAndAfter } from '../cloudformation/yamlEdits';
import type { Json } from '../cloudformation/valueText';
import { entry, type TemplateNode } from '../cloudformation/templateTree';
import { lineStart } from '../../text/pieceText';
import { hclStringText } from './hclValues';

/**
 * An edit that changes a policy's structure, made in HCL: the two changes the quick fixes and
 * inserts make, written in the style the file uses there.
 * - Items added at the end of a list (`actions`, `Action`): written before its `]`, or, where the
 *   value is one string, as a list of it and them.
 * - Statements added at the end: `statement` blocks in an `aws_iam_policy_document`, objects in
 *   a `jsonencode` policy's `Statement` (one statement object made a list of it and them).
 * Anything else (a removal, a change inside what the data source merges) is not offered.
 */
interface Span {
  start: number;
  end: number;
  text: string;
}

/** The edit of a policy written in JSON as `document`, made on `root`, its node in the file; `dataSource` for a policy document block. */
export function hclStructuralEdit(text: string, root: TemplateNode, document: TextDocument, edits: TextEdit[], dataSource: boolean): Span | undefined {
  try {
    return edit(text, root, document, edits, dataSource);
  } catch (error) {
    if (error instanceof Unwritable) return undefined;
    throw error;
  }
}

/** A value that stands for something this file cannot write (`${partition}`, known when Terraform runs). */
class Unwritable extends Error {}

function edit(text: string, root: TemplateNode, document: TextDocument, edits: TextEdit[], dataSource: boolean): Span | undefined {
  const values = beforeAndAfter(document, edits);
  if (!values || !isObject(values.before) || !isObject(values.after) || root.type !== 'map') return undefined;
  const before = statementsOf(values.before);
  const after = statementsOf(values.after);
  const list = entry(root, 'Statement');
  const nodes = list?.type === 'seq' ? list.items : list ? [list] : [];
  if (!before || !after || nodes.length !== before.length || !sameExcept(values.before, values.after, 'Statement')) return undefined;
  // Statements added at the end.
  if (after.length > before.length && before.every((s, i) => same(s, after[i]))) {
    const last = nodes[nodes.length - 1];
    if (!last || last.synthetic) return undefined;
    const indent = indentAt(text, last.start);
    const added = after.slice(before.length);
    if (dataSource) return { start: last.end, end: last.end, text: added.map((s) => `\n\n${indent}${statementBlock(s, indent, text)}`).join('') };
    const objects = added.map((s) => `,\n${indent}${hclValue(s, indent, text)}`).join('');
    // One statement object (`Statement = {...}`) becomes a list of it, as written, and the new ones.
    return list?.type === 'seq' ? { start: last.end, end: last.end, text: objects } : { start: last.start, end: last.end, text: `[${text.slice(last.start, last.end)}${objects}]` };
  }
  // Items added at the end of one list of one statement.
  if (after.length !== before.length) return undefined;
  const changed = before.flatMap((s, i) => (same(s, after[i]) ? [] : [i]));
  if (changed.length !== 1) return undefined;
  const [i] = changed;
  const statement = nodes[i];
  const was = before[i];
  const now = after[i];
  if (statement.type !== 'map' || statement.synthetic || !isObject(was) || !isObject(now)) return undefined;
  const keys = Object.keys(now).filter((k) => !same(was[k], now[k]));
  if (keys.length !== 1 || !(keys[0] in was)) return undefined;
  const node = entry(statement, keys[0]);
  const old = was[keys[0]];
  const grown = now[keys[0]];
  if (!node || node.synthetic || !Array.isArray(grown)) return undefined;
  if (Array.isArray(old) && node.type === 'seq' && old.length === node.items.length && old.every((v, k) => same(v, grown[k]))) {
    const added = grown.slice(old.length).map((v) => hclValue(v, '', text));
    const last = node.items[node.items.length - 1];
    return last ? { start: last.end, end: last.end, text: added.map((v) => `, ${v}`).join('') } : { start: node.start + 1, end: node.start + 1, text: added.join(', ') };
  }
  if (typeof old === 'string' && node.type === 'scalar' && grown[0] === old) {
    return { start: node.start, end: node.end, text: `[${[text.slice(node.start, node.end), ...grown.slice(1).map((v) => hclValue(v, '', text))].join(', ')}]` };
  }
  return undefined;
}

/** A statement as a `statement` block of the data source (its attribute and block names). */
function statementBlock(statement: Json, indent: string, file: string): string {
  if (!isObject(statement)) throw new Error('not a statement');
  const inner = `${indent}  `;
  const lines: string[] = [];
  const list = (v: Json) => hclValue(Array.isArray(v) ? v : [v], inner, file);
  if (statement.Sid !== undefined) lines.push(`sid = ${hclValue(statement.Sid, inner, file)}`);
  if (statement.Effect !== undefined && statement.Effect !== 'Allow') lines.push(`effect = ${hclValue(statement.Effect, inner, file)}`);
  for (const [element, attribute] of [['Action', 'actions'], ['NotAction', 'not_actions'], ['Resource', 'resources'], ['NotResource', 'not_resources']] as const) {
    if (statement[element] !== undefined) lines.push(`${attribute} = ${list(statement[element])}`);
  }
  for (const [element, block] of [['Principal', 'principals'], ['NotPrincipal', 'not_principals']] as const) {
    const principal = statement[element];
    if (principal === undefined) continue;
    const types: [string, Json][] = principal === '*' ? [['*', ['*']]] : isObject(principal) ? Object.entries(principal) : [];
    for (const [type, identifiers] of types) lines.push(`${block} {\n${inner}  type = ${hclValue(type, '', file)}\n${inner}  identifiers = ${list(identifiers)}\n${inner}}`);
  }
  const condition = statement.Condition;
  if (isObject(condition)) {
    for (const [test, keys] of Object.entries(condition)) {
      for (const [variable, values] of isObject(keys) ? Object.entries(keys) : []) {
        lines.push(`condition {\n${inner}  test = ${hclValue(test, '', file)}\n${inner}  variable = ${hclValue(variable, '', file)}\n${inner}  values = ${list(values)}\n${inner}}`);
      }
    }
  }
  return `statement {\n${lines.map((l) => `${inner}${l}`).join('\n')}\n${indent}}`;
}

/**
 * A JSON value in HCL: strings as HCL strings, objects with `=`. In a string, IAM's own variables
 * (`${aws:username}`) are written `$${...}`, the file's own expressions (`${var.region}`) as
 * interpolations; what stands for a value only Terraform knows and the file does not name cannot
 * be written.
 */
function hclValue(value: Json, indent: string, file: string): string {
  if (typeof value === 'string') return hclString(value, file);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => hclValue(v, indent, file)).join(', ')}]`;
  const inner = `${indent}  `;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${/^[A-Za-z_][\w-]*$/.test(k) ? k : JSON.stringify(k)} = ${hclValue(v, inner, file)}`);
  return `{\n${entries.join('\n')}\n${indent}}`;
}

const EXPRESSION = /^(var|local|module|each|count|path|terraform|self)\.|^[a-z][a-z0-9_]*\.[A-Za-z_][\w-]*\.[\w.]+$/;

/** Whether `${name}` can be written into the file: an expression of it, a data source only where the file declares it. */
function writable(name: string, file: string): boolean {
  const data = /^data\.([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)\./.exec(name);
  if (data) return file.includes(`data "${data[1]}" "${data[2]}"`);
  return EXPRESSION.test(name);
}

function hclString(value: string, file: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of value.matchAll(/\$\{([^}]*)\}/g)) {
    const name = match[1];
    const iam = name.includes(':') || name === '*' || name === '?' || name === '$';
    if (!iam && !writable(name, file)) throw new Unwritable(name);
    parts.push(hclStringText(JSON.stringify(value.slice(last, match.index)).slice(1, -1)), iam ? `$\${${name}}` : `\${${name}}`);
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(hclStringText(JSON.stringify(value.slice(last)).slice(1, -1)));
  return `"${parts.join('')}"`;
}

function statementsOf(policy: { [key: string]: Json }): Json[] | undefined {
  const statement = policy.Statement;
  return Array.isArray(statement) ? statement : isObject(statement) ? [statement] : undefined;
}

function indentAt(text: string, offset: number): string {
  const line = text.slice(lineStart(text, offset), offset);
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameExcept(a: { [key: string]: Json }, b: { [key: string]: Json }, key: string): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => k === key || same(a[k], b[k]));
}
