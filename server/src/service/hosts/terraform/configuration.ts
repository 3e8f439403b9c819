import type { BlockFacts, HclItem, Kind } from './hclItems';
import type { References } from './hclValues';
import { ARN_TYPES, referenceValue, resourceName } from './resourceValues';

/**
 * What a Terraform file's blocks declare, read from their facts (see `hclItems.ts`): the
 * resources its references name, the policy documents and who uses each, the policy files it
 * reads; kept from one version to the next while the items an edit replaced declare the same.
 */

/** What the file's blocks declare: its resources and policy documents, and who uses each document. */
export interface Configuration {
  blocks: BlockFacts[];
  resources: Map<string, BlockFacts>;
  documents: Map<string, { item: HclItem; kind?: Kind; users: string[]; sharing: boolean }>;
  references: References;
  policyFiles: { path: string; kind: Kind }[];
}

/** How many links one reference follows: a consumer's stream is one. */
const LINKS_FOLLOWED = 2;

export function configurationOf(items: readonly HclItem[]): Configuration {
  const blocks: BlockFacts[] = [];
  const resources = new Map<string, BlockFacts>();
  const documents: Configuration['documents'] = new Map();
  for (const item of items) {
    for (const block of item.blocks) {
      blocks.push(block);
      const [keyword, type, name] = block.labels;
      if (keyword === 'resource' && type && name) resources.set(`${type}.${name}`, block);
      if (keyword === 'data' && type === 'aws_iam_policy_document' && name && !documents.has(name)) documents.set(name, { item, users: [], sharing: false });
    }
  }
  for (const block of blocks) {
    for (const use of block.uses) {
      for (const name of use.documents) {
        const used = documents.get(name);
        if (!used) continue;
        used.kind ??= use.kind;
        used.sharing ||= use.sharing;
        used.users.push(use.user);
      }
    }
  }
  const resolve = (path: readonly string[], depth: number): string | undefined => {
    const [type, instance, attribute] = path;
    const block = type && instance ? resources.get(`${type}.${resourceName(instance)}`) : undefined;
    if (!block || !attribute || path.length !== 3) return undefined;
    return referenceValue(type, instance, attribute, {
      literal: (key) => block.literals.get(key),
      // What a link names (a consumer's stream): a reference followed, not round in a circle.
      linked: (key) => {
        const [link] = block.links.get(key) ?? [];
        return link?.path ? (depth < LINKS_FOLLOWED ? resolve(link.path, depth + 1) : undefined) : link?.value;
      },
    });
  };
  const references: References = (path) => resolve(path, 0);
  return { blocks, resources, documents, references, policyFiles: blocks.flatMap((b) => b.files) };
}

/** Whether two runs of items declare the same, block for block. */
export function sameFacts(a: readonly HclItem[], b: readonly HclItem[]): boolean {
  const left = a.flatMap((item) => item.blocks);
  const right = b.flatMap((item) => item.blocks);
  return left.length === right.length && left.every((block, i) => factsKey(block) === factsKey(right[i]));
}

function factsKey(block: BlockFacts): string {
  return JSON.stringify([block.labels, [...block.literals], [...block.links], block.uses, block.files, block.instances ?? null]);
}

/** The configuration as it was, its documents now in the items that replaced theirs. */
export function moveDocuments(configuration: Configuration, removed: readonly HclItem[], added: readonly HclItem[]): Configuration {
  const replacing = new Map(removed.map((item, i) => [item, added[i]] as const));
  if (removed.length === added.length) {
    for (const document of configuration.documents.values()) {
      const next = replacing.get(document.item);
      if (next) document.item = next;
    }
    return configuration;
  }
  // Blocks spread differently over the items (an item split in two, say): found again.
  const byName = new Map<string, HclItem>();
  for (const item of added) for (const block of item.blocks) if (block.labels[0] === 'data' && block.labels[1] === 'aws_iam_policy_document' && block.labels[2]) byName.set(block.labels[2], item);
  for (const [name, document] of configuration.documents) {
    const next = byName.get(name);
    if (next && removed.includes(document.item)) document.item = next;
  }
  return configuration;
}

/**
 * The configuration's resources whose ARN a policy may name, with what the reference stands for:
 * of a resource with `count`, its first instance (Terraform refuses the resource's own name there);
 * none of a resource with `for_each`, whose instances' keys only the configuration knows.
 */
export function ownResources(resources: ReadonlyMap<string, BlockFacts>, references: References): { text: string; detail: string; service: string }[] {
  return [...resources.values()].flatMap((block) => {
    const [, type, name] = block.labels;
    if (!type || !name || !ARN_TYPES.includes(type) || block.instances === 'for_each') return [];
    const instance = block.instances === 'count' ? `${name}[0]` : name;
    const arn = references([type, instance, 'arn']);
    return arn ? [{ text: `${type}.${instance}.arn`, detail: `${type}: ${arn}`, service: arn.split(':')[2] ?? '' }] : [];
  });
}
