import { parse as parseJson, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { TemplateDocument } from '../hostModel';
import { intrinsicOf } from './intrinsics';
import { entry, type TemplateMap, type TemplateNode, type TemplateSeq } from './templateTree';
import { yamlString } from './yamlScalars';
import { column, contentEnd, crossesBlocks, lineEnd } from './yamlLayout';
import { lineStart } from '../../text/pieceText';
import { isObject, Unwritable, ValueText, type Json } from './valueText';
import { deeper, listAround } from '../../codeActions/statements';

/** YAML's white space and line breaks at the end of a text (see `contentEnd`). */
const YAML_SPACE_AT_END = /[ \t\r\n]+$/;

interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * An edit that changes a policy's structure (a statement added, an array element removed, a
 * property added), made in a YAML template: the policy's value before and after the edit are
 * compared along the template's own nodes, and the one place that differs is rewritten in YAML,
 * block or flow as the template writes it there, keeping everything else (comments included).
 * Here, an edit of one policy of the template, written in JSON as `document`, made on `root`, the
 * policy's node.
 */
export function structuralEdit(template: TemplateDocument, root: TemplateNode, document: TextDocument, edits: TextEdit[]): Span | undefined {
  return textStructuralEdit(template.text, template.format === 'json', root, document, edits);
}

/** The same, in any text that holds the policy as YAML or, with `json`, as JSON (a Terraform heredoc). */
export function textStructuralEdit(text: string, json: boolean, root: TemplateNode, document: TextDocument, edits: TextEdit[]): Span | undefined {
  const values = beforeAndAfter(document, edits);
  return values && writing(() => new YamlWriter(text, json).change(root, values.before, values.after, false));
}

function writing(write: () => Span | undefined): Span | undefined {
  try {
    return write();
  } catch (error) {
    if (error instanceof Unwritable) return undefined;
    throw error;
  }
}

/**
 * An edit of several policies written as one (a principal's, see `writtenStatements`): made on
 * the statement it changes, or, for statements added, at the end of the last policy's list.
 */
export function statementsEdit(template: TemplateDocument, policies: readonly TemplateNode[], statements: readonly TemplateNode[], document: TextDocument, edits: TextEdit[]): Span | undefined {
  const values = beforeAndAfter(document, edits);
  const before = values && isObject(values.before) ? values.before.Statement : undefined;
  const after = values && isObject(values.after) ? values.after.Statement : undefined;
  if (!Array.isArray(before) || !Array.isArray(after) || before.length !== statements.length) return undefined;
  const writer = new YamlWriter(template.text, template.format === 'json');
  if (before.length === after.length) {
    const differing = before.flatMap((v, i) => (equal(v, after[i]) ? [] : [i]));
    return differing.length === 1 ? writing(() => writer.change(statements[differing[0]], before[differing[0]], after[differing[0]], false)) : undefined;
  }
  const written = policies.filter((p) => !p.synthetic);
  const list = written.length > 0 ? entry(written[written.length - 1], 'Statement') : undefined;
  if (after.length <= before.length || !before.every((v, i) => equal(v, after[i])) || list?.type !== 'seq') return undefined;
  return writing(() => writer.insertItems(list, list.items.length, after.slice(before.length), list.flow));
}

export function beforeAndAfter(document: TextDocument, edits: TextEdit[]): { before: Json; after: Json } | undefined {
  const errors: ParseError[] = [];
  const before = parseJson(document.getText(), errors, { allowTrailingComma: true }) as Json;
  const after = parseJson(TextDocument.applyEdits(document, edits), errors, { allowTrailingComma: true }) as Json;
  return errors.length === 0 ? { before, after } : undefined;
}

/** Writes values into the template's text: YAML where it is YAML, JSON (YAML's flow style, quoted) in a JSON template. */
class YamlWriter {
  private readonly eol: string;

  private readonly values: ValueText;

  constructor(
    private readonly text: string,
    private readonly json: boolean,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.values = new ValueText(json, this.eol);
  }

  change(node: TemplateNode, before: Json, after: Json, inFlow: boolean): Span | undefined {
    if (equal(before, after)) return undefined;
    // What an intrinsic function stands for is not ours to rewrite, nor what SAM makes.
    if (intrinsicOf(node) || node.synthetic) return undefined;
    if (node.type === 'map' && isObject(before) && isObject(after)) return this.changeMap(node, before, after, inFlow);
    if (node.type === 'seq' && Array.isArray(before) && Array.isArray(after)) return this.changeSeq(node, before, after, inFlow);
    if (node.type === 'map' && isObject(before) && Array.isArray(after) && after.length > 1 && isObject(after[0])) return this.wrapMap(node, before, after, inFlow);
    return this.replace(node, after, inFlow);
  }

  /**
   * A single statement made a list with more after it: the mapping kept as written (comments,
   * intrinsic functions and all), with its own change if it has one, as the list's first item and
   * the new items after it. In block style the mapping's lines move two columns right, behind a
   * `- `; in flow style (and JSON) the list is written around it.
   */
  private wrapMap(node: TemplateMap, before: Json, after: Json[], inFlow: boolean): Span | undefined {
    const own = this.change(node, before, after[0], inFlow);
    if (!own && !equal(before, after[0])) return undefined;
    const start = node.start;
    // A block mapping's last line is all its own (a comment, or a character YAML reads beside it).
    const block = !inFlow && !node.flow && !this.json;
    const end = Math.max(block ? lineEnd(this.text, contentEnd(this.text, node.end)) : contentEnd(this.text, node.end), own?.end ?? 0);
    let written = this.text.slice(start, end);
    if (own) written = written.slice(0, own.start - start) + own.text + written.slice(own.end - start);
    const body = written.replace(YAML_SPACE_AT_END, '');
    const rest = written.slice(body.length);
    const added = after.slice(1);
    const lineHead = this.text.slice(lineStart(this.text, start), start);
    if (this.json && body.includes('\n')) {
      // Laid out as the template is: one item a line, each a level deeper than the line it is on.
      const base = /^[ \t]*/.exec(lineHead)?.[0] ?? '';
      const unit = this.jsonUnit(node, base);
      return { start, end, text: listAround(body, added.map((v) => this.values.json(v, base + unit, unit)), base, unit, this.eol) + rest };
    }
    if (inFlow || node.flow || this.json) return { start, end, text: `[${body}, ${added.map((v) => this.values.flow(v)).join(', ')}]${rest}` };
    if (!/^[ \t]*$/.test(lineHead)) return this.replace(node, after, inFlow);
    const at = column(this.text, start);
    const items = added.map((v) => this.values.block([v], at)).join(this.eol + ' '.repeat(at));
    return { start, end, text: `- ${deeper(body, '  ')}${this.eol}${' '.repeat(at)}${items}${rest}` };
  }

  /** A JSON template's indentation step: how much deeper the mapping's first key is than `base`. */
  private jsonUnit(node: TemplateMap, base: string): string {
    const first = node.entries[0]?.keyNode.start;
    const head = first === undefined ? '' : this.text.slice(lineStart(this.text, first), first);
    return /^[ \t]*$/.test(head) && head.length > base.length && head.startsWith(base) ? head.slice(base.length) : '  ';
  }

  private changeMap(node: TemplateMap, before: Record<string, Json>, after: Record<string, Json>, inFlow: boolean): Span | undefined {
    const removed = Object.keys(before).filter((k) => !(k in after));
    const added = Object.keys(after).filter((k) => !(k in before));
    const changed = Object.keys(after).filter((k) => k in before && !equal(before[k], after[k]));
    const flow = inFlow || node.flow;
    if (removed.length === 0 && added.length === 0) {
      // The value IAM reads is a repeated key's last.
      const entries = changed.map((key) => [...node.entries].reverse().find((e) => e.key === key));
      const each = this.each(entries.map((entry, i) => () => (entry?.value ? this.change(entry.value, before[changed[i]], after[changed[i]], flow) : undefined)));
      return each ?? (changed.length > 1 ? this.replace(node, after, inFlow) : undefined);
    }
    if (removed.length === 0 && changed.length === 0 && added.length > 0 && node.entries.length > 0) {
      const last = node.entries[node.entries.length - 1];
      const end = contentEnd(this.text, last.value?.end ?? last.keyNode.end);
      const addition = Object.fromEntries(added.map((k) => [k, after[k]]));
      if (flow) return { start: end, end, text: added.map((k) => `, ${this.json ? JSON.stringify(k) : yamlString(k, 'plain', true)}: ${this.values.flow(after[k])}`).join('') };
      const indent = column(this.text, node.entries[0].keyNode.start);
      const at = lineEnd(this.text, end);
      return { start: at, end: at, text: this.eol + ' '.repeat(indent) + this.values.block(addition, indent) };
    }
    if (removed.length === 1 && added.length === 0 && changed.length === 0 && !flow) {
      const entry = node.entries.find((e) => e.key === removed[0]);
      return entry && this.removeLines(entry.keyNode.start, entry.value?.end ?? entry.keyNode.end);
    }
    return this.replace(node, after, inFlow);
  }

  private changeSeq(node: TemplateSeq, before: Json[], after: Json[], inFlow: boolean): Span | undefined {
    const flow = inFlow || node.flow;
    if (node.items.length !== before.length) return undefined;
    if (before.length === after.length) {
      const differing = before.flatMap((v, i) => (equal(v, after[i]) ? [] : [i]));
      return this.each(differing.map((i) => () => this.change(node.items[i], before[i], after[i], flow))) ?? this.replace(node, after, inFlow);
    }
    // Items added (or taken out) in one run, the others kept in their order.
    let prefix = 0;
    while (prefix < before.length && prefix < after.length && equal(before[prefix], after[prefix])) prefix++;
    let suffix = 0;
    while (suffix < before.length - prefix && suffix < after.length - prefix && equal(before[before.length - 1 - suffix], after[after.length - 1 - suffix])) suffix++;
    if (prefix + suffix === before.length) return this.insertItems(node, prefix, after.slice(prefix, after.length - suffix), flow);
    if (prefix + suffix === after.length && after.length > 0 && !flow) {
      return this.removeLines(node.items[prefix].start, node.items[before.length - suffix - 1].end);
    }
    // Items taken out here and there (fix-all's empty entries), the others kept in their order.
    const removed = after.length > 0 && !flow ? removedItems(before, after) : undefined;
    if (removed) return this.each(removed.map((i) => () => this.removeLines(node.items[i].start, node.items[i].end))) ?? this.replace(node, after, inFlow);
    return this.replace(node, after, inFlow);
  }

  /**
   * Changes of several entries or items made each in place, as one span with the text between
   * them as it was: the rest of the collection, repeated keys and all, is not written anew.
   * Undefined if one of them cannot be made, or they overlap.
   */
  private each(changes: (() => Span | undefined)[]): Span | undefined {
    const spans: Span[] = [];
    for (const change of changes) {
      const span = change();
      if (!span) return undefined;
      spans.push(span);
    }
    spans.sort((a, b) => a.start - b.start);
    if (spans.length === 0 || spans.some((span, i) => i > 0 && span.start < spans[i - 1].end)) return undefined;
    const text = spans.map((span, i) => (i === 0 ? '' : this.text.slice(spans[i - 1].end, span.start)) + span.text).join('');
    return { start: spans[0].start, end: spans[spans.length - 1].end, text };
  }

  insertItems(node: TemplateSeq, at: number, values: Json[], flow: boolean): Span | undefined {
    if (flow) {
      const texts = values.map((v) => this.values.flow(v)).join(', ');
      if (node.items.length === 0) return { start: node.start, end: node.end, text: `[${texts}]` };
      const previous = node.items[at - 1];
      return previous ? { start: previous.end, end: previous.end, text: `, ${texts}` } : { start: node.items[0].start, end: node.items[0].start, text: `${texts}, ` };
    }
    const dash = node.items.length > 0 ? this.dashColumn(node.items[0]) : undefined;
    if (dash === undefined) return undefined;
    const items = values.map((v) => this.values.block([v], dash)).join(this.eol + ' '.repeat(dash));
    const next = node.items[at];
    if (next) {
      const position = lineStart(this.text, next.start) + dash;
      return { start: position, end: position, text: items + this.eol + ' '.repeat(dash) };
    }
    // After the last item's line, its comment included.
    const end = lineEnd(this.text, contentEnd(this.text, node.items[node.items.length - 1].end));
    return { start: end, end, text: this.eol + ' '.repeat(dash) + items };
  }

  /**
   * A whole node written anew: in flow style on one line, as JSON-like YAML that reads back as the
   * value. Not where the node holds what its value cannot write back: an intrinsic function (read
   * as the value it stands for), an alias or anchor, what SAM made.
   */
  private replace(node: TemplateNode, value: Json, inFlow: boolean): Span {
    if (!this.rewritable(node)) throw new Unwritable();
    // A block scalar (`|`, `>`) holds the line breaks after its text: they stay.
    const end = node.type === 'scalar' && node.style === 'block' ? contentEnd(this.text, node.end) : node.end;
    if (typeof value === 'string' && node.type === 'scalar' && !this.json) {
      const written = this.values.string(value, true);
      const style = node.style === 'json' || node.style === 'block' ? 'plain' : node.style;
      return { start: node.start, end, text: written.startsWith('!') ? written : yamlString(value, style, inFlow) };
    }
    return { start: node.start, end, text: this.values.flow(value) };
  }

  /** The lines from the one `start` is on through the one `end` is on, taken out whole. */
  private removeLines(start: number, end: number): Span {
    const from = lineStart(this.text, start);
    const newline = this.text.indexOf('\n', Math.max(end - 1, from));
    return { start: from, end: newline < 0 ? this.text.length : newline + 1, text: '' };
  }

  private rewritable(node: TemplateNode): boolean {
    const written = this.text.slice(node.start, node.end);
    // A comment inside would be lost; an anchor or alias would lose what it joins.
    if (node.synthetic || intrinsicOf(node) || crossesBlocks(written) || (!this.json && /(^|\s)#/.test(written))) return false;
    if (node.type === 'map') return node.entries.every((e) => !e.value || this.rewritable(e.value));
    return node.type === 'seq' ? node.items.every((i) => this.rewritable(i)) : true;
  }

  /** The column of the `-` that introduces a block sequence item, if it is on the item's line. */
  private dashColumn(item: TemplateNode): number | undefined {
    const before = this.text.slice(lineStart(this.text, item.start), item.start);
    const dash = before.lastIndexOf('-');
    return dash >= 0 && /^[ \t]*$/.test(before.slice(dash + 1)) ? dash : undefined;
  }
}

/** The indices of `before` whose items `after` lacks, where it is `before` with some taken out, in order. */
function removedItems(before: readonly Json[], after: readonly Json[]): number[] | undefined {
  const removed: number[] = [];
  let kept = 0;
  for (let i = 0; i < before.length; i++) {
    if (kept < after.length && equal(before[i], after[kept])) kept++;
    else removed.push(i);
  }
  return kept === after.length ? removed : undefined;
}

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equal(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}
