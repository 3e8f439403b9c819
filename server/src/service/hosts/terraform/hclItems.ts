import type { Node as SyntaxNode, Parser, Tree } from 'web-tree-sitter';
import type { PolicyKindSetting } from '../../../../../common/src/choices';
import { moveNode, type TemplateMap } from '../cloudformation/templateTree';
import type { EmbeddedPolicy } from '../hostModel';
import { attributeOf, childBlocks, labels, topBlocks, valueOf } from './hclBlocks';
import { hclValue, referencePath, type References } from './hclValues';
import { policyDocumentNode } from './policyDocument';
import { documentsNamed, fileRead, mergedNode, policyNode } from './policyNodes';

/**
 * One top-level item of a Terraform file (see `hclChunks.ts`), parsed apart: what the rest of the
 * file reads of it (`BlockFacts`) and the policies it holds, read with what its references stand
 * for. An item whose text is unchanged is kept by the next version, moved; its policies are read
 * again only when what they were read with changed.
 */

export type Kind = Exclude<PolicyKindSetting, 'auto'>;

/** The policy attributes of resources, and the kind of policy each holds. */
export const POLICY_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, Kind>>>> = {
  aws_iam_policy: { policy: 'identity' },
  aws_iam_role_policy: { policy: 'identity' },
  aws_iam_user_policy: { policy: 'identity' },
  aws_iam_group_policy: { policy: 'identity' },
  // A trust policy: a resource-based policy whose resource is the role.
  aws_iam_role: { assume_role_policy: 'resource' },
  aws_kinesis_resource_policy: { policy: 'resource' },
  aws_kms_key: { policy: 'resource' },
};

/** An expression that names a principal or a policy: its reference path, its value as a literal, its text. */
export interface Link {
  path?: string[];
  value?: string;
  text: string;
}

/** The attributes whose links the principals of a file are found by (see `principals.ts`), and a consumer's stream (see `resourceValues.ts`). */
const LINK_ATTRIBUTES = new Set(['role', 'user', 'group', 'roles', 'users', 'groups', 'policy_arn', 'managed_policy_arns', 'stream_arn']);

/** What the rest of the file reads of a top-level block. */
export interface BlockFacts {
  labels: string[];
  /** Its attributes written as one literal string (`name = "orders"`). */
  literals: Map<string, string>;
  /** Its attributes that name principals, policies or a consumer's stream, each item of a list apart. */
  links: Map<string, Link[]>;
  /** Its policy places that name policy documents (`data.aws_iam_policy_document.x.json`). */
  uses: { documents: string[]; kind: Kind; user: string; sharing: boolean }[];
  /** The policy files its policy places read (`file("share.json")`). */
  files: { path: string; kind: Kind }[];
  /** How its instances are made, where there are several: a reference names one of them, `orders[0]`. */
  instances?: 'count' | 'for_each';
}

/** A policy written in a resource's attribute, where it is. */
export interface PlacedPolicy {
  node: TemplateMap;
  kind: Kind;
  resource: string;
  resourceType: string;
  path: string;
  sharing?: boolean;
}

/** What an item's policies were read with: the references they name and the documents they merge. */
export interface Reading {
  places: PlacedPolicy[];
  /** A `data "aws_iam_policy_document"` block's policy. */
  document?: { name: string; node: TemplateMap; partial: boolean };
  references: [string[], string | undefined][];
  merged: [string, TemplateMap | undefined][];
}

export interface HclItem {
  start: number;
  end: number;
  text: string;
  blocks: BlockFacts[];
  /** Where its syntax errors are, from its start. */
  errors: { start: number; end: number }[];
  reading?: Reading;
  /** Its policies as the features read them, by what they were made with (see `terraformHost.ts`). */
  policies: Map<TemplateMap, { kind: Kind; sharing: boolean; partial: boolean; policy: EmbeddedPolicy }>;
  /** How far the item has moved since its nodes were last moved with it (see `settleItem`). */
  unsettled: number;
}

/** An item parsed: its facts, and its tree for reading its policies (the caller deletes it). */
export function parseItem(parser: Parser, text: string, start: number): { item: HclItem; tree: Tree | undefined } {
  const tree = parser.parse(text) ?? undefined;
  const item: HclItem = { start, end: start + text.length, text, blocks: [], errors: [], policies: new Map(), unsettled: 0 };
  if (!tree) return { item, tree };
  item.blocks = topBlocks(tree.rootNode).map(blockFacts);
  item.errors = syntaxErrors(tree.rootNode);
  return { item, tree };
}

function blockFacts(block: SyntaxNode): BlockFacts {
  const [keyword, type, name] = labels(block);
  const facts: BlockFacts = { labels: labels(block), literals: new Map(), links: new Map(), uses: [], files: [] };
  for (const attribute of block.namedChildren.find((c) => c?.type === 'body')?.namedChildren ?? []) {
    if (attribute?.type !== 'attribute') continue;
    const key = attribute.namedChildren[0]?.text ?? '';
    if (key === 'count' || key === 'for_each') facts.instances = key;
    const expression = valueOf(attribute);
    if (!expression) continue;
    const value = literalOf(expression);
    if (value !== undefined && !value.includes('${')) facts.literals.set(key, value);
    if (LINK_ATTRIBUTES.has(key)) facts.links.set(key, listItems(expression).map((e) => ({ path: referencePath(e), value: literalOf(e), text: e.text })));
  }
  if (keyword === 'resource' && type && name) {
    for (const { expression, kind, path } of policyPlaces(block, type)) {
      const documents = documentsNamed(expression.text);
      const file = documents.length === 0 ? fileRead(expression) : undefined;
      if (documents.length > 0) facts.uses.push({ documents, kind, user: path.startsWith('inline_policy') ? `${type}.${name}#inline` : `${type}.${name}`, sharing: type === 'aws_kinesis_resource_policy' });
      else if (file) facts.files.push({ path: file, kind });
    }
  }
  return facts;
}

function literalOf(expression: SyntaxNode): string | undefined {
  const value = hclValue(expression, () => undefined);
  return value?.type === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

/** A tuple's items, or the expression itself. */
function listItems(expression: SyntaxNode): SyntaxNode[] {
  const tuple = expression.namedChildren[0]?.type === 'collection_value' ? expression.namedChildren[0].namedChildren[0] : undefined;
  return tuple?.type === 'tuple' ? tuple.namedChildren.filter((c): c is SyntaxNode => c?.type === 'expression') : [expression];
}

/** A resource's policy attributes, with a role's `inline_policy { policy = ... }`. */
function policyPlaces(block: SyntaxNode, type: string): { expression: SyntaxNode; kind: Kind; path: string }[] {
  const places: { expression: SyntaxNode; kind: Kind; path: string }[] = [];
  for (const [name, kind] of Object.entries(POLICY_ATTRIBUTES[type] ?? {})) {
    const expression = attributeOf(block, name) && valueOf(attributeOf(block, name)!);
    if (expression) places.push({ expression, kind, path: name });
  }
  if (type === 'aws_iam_role') {
    for (const inline of childBlocks(block, 'inline_policy')) {
      const expression = attributeOf(inline, 'policy') && valueOf(attributeOf(inline, 'policy')!);
      if (expression) places.push({ expression, kind: 'identity', path: 'inline_policy.policy' });
    }
  }
  return places;
}

/**
 * The policies of an item's tree, at the item's `start`: those written in its resources'
 * attributes, and the policy a policy document data source writes, with `documentNode` giving the
 * documents it merges. Records what it read them with.
 */
export function readItem(tree: Tree, item: HclItem, references: References, documentNode: (name: string) => { node: TemplateMap; partial: boolean } | undefined): Reading {
  const reading: Reading = { places: [], references: [], merged: [] };
  const recorded: References = (path) => {
    const value = references(path);
    reading.references.push([path, value]);
    return value;
  };
  let partialMerge = false;
  const merged = (name: string): TemplateMap | undefined => {
    const found = documentNode(name);
    reading.merged.push([name, found?.node]);
    if (found?.partial) partialMerge = true;
    return found?.node;
  };
  for (const block of topBlocks(tree.rootNode)) {
    const [keyword, type, name] = labels(block);
    if (keyword === 'resource' && type && name) {
      for (const { expression, kind, path } of policyPlaces(block, type)) {
        if (documentsNamed(expression.text).length > 0 || fileRead(expression)) continue;
        const node = policyNode(expression, item.text, recorded);
        if (node) reading.places.push({ node: moveNode(node, item.start), kind, resource: `${type}.${name}`, resourceType: type, path, ...(type === 'aws_kinesis_resource_policy' ? { sharing: true } : {}) });
      }
    }
    if (keyword === 'data' && type === 'aws_iam_policy_document' && name && !reading.document) {
      const written = policyDocumentNode(block, recorded, (expression) => mergedNode(expression, item.text, recorded, merged));
      if (written) reading.document = { name, node: moveNode(written.node, item.start), partial: written.partial || partialMerge };
    }
  }
  return reading;
}

/** Whether a reading still holds: what it names stands for what it stood for. */
export function stillHolds(reading: Reading, references: References, documentNode: (name: string) => { node: TemplateMap } | undefined): boolean {
  return reading.references.every(([path, value]) => references(path) === value) && reading.merged.every(([name, node]) => documentNode(name)?.node === node);
}

/** Moves an item's nodes to where the item is. */
export function settleItem(item: HclItem): void {
  const delta = item.unsettled;
  if (delta === 0) return;
  item.unsettled = 0;
  for (const place of item.reading?.places ?? []) moveNode(place.node, delta);
  if (item.reading?.document) moveNode(item.reading.document.node, delta);
}

/** The first few places an item's HCL is broken: an unexpected piece (ERROR) or a missing one. */
function syntaxErrors(root: SyntaxNode): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0 && found.length < 20) {
    const node = stack.pop()!;
    if (!node.hasError && !node.isMissing) continue;
    if (node.isError || node.isMissing) {
      found.push({ start: node.startIndex, end: node.endIndex });
      continue;
    }
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child) stack.push(child);
    }
  }
  return found;
}

/** An item moved to `start`: its nodes move when it is first read (see `settleItem`). */
export function moveItem(item: HclItem, start: number): HclItem {
  const delta = start - item.start;
  if (delta === 0) return item;
  item.unsettled += delta;
  item.start = start;
  item.end += delta;
  return item;
}

/** The item at an offset: the one it is in, or at whose end it is. */
export function itemAt(items: readonly HclItem[], offset: number): HclItem | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const item = items[middle];
    if (offset < item.start) high = middle - 1;
    else if (offset > item.end) low = middle + 1;
    else return offset === item.end && items[middle + 1]?.start === offset ? items[middle + 1] : item;
  }
  return undefined;
}
