import type { Node as JsonNode } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { documentString } from '../../interned';
import { exactLength } from '../../exactLength';

/**
 * A template as a tree, the same for JSON and YAML: maps, sequences and scalars with where each
 * lies in the document. YAML's short-form tags (`!Sub`, `!GetAtt`) stay on their nodes; the
 * intrinsic functions are read from either form by `intrinsics.ts`.
 */
export type TemplateNode = TemplateMap | TemplateSeq | TemplateScalar;

interface NodeBase {
  start: number;
  end: number;
  /** A YAML tag such as `!Sub`, as written. */
  tag?: string;
  /**
   * Not written in the template but made from it (a SAM policy template's statements): the node
   * stands at the place it was made from, and is never edited.
   */
  synthetic?: boolean;
}

export interface TemplateEntry {
  key: string;
  /** The key as written. */
  keyNode: TemplateScalar;
  value: TemplateNode | undefined;
}

export interface TemplateMap extends NodeBase {
  type: 'map';
  entries: TemplateEntry[];
  flow: boolean;
}

export interface TemplateSeq extends NodeBase {
  type: 'seq';
  items: TemplateNode[];
  flow: boolean;
}

/** How a scalar is written: plain YAML, quoted, a block (`|`, `>`), or a JSON literal. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'block' | 'json';

export interface TemplateScalar extends NodeBase {
  type: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
  /**
   * Where the value's characters stand in the document one for one (a plain scalar, a quoted one
   * without escapes), so that an offset inside it means the same character in both; else undefined.
   */
  content?: { start: number; end: number };
}

/** The entry's value of a map by key (the last one where a key is written twice, as CloudFormation reads it). */
export function entry(node: TemplateNode | undefined, key: string): TemplateNode | undefined {
  if (node?.type !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i].value;
  return undefined;
}

/** Whether a key has no value written (`Resource:` and nothing after it): YAML reads an empty null. */
export function isEmptyValue(node: TemplateNode | undefined): boolean {
  return !node || (node.type === 'scalar' && node.value === null && node.start === node.end);
}

export function stringValue(node: TemplateNode | undefined): string | undefined {
  return node?.type === 'scalar' && typeof node.value === 'string' && !node.tag ? node.value : undefined;
}

/** A template's tree from jsonc-parser's tree of the document. */
export function fromJson(node: JsonNode, text: string): TemplateNode {
  const end = node.offset + node.length;
  if (node.type === 'object') {
    const entries: TemplateEntry[] = [];
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key?.type !== 'string') continue;
      entries.push({ key: String(key.value), keyNode: fromJson(key, text) as TemplateScalar, value: value && fromJson(value, text) });
    }
    return { type: 'map', start: node.offset, end, entries: exactLength(entries), flow: true };
  }
  if (node.type === 'array') return { type: 'seq', start: node.offset, end, items: (node.children ?? []).map((c) => fromJson(c, text)), flow: true };
  if (node.type === 'string') {
    const value = String(node.value);
    const exact = text.slice(node.offset + 1, end - 1) === value;
    return { type: 'scalar', start: node.offset, end, value, style: 'json', content: exact ? { start: node.offset + 1, end: end - 1 } : undefined };
  }
  const value = node.type === 'number' || node.type === 'boolean' ? (node.value as number | boolean) : null;
  return { type: 'scalar', start: node.offset, end, value, style: 'json' };
}

/**
 * A template's tree from the `yaml` library's document nodes; broken nodes are left out. An alias
 * (`*statement`) stands for its anchor's node, made at the alias (`sam deploy` and `aws
 * cloudformation package` expand aliases before CloudFormation reads the template).
 */
export function fromYaml(node: YamlNode | null | undefined, text: string, document?: Document, depth = 0): TemplateNode | undefined {
  if (isAlias(node) && document && node.range && depth < MAX_ALIAS_DEPTH) {
    const target = fromYaml(node.resolve(document), text, document, depth + 1);
    return target && madeAt(target, { start: node.range[0], end: node.range[1] });
  }
  if (!node?.range) return undefined;
  const [valueStart, valueEnd] = node.range;
  // A block collection's range runs through its last line break: it ends where its text does.
  const end = (isMap(node) || isSeq(node)) && !node.flow ? textEnd(text, valueStart, valueEnd) : valueEnd;
  const tag = node.tag?.startsWith('!') && !node.tag.startsWith('!!') ? node.tag : undefined;
  // A tagged node starts at its tag (the library's range starts at the value).
  const start = tag ? tagStart(text, tag, valueStart) : valueStart;
  if (isMap(node)) {
    const entries: TemplateEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = fromYaml(pair.key, text);
      if (key?.type !== 'scalar') continue;
      const value = fromYaml(pair.value as YamlNode | null, text, document, depth);
      // A merge key (`<<: *base`, YAML 1.1, which the SAM CLI reads) brings in the entries of the
      // maps it names that this map does not write itself.
      if (key.value === '<<' && key.style === 'plain' && value) {
        const own = new Set(node.items.map((p) => (isPair(p) && isScalar(p.key) ? String(p.key.value) : '')));
        for (const merged of value.type === 'seq' ? value.items : [value]) {
          if (merged.type === 'map') for (const e of merged.entries) if (!own.has(e.key)) entries.push(e);
        }
        continue;
      }
      entries.push({ key: String(key.value), keyNode: key, value });
    }
    return { type: 'map', start, end, tag, entries: exactLength(entries), flow: node.flow === true };
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => fromYaml(item as YamlNode, text, document, depth)).filter((n): n is TemplateNode => n !== undefined);
    return { type: 'seq', start, end, tag, items: exactLength(items), flow: node.flow === true };
  }
  if (isScalar(node)) {
    const raw = node.value;
    // CloudFormation reads unquoted dates (`Version: 2012-10-17`) as the strings they are written as.
    // Anything else (a `!!binary` buffer, a YAML 1.1 date) is read as the text it is written as.
    // Strings kept once each: a template names `Properties`, `Effect` and its actions thousands of times.
    const value = typeof raw === 'string' ? documentString(raw) : typeof raw === 'number' || typeof raw === 'boolean' || raw === null ? raw : text.slice(valueStart, end);
    const style = STYLES[node.type ?? 'PLAIN'] ?? 'plain';
    return typeof value === 'string' && isExact(text, valueStart, end, style, value) ? new ExactScalar(start, end, tag, value, style) : { type: 'scalar', start, end, tag, value, style };
  }
  return undefined;
}

function textEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1])) at--;
  return at;
}

function tagStart(text: string, tag: string, valueStart: number): number {
  const at = text.lastIndexOf(tag, valueStart);
  return at >= 0 && text.slice(at + tag.length, valueStart).trim() === '' ? at : valueStart;
}

/** Aliases of aliases followed at most this deep. */
const MAX_ALIAS_DEPTH = 8;

/** A node copied to stand at `at`, made from the template rather than written there (see `synthetic`). */
export function madeAt(node: TemplateNode, at: { start: number; end: number }): TemplateNode {
  if (node.type === 'map') return { ...node, ...at, synthetic: true, entries: node.entries.map((e) => ({ key: e.key, keyNode: { ...e.keyNode, ...at, synthetic: true, content: undefined }, value: e.value && madeAt(e.value, at) })) };
  if (node.type === 'seq') return { ...node, ...at, synthetic: true, items: node.items.map((i) => madeAt(i, at)) };
  return { ...node, ...at, synthetic: true, content: undefined };
}

const STYLES: Record<string, ScalarStyle> = { PLAIN: 'plain', QUOTE_SINGLE: 'single', QUOTE_DOUBLE: 'double', BLOCK_LITERAL: 'block', BLOCK_FOLDED: 'block' };

/** Whether a YAML scalar's characters are its value one for one: plain, or quoted without escapes. */
function isExact(text: string, start: number, end: number, style: ScalarStyle, value: string): boolean {
  if (style === 'plain') return end - start === value.length && text.startsWith(value, start);
  if (style === 'single' || style === 'double') return end - start - 2 === value.length && text.startsWith(value, start + 1);
  return false;
}

/**
 * A YAML scalar whose characters are its value one for one: its `content` is worked out from where
 * it ends when asked (an object of its own for each of a 1 MB template's 54,000 scalars was 2.4
 * MB of its live heap). It moves with its `end` (`moveNode`).
 */
class ExactScalar implements TemplateScalar {
  readonly type = 'scalar';

  constructor(
    public start: number,
    public end: number,
    public tag: string | undefined,
    public value: string,
    public style: ScalarStyle,
  ) {}

  get content(): { start: number; end: number } {
    const end = this.style === 'plain' ? this.end : this.end - 1;
    return { start: end - this.value.length, end };
  }
}

/** A node as it would be without its tag (the argument of a short-form intrinsic function). */
export function untagged(node: TemplateNode): TemplateNode {
  if (node instanceof ExactScalar) return new ExactScalar(node.start, node.end, undefined, node.value, node.style);
  return { ...node, tag: undefined };
}

/** Moves a node and everything in it by `delta` (a text edit before it), in place; returns it. */
export function moveNode<N extends TemplateNode>(node: N, delta: number): N {
  node.start += delta;
  node.end += delta;
  if (node.type === 'scalar') {
    // In place, as the node is: each scalar's own object, and a template moves thousands a keystroke.
    // An exact YAML scalar's content follows its end.
    if (!(node instanceof ExactScalar) && node.content) {
      node.content.start += delta;
      node.content.end += delta;
    }
  } else if (node.type === 'map') {
    for (const e of node.entries) {
      moveNode(e.keyNode, delta);
      if (e.value) moveNode(e.value, delta);
    }
  } else for (const item of node.items) moveNode(item, delta);
  return node;
}
