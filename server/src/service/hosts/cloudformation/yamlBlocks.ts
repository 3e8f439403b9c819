import { parseDocument, type Tags } from 'yaml';
import { fromYaml, type TemplateEntry, type TemplateMap, type TemplateNode } from './templateTree';

/**
 * A YAML template read a resource at a time. A template is mostly its `Resources` section, one
 * block of lines per resource; after an edit only the blocks whose text changed are parsed again,
 * the others are kept and moved by the change in length. The `yaml` library parses about 2 KB a
 * millisecond, so a 1 MB template would otherwise take half a second per keystroke.
 *
 * A template this reading cannot follow (anchors and aliases, which cross blocks; a flow-style or
 * oddly indented `Resources`; several documents) is parsed whole, as before.
 */
export interface ResourceBlock {
  start: number;
  end: number;
  text: string;
  entries: TemplateEntry[];
  /** Offsets of the YAML errors in the block. */
  errors: number[];
}

export interface YamlTree {
  root: TemplateNode | undefined;
  errors: number[];
  /** The resource blocks, when the template was read block by block. */
  blocks?: ResourceBlock[];
}

/**
 * CloudFormation's short-form tags (CloudFormation User Guide, "Intrinsic function reference"),
 * declared to the library for scalars, sequences and maps: it keeps them on their nodes either
 * way, but warns of each one it does not know, which costs more than the parse.
 */
const SHORT_FORMS = ['And', 'Base64', 'Cidr', 'Condition', 'Equals', 'FindInMap', 'GetAZs', 'GetAtt', 'If', 'ImportValue', 'Join', 'Length', 'Not', 'Or', 'Ref', 'Select', 'Split', 'Sub', 'ToJsonString', 'Transform'];
const CUSTOM_TAGS: Tags = SHORT_FORMS.flatMap((name): Tags => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq', resolve: (collection) => collection },
  { tag: `!${name}`, collection: 'map', resolve: (collection) => collection },
]);

const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'silent', customTags: CUSTOM_TAGS } as const;

/** The template's tree, reusing the blocks of `previous` whose text is unchanged (they are moved in place). */
export function parseYamlTemplate(text: string, previous?: readonly ResourceBlock[]): YamlTree {
  const layout = resourceLayout(text);
  if (!layout) return whole(text);
  // Kept blocks are compared where they stand, without copying the text: first the previous
  // version's next block in order (an edit changes one or two), then any of the same length.
  const old = previous ?? [];
  const used = new Set<ResourceBlock>();
  let byLength: Map<number, ResourceBlock[]> | undefined;
  let next = 0;
  const same = (block: ResourceBlock | undefined, start: number, end: number) =>
    block !== undefined && !used.has(block) && block.text.length === end - start && text.startsWith(block.text, start);
  const blocks = layout.blocks.map(({ start, end }) => {
    let kept = [old[next], old[next + 1]].find((b) => same(b, start, end));
    if (!kept) {
      byLength ??= lengths(old);
      kept = byLength.get(end - start)?.find((b) => same(b, start, end));
    }
    if (!kept) return parseBlock(text.slice(start, end), start);
    used.add(kept);
    next = old.indexOf(kept, next) + 1 || next;
    return moved(kept, start);
  });
  const header = parseAt(text.slice(0, layout.sectionStart), 0);
  const trailer = parseAt(text.slice(layout.sectionEnd), layout.sectionEnd);
  if (header.root?.type !== 'map' || (trailer.root !== undefined && trailer.root.type !== 'map')) return whole(text);
  const resources: TemplateMap = {
    type: 'map',
    start: blocks[0]?.start ?? layout.sectionStart,
    end: blocks[blocks.length - 1]?.end ?? layout.sectionEnd,
    flow: false,
    entries: blocks.flatMap((b) => b.entries),
  };
  const entries = header.root.entries.map((e) => (e.key === 'Resources' ? { ...e, value: resources } : e));
  const root: TemplateMap = { ...header.root, end: Math.max(header.root.end, resources.end, trailer.root?.end ?? 0), entries: [...entries, ...(trailer.root?.type === 'map' ? trailer.root.entries : [])] };
  return { root, errors: [...header.errors, ...blocks.flatMap((b) => b.errors), ...trailer.errors], blocks };
}

function lengths(blocks: readonly ResourceBlock[]): Map<number, ResourceBlock[]> {
  const byLength = new Map<number, ResourceBlock[]>();
  for (const block of blocks) {
    const list = byLength.get(block.text.length);
    if (list) list.push(block);
    else byLength.set(block.text.length, [block]);
  }
  return byLength;
}

function whole(text: string): YamlTree {
  const parsed = parseDocument(text, OPTIONS);
  return { root: fromYaml(parsed.contents, text, parsed), errors: parsed.errors.map((e) => e.pos[0]) };
}

function parseAt(text: string, base: number): { root: TemplateNode | undefined; errors: number[] } {
  if (text.trim() === '') return { root: undefined, errors: [] };
  const parsed = parseDocument(text, OPTIONS);
  const root = fromYaml(parsed.contents, text, parsed);
  if (root && base !== 0) shift(root, base);
  return { root, errors: parsed.errors.map((e) => e.pos[0] + base) };
}

function parseBlock(text: string, start: number): ResourceBlock {
  const { root, errors } = parseAt(text, start);
  return { start, end: start + text.length, text, entries: root?.type === 'map' ? root.entries : [], errors };
}

/** A kept block moved to `start`: its nodes are moved in place (the previous tree is not read again). */
function moved(block: ResourceBlock, start: number): ResourceBlock {
  const delta = start - block.start;
  if (delta !== 0) {
    for (const e of block.entries) {
      shift(e.keyNode, delta);
      if (e.value) shift(e.value, delta);
    }
  }
  return { ...block, start, end: block.end + delta, errors: block.errors.map((e) => e + delta) };
}

function shift(node: TemplateNode, delta: number): void {
  node.start += delta;
  node.end += delta;
  if (node.type === 'scalar') {
    if (node.content) {
      node.content.start += delta;
      node.content.end += delta;
    }
  } else if (node.type === 'map') {
    for (const e of node.entries) {
      shift(e.keyNode, delta);
      if (e.value) shift(e.value, delta);
    }
  } else for (const item of node.items) shift(item, delta);
}

/**
 * Where the `Resources` section and its resources are: a top-level `Resources:` key in block
 * style, its entries at one indentation. Undefined when the text has what crosses blocks
 * (anchors, aliases, merge keys, document markers) or another shape.
 */
function resourceLayout(text: string): { sectionStart: number; sectionEnd: number; blocks: { start: number; end: number }[] } | undefined {
  if (/(^|[\s[{,])[&*][^\s,[\]{}]/.test(text) || /^(---|\.\.\.)\s*$/m.test(text) || text.includes('\t')) return undefined;
  const heading = /^Resources:[ ]*(#.*)?\r?\n/m.exec(text);
  if (!heading) return undefined;
  const from = heading.index + heading[0].length;
  // The section ends at the next key at column 0; its entries are the lines at its first line's indentation.
  const sectionEnd = findFrom(/^[^\s#]/gm, text, from)?.index ?? text.length;
  const first = findFrom(/^( +)[^ \r\n#]/gm, text, from);
  if (!first || first.index >= sectionEnd) return undefined;
  const indent = first[1].length;
  // A line less indented than the entries (but not at column 0) is a shape this reading does not follow.
  const outdented = indent > 1 ? findFrom(new RegExp(`^ {1,${indent - 1}}[^ \\r\\n#]`, 'gm'), text, from) : undefined;
  if (outdented && outdented.index < sectionEnd) return undefined;
  const starts: number[] = [];
  const entry = new RegExp(`^ {${indent}}[^ \\r\\n#]`, 'gm');
  entry.lastIndex = from;
  for (let m = entry.exec(text); m && m.index < sectionEnd; m = entry.exec(text)) starts.push(m.index);
  // A block runs from its key's line to the next key's (comment lines before a key belong to the block above).
  const blocks = starts.map((start, i) => ({ start, end: starts[i + 1] ?? sectionEnd }));
  return { sectionStart: starts[0], sectionEnd, blocks };
}

function findFrom(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(text);
}
