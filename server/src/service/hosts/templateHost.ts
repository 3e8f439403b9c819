import type { Node as JsonNode } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isTemplate, resourceLocations, resourceSymbol, templateSymbols, type ResourceSymbol } from './cloudformation/policyLocations';
import { copiedPolicy, writtenPolicy } from './cloudformation/policyText';
import { ownersOf } from './cloudformation/principals';
import { principalViews, templateGrouping } from './principalViews';
import { HostedPolicy } from './hostedModels';
import { resolveString, type TemplateSymbols } from './cloudformation/intrinsics';
import { entry, fromJson, stringValue, type TemplateEntry, type TemplateMap, type TemplateNode } from './cloudformation/templateTree';
import { parseYamlTemplateSteps, settle, type ResourceBlock, type YamlTree } from './cloudformation/yamlBlocks';
import { finish, type Steps } from '../steps';
import { RESOURCE_VALUES } from './cloudformation/resourceValues';
import type { OffsetMap } from './offsetMap';
import { textOf } from '../text/documentText';
import type { PieceText } from '../text/pieceText';
import type { EmbeddedPolicy, PrincipalView, ResourceMemo, TemplateDocument } from './hostModel';

export type { EmbeddedPolicy, PrincipalView, TemplateDocument } from './hostModel';

/** Languages whose documents may be templates. */
export const TEMPLATE_LANGUAGES = ['yaml', 'json', 'jsonc'] as const;

/** A JSON document's template, from the tree already parsed for it; undefined when it is no template. */
export function jsonTemplate(document: TextDocument, root: JsonNode | undefined): TemplateDocument | undefined {
  return finish(jsonTemplateSteps(document, root));
}

/** `jsonTemplate` in steps, a resource a step. */
export function* jsonTemplateSteps(document: TextDocument, root: JsonNode | undefined): Steps<TemplateDocument | undefined> {
  if (root?.type !== 'object') return undefined;
  const source = textOf(document);
  const text = source.toString();
  const tree = fromJson(root, text);
  if (!isTemplate(tree)) return undefined;
  // A SAM policy template's statements are made, not written: they are written out as JSON.
  return yield* template(document, source, 'json', tree, [], (node, symbols) => (node.synthetic ? writtenPolicy(node, symbols) : copiedPolicy(text, node, symbols)));
}

/**
 * A YAML document's template; undefined when it is no template. With the template of an earlier
 * version (which must not be read again), the resources whose text is unchanged are kept, with
 * their policies and those policies' last diagnostics.
 */
export function yamlTemplate(document: TextDocument, previous?: TemplateDocument): TemplateDocument | undefined {
  return finish(yamlTemplateSteps(document, previous));
}

/** `yamlTemplate` in steps: a resource's block parsed, or a resource read, a step. */
export function* yamlTemplateSteps(document: TextDocument, previous?: TemplateDocument): Steps<TemplateDocument | undefined> {
  // This version's text, read once: the steps below pause, and the document changes in place.
  const source = textOf(document);
  let parsed: YamlTree;
  try {
    parsed = yield* parseYamlTemplateSteps(source, previous && { text: previous.source, blocks: previous.blocks, header: previous.yamlHeader, layout: previous.yamlLayout });
  } catch {
    return undefined;
  }
  if (!isTemplate(parsed.root)) return undefined;
  const made = yield* template(document, source, 'yaml', parsed.root, parsed.errors, (node, symbols) => writtenPolicy(node, symbols), previous && { symbolsKey: previous.symbolsKey, symbols: previous.symbols, principals: previous.principalsRead() }, parsed.blocks);
  made.blocks = parsed.blocks;
  made.yamlHeader = parsed.header;
  made.yamlLayout = parsed.layout;
  return made;
}

function* template(
  document: TextDocument,
  source: PieceText,
  format: 'json' | 'yaml',
  root: TemplateMap,
  errors: readonly number[],
  write: (node: TemplateNode, symbols: TemplateSymbols) => { text: string; map: OffsetMap },
  previous?: { symbolsKey: readonly string[]; symbols: TemplateSymbols; principals: readonly PrincipalView[] | undefined },
  blocks?: readonly ResourceBlock[],
): Steps<TemplateDocument> {
  // Kept YAML blocks move their nodes when first read (see `yamlBlocks.ts`): what reads where
  // nodes are settles them first, all of them or the one it reads.
  let settled = !blocks;
  function* settleSteps(): Steps<void> {
    if (settled) return;
    for (const block of blocks ?? []) {
      settle(block);
      yield;
    }
    settled = true;
  }
  const settleAll = () => finish(settleSteps());
  const blockOf = (offset: number) => blocks?.find((b) => b.start <= offset && offset <= b.end);
  // Each resource's memo, in order.
  const memos: ResourceMemo[] = [];
  const resources = entry(root, 'Resources');
  const entries = resources?.type === 'map' ? resources.entries : [];
  for (const resource of entries) {
    let m = previous ? MEMOS.get(resource) : undefined;
    if (!m || m.locations.some((l) => l.node.synthetic)) {
      // A SAM policy template's statements are made at its name: they move with the text, so are made again, where it is now.
      if (m) for (const block of blocks ?? []) if (block.entries.includes(resource)) settle(block);
      m = resourceMemo(resource);
      MEMOS.set(resource, m);
    }
    memos.push(m);
    yield;
  }
  const symbols = templateSymbols(root, symbolTable(entries, memos, previous?.symbols.resources));
  const key = [[...symbols.parameters].join('\n')];
  for (const m of memos) key.push(m.key);
  // An unchanged resource's policies read the same only if what their intrinsic functions name did
  // not change: then they are kept as they are, their offset maps following their nodes.
  const same = previous !== undefined && sameKeys(previous.symbolsKey, key);
  if (!same || errors.length > 0) settleAll();
  const policies: EmbeddedPolicy[] = [];
  for (const m of memos) {
    if (!same || !m.policies) {
      if (m.locations.length > 0) yield;
      m.policies = m.locations.map((location) => {
        const { text, map } = write(location.node, symbols);
        const policyDocument = TextDocument.create(document.uri, 'json', document.version, text);
        return new HostedPolicy(location, policyDocument, map.follow(location.node));
      });
    }
    // Where the YAML is broken a policy may be read as other than written: such policies wait for
    // it to be mended (the YAML extension, or the editor, points at the error).
    for (const policy of m.policies) if (errors.length === 0 || !errors.some((at) => policy.node.start <= at && at <= policy.node.end)) policies.push(policy);
  }
  // What only the checks read is worked out when first read: completion and hover after an edit need none of it.
  let principals: PrincipalView[] | undefined;
  let tables: string[] | undefined;
  let owners: Map<EmbeddedPolicy, readonly string[]> | undefined;
  const ownersOfPolicy = (policy: EmbeddedPolicy): readonly string[] => {
    owners ??= new Map(policies.map((p) => [p, p.kind === 'identity' ? ownersOf(p, symbols) : []]));
    return owners.get(policy) ?? [];
  };
  return {
    format,
    // Made whole only when a feature asks for it: a keystroke's check does not.
    get text() {
      return source.toString();
    },
    source,
    get root() {
      settleAll();
      return root;
    },
    symbols,
    get policies() {
      settleAll();
      return policies;
    },
    policiesAt(offset) {
      const block = settled || errors.length > 0 ? undefined : blockOf(offset);
      if (!block) return this.policies;
      settle(block);
      return block.entries.flatMap((e) => MEMOS.get(e)?.policies ?? []);
    },
    get principals() {
      settleAll();
      // The last version's principals are written with its symbols: kept only while those are the same.
      principals ??= principalViews(document, policies, symbols, templateGrouping(policies, symbols, ownersOfPolicy), same ? previous.principals : undefined);
      return principals;
    },
    principalsRead: () => principals,
    *prepareSteps() {
      // The policies are written as the template is read: what is left is settling kept blocks, and the principals.
      yield* settleSteps();
      void this.principals;
    },
    get tables() {
      // A table without a TableName gets one from CloudFormation, unknown here: `${LogicalId}`, as `!Ref` reads.
      // Read in place: a copy of the thousands of resources' entries each version was most of what this allocated.
      if (!tables) {
        const found: string[] = [];
        symbols.resources.forEach((r, name) => {
          if (r.type === 'AWS::DynamoDB::Table' || r.type === 'AWS::DynamoDB::GlobalTable') found.push(resolveString(entry(r.properties, 'TableName'), symbols) ?? `\${${name}}`);
        });
        tables = found;
      }
      return tables;
    },
    owners: ownersOfPolicy,
    broken: errors.length > 0,
    symbolsKey: key,
  };
}

/**
 * The resources by logical id. The last version's table is written over when it names the same
 * resources in the same order (an edit inside a resource), which the last version, never read
 * again, allows: a table of 2,000 resources made at every keystroke lived until the next.
 */
function symbolTable(entries: readonly TemplateEntry[], memos: readonly ResourceMemo[], earlier: TemplateSymbols['resources'] | undefined): Map<string, ResourceSymbol> {
  if (earlier instanceof Map) {
    const names = earlier.keys();
    let same = true;
    for (let i = 0; i < entries.length && same; i++) {
      if (!memos[i].symbol) continue;
      const name = names.next();
      same = name.done !== true && name.value === entries[i].key;
    }
    if (same && names.next().done === true) {
      const table = earlier as Map<string, ResourceSymbol>;
      for (let i = 0; i < entries.length; i++) {
        const symbol = memos[i].symbol;
        if (symbol) table.set(entries[i].key, symbol);
      }
      return table;
    }
  }
  const table = new Map<string, ResourceSymbol>();
  for (let i = 0; i < entries.length; i++) {
    const symbol = memos[i].symbol;
    if (symbol) table.set(entries[i].key, symbol);
  }
  return table;
}

/**
 * What was read of each resource, kept with its entry while the entry is kept (its block's text
 * unchanged): one table for every version, where a map of each version's 2,000 resources was
 * made at every keystroke and lived, as what the version holds, until the next.
 */
const MEMOS = new WeakMap<TemplateEntry, ResourceMemo>();

function resourceMemo(resource: TemplateEntry): ResourceMemo {
  return { locations: resourceLocations(resource), key: resourceKey(resource), symbol: resourceSymbol(resource) };
}

/** Whether two `symbolsKey`s are the same: a kept resource's part is the same string, compared at once. */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/**
 * What reading an intrinsic function depends on of a resource beyond its own text: its logical
 * id, type and the properties `resourceValues.ts` names it by. With the parameters, these make the
 * template's `symbolsKey`: policies read with the same key read the same.
 */
function resourceKey(resource: TemplateEntry): string {
  const type = stringValue(entry(resource.value, 'Type')) ?? '';
  const properties = entry(resource.value, 'Properties');
  const named = [RESOURCE_VALUES[type]?.nameProperty, 'StreamARN'].map((k) => (k ? JSON.stringify(stripPlaces(entry(properties, k))) : '')).join(',');
  return `${resource.key}:${type}:${named}`;
}

/** A node's value without where it stands, for comparing what it says. */
function stripPlaces(node: TemplateNode | undefined): unknown {
  if (!node) return null;
  if (node.type === 'scalar') return [node.tag ?? '', node.value];
  if (node.type === 'seq') return [node.tag ?? '', node.items.map(stripPlaces)];
  return [node.tag ?? '', node.entries.map((e) => [e.key, stripPlaces(e.value)])];
}
