import type { Tags } from 'yaml';
import { fromYaml, isEmptyValue, moveNode, type TemplateEntry, type TemplateMap, type TemplateNode } from './templateTree';
import { pieceDifference } from '../../textDifference';
import { piecesOf, type PieceText } from '../../text/pieceText';
import { blockEnd, relayout, resourceLayout, unchanged, type Layout } from './yamlLayout';
import { parseYaml } from './flowIndent';
import { ownCopy } from '../../ownCopy';
import { finish, type Steps } from '../../steps';

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
  /**
   * How far the block has moved since its nodes were last moved with it (see `settle`): a kept
   * block's `start` and `end` are always where it is, its nodes only once settled.
   */
  unsettled: number;
  /** The reading that last took it (see `parseYamlTemplateSteps`): a block is taken once a reading. */
  takenBy: number;
}

/** The last reading's number. */
let readings = 0;

/** Moves a block's nodes to where the block is. */
export function settle(block: ResourceBlock): void {
  const delta = block.unsettled;
  if (delta === 0) return;
  block.unsettled = 0;
  for (const e of block.entries) {
    moveNode(e.keyNode, delta);
    if (e.value) moveNode(e.value, delta);
  }
}

export interface YamlTree {
  root: TemplateNode | undefined;
  errors: number[];
  /** The resource blocks, when the template was read block by block. */
  blocks?: ResourceBlock[];
  /** The text before the resources, and what it was read as. */
  header?: { text: string; root: TemplateNode | undefined; errors: number[] };
  layout?: Layout;
}

/** What an earlier version was read as: its text, its blocks, its header and where its resources were. */
export interface PreviousYaml {
  text: PieceText;
  blocks?: readonly ResourceBlock[];
  header?: YamlTree['header'];
  layout?: Layout;
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
export function parseYamlTemplate(text: string | PieceText, before?: PreviousYaml): YamlTree {
  return finish(parseYamlTemplateSteps(text, before));
}

/** `parseYamlTemplate` in steps, a block parsed a step (the `yaml` library reads about 2 KB a millisecond: a 1 MB template takes half a second). */
export function* parseYamlTemplateSteps(source: string | PieceText, before?: PreviousYaml): Steps<YamlTree> {
  // Read from the pieces (see PieceText): after an edit, only the changed blocks' text is copied.
  const text = piecesOf(source);
  // Where the texts differ: blocks wholly before the first difference, or wholly after the last,
  // are the same text (moved by the change in length), without comparing them.
  const changed = before ? pieceDifference(before.text, text) : undefined;
  const layout = (before?.layout && changed && relayout(before.layout, changed, text)) ?? resourceLayout(text.toString());
  if (!layout) return whole(text.toString());
  const previous = before?.blocks;
  // Kept blocks are compared where they stand, without copying the text: first the previous
  // version's next block in order (an edit changes one or two), then any of the same length.
  const old = previous ?? [];
  // Which blocks this reading took, marked on them rather than in a set of thousands made at every keystroke.
  const reading = ++readings;
  let byLength: Map<number, ResourceBlock[]> | undefined;
  let next = 0;
  const same = (block: ResourceBlock | undefined, start: number, end: number): block is ResourceBlock =>
    block !== undefined && block.text.length === end - start && block.takenBy !== reading && text.slice(start, end) === block.text;
  const blocks: ResourceBlock[] = [];
  for (let b = 0; b < layout.starts.length; b++) {
    const start = layout.starts[b];
    const end = blockEnd(layout, b);
    let kept: ResourceBlock | undefined;
    const candidate = old[next];
    if (changed && candidate && candidate.takenBy !== reading && candidate.text.length === end - start && unchanged(candidate, start, changed)) kept = old[next++];
    else if (same(old[next], start, end)) kept = old[next++];
    else if (same(old[next + 1], start, end)) {
      kept = old[next + 1];
      next += 2;
    } else {
      byLength ??= lengths(old);
      kept = byLength.get(end - start)?.find((b) => same(b, start, end));
    }
    if (!kept) {
      // Its own copy: a block kept across edits would otherwise keep its version of the whole text.
      blocks.push(parseBlock(ownCopy(text.slice(start, end)), start));
      yield;
      continue;
    }
    kept.takenBy = reading;
    blocks.push(moved(kept, start));
  }
  const headerText = text.slice(0, layout.sectionStart);
  const header = before?.header?.text === headerText ? before.header : { text: ownCopy(headerText), ...parseAt(headerText, 0) };
  const trailer = parseAt(text.slice(layout.sectionEnd), layout.sectionEnd);
  // What the blocks do not hold must read as they are read whole: lines left between `Resources:` and
  // the first resource (its key line deleted, say) would belong to no block.
  const heading = header.root?.type === 'map' ? header.root.entries.find((e) => e.key === 'Resources') : undefined;
  if (header.root?.type !== 'map' || !heading || !isEmptyValue(heading.value) || (trailer.root !== undefined && trailer.root.type !== 'map')) return whole(text.toString());
  const resources: TemplateMap = {
    type: 'map',
    start: blocks[0]?.start ?? layout.sectionStart,
    end: blocks[blocks.length - 1]?.end ?? layout.sectionEnd,
    flow: false,
    entries: [],
  };
  // Loops rather than flatMap: a keystroke in a large template goes through thousands of blocks.
  const errors = [...header.errors];
  for (const block of blocks) {
    for (const e of block.entries) resources.entries.push(e);
    for (const at of block.errors) errors.push(at);
  }
  errors.push(...trailer.errors);
  const entries = header.root.entries.map((e) => (e.key === 'Resources' ? { ...e, value: resources } : e));
  const root: TemplateMap = { ...header.root, end: Math.max(header.root.end, resources.end, trailer.root?.end ?? 0), entries: [...entries, ...(trailer.root?.type === 'map' ? trailer.root.entries : [])] };
  return { root, errors, blocks, header, layout };
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
  const parsed = parseYaml(text, OPTIONS);
  return { root: fromYaml(parsed.contents, text, parsed), errors: parsed.errors.map((e) => e.pos[0]) };
}

function parseAt(text: string, base: number): { root: TemplateNode | undefined; errors: number[] } {
  if (text.trim() === '') return { root: undefined, errors: [] };
  const parsed = parseYaml(text, OPTIONS);
  const root = fromYaml(parsed.contents, text, parsed);
  if (root && base !== 0) moveNode(root, base);
  return { root, errors: parsed.errors.map((e) => e.pos[0] + base) };
}

/** The largest template read whole again for `resourcesWith` (about 100 ms of parsing). */
const WHOLE_READ_LIMIT = 200_000;

/**
 * The resources of a YAML template's text with `insert` put at `offset`, read apart from the
 * template (which is left as it is): the block there alone when the template was read block by
 * block, else the whole text. For asking what the template would hold with a value typed in.
 */
export function resourcesWith(tree: { text: string; blocks?: readonly ResourceBlock[] }, offset: number, insert: string): TemplateEntry[] {
  const block = tree.blocks?.find((b) => b.start < offset && offset <= b.end);
  // A template read whole is read whole again, which a large one makes too slow to wait for.
  if (tree.blocks ? !block : tree.text.length > WHOLE_READ_LIMIT) return [];
  const base = block ? block.start : 0;
  const text = block ? block.text : tree.text;
  const { root, errors } = parseAt(text.slice(0, offset - base) + insert + text.slice(offset - base), base);
  if (errors.length > 0 || root?.type !== 'map') return [];
  if (block) return root.entries;
  const resources = root.entries.find((e) => e.key === 'Resources')?.value;
  return resources?.type === 'map' ? resources.entries : [];
}

function parseBlock(text: string, start: number): ResourceBlock {
  const { root, errors } = parseAt(text, start);
  return { start, end: start + text.length, text, entries: root?.type === 'map' ? root.entries : [], errors, unsettled: 0, takenBy: 0 };
}

/**
 * A kept block moved to `start`, in place (the previous version is not read again). Its nodes are
 * moved when first read (`settle`): a keystroke moves every block after it, and completion there
 * reads one of them.
 */
function moved(block: ResourceBlock, start: number): ResourceBlock {
  const delta = start - block.start;
  if (delta === 0) return block;
  block.unsettled += delta;
  block.start = start;
  block.end += delta;
  if (block.errors.length > 0) block.errors = block.errors.map((e) => e + delta);
  return block;
}
