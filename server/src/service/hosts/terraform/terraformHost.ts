import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Parser, Tree } from 'web-tree-sitter';
import type { TemplateSymbols } from '../cloudformation/intrinsics';
import { writtenPolicy } from '../cloudformation/policyText';
import type { TemplateMap } from '../cloudformation/templateTree';
import { pieceDifference } from '../../textDifference';
import { textOf } from '../../text/documentText';
import type { EmbeddedPolicy, PrincipalView, TemplateDocument } from '../hostModel';
import { principalViews } from '../principalViews';
import { HostedPolicy } from '../hostedModels';
import { itemStarts, moveStarts } from './hclChunks';
import { spliceIn } from './spliceIn';
import { configurationOf, moveDocuments, ownResources, sameFacts, type Configuration } from './configuration';
import { itemAt, moveItem, parseItem, POLICY_ATTRIBUTES, readItem, settleItem, stillHolds, type HclItem, type Kind, type PlacedPolicy, type Reading } from './hclItems';
import { earlier, keepUnheld, keepWith, type Items } from './keptReadings';
import { terraformPrincipals, type TerraformPrincipals } from './principals';
import { ownCopy } from '../../ownCopy';
import { finish, type Steps } from '../../steps';

export { isJsonText } from './policyNodes';

/**
 * Terraform configurations (`.tf`): the policies in them, read from the trees the tree-sitter HCL
 * grammar makes of the file's top-level items, as the host layer's policies. What is read
 * (Terraform AWS provider documentation, registry.terraform.io/providers/hashicorp/aws/latest/docs):
 * - a resource's policy attribute (`aws_iam_policy.policy`, `aws_iam_role.assume_role_policy`,
 *   `aws_kinesis_resource_policy.policy`, ...) written as `jsonencode({...})`, a heredoc or a
 *   string of JSON;
 * - `data "aws_iam_policy_document"` blocks, whose `statement` blocks are the policy's
 *   statements, read as the data source writes its `json`; one that a resource's policy names
 *   (`data.aws_iam_policy_document.x.json`) is read as that place's kind of policy.
 *
 * With the template of an earlier version (which must not be read again), the items whose text is
 * unchanged are kept, moved (their nodes when first read: see `settleItem`), and their policies
 * with them unless what those were read with changed: a keystroke parses the item it is in.
 */

const NO_SYMBOLS: TemplateSymbols = { resources: new Map(), parameters: new Set() };

/** A Terraform file's policies; undefined when it holds none. */
export function terraformTemplate(document: TextDocument, parser: Parser, previous?: TemplateDocument): TemplateDocument | undefined {
  return finish(terraformTemplateSteps(document, parser, previous));
}

/**
 * `terraformTemplate` in steps: an item parsed, or read, a step. A caller that stops before the
 * end must `return()` the steps: the trees held are deleted then.
 */
export function* terraformTemplateSteps(document: TextDocument, parser: Parser, previous?: TemplateDocument): Steps<TemplateDocument | undefined> {
  const text = textOf(document);
  const before = earlier(document.uri, previous);
  const changed = before ? pieceDifference(before.text, text) : undefined;
  const starts = before && changed ? moveStarts(before.starts, changed, text) : itemStarts(text.toString());
  const old = before?.items ?? [];
  // The items before the change stand where they stood; those after it, moved by the change in length.
  let head = 0;
  while (changed && head < old.length && head < starts.length && old[head].end <= changed.start && old[head].start === starts[head] && old[head].end === (starts[head + 1] ?? text.length)) head++;
  let tail = 0;
  if (changed) {
    const oldChangeEnd = changed.oldLength - changed.suffix;
    for (;;) {
      const item = old[old.length - 1 - tail];
      const at = starts.length - 1 - tail;
      if (!item || at < head || old.length - 1 - tail < head || item.start < oldChangeEnd) break;
      if (item.start + changed.delta !== starts[at] || item.end + changed.delta !== (starts[at + 1] ?? text.length)) break;
      tail++;
    }
  }
  const trees: Tree[] = [];
  const fresh = new Map<HclItem, Tree>();
  let held = 0;
  try {
    const middle: HclItem[] = [];
    for (let i = head; i < starts.length - tail; i++) {
      // Its own copy: an item kept across edits would otherwise keep its version of the whole text.
      const { item, tree } = parseItem(parser, ownCopy(text.slice(starts[i], starts[i + 1] ?? text.length)), starts[i]);
      if (tree && held + item.text.length <= HELD_TREE_TEXT) {
        held += item.text.length;
        trees.push(tree);
        fresh.set(item, tree);
      } else tree?.delete();
      middle.push(item);
      yield;
    }
    if (changed && changed.delta !== 0) for (let i = old.length - tail; i < old.length; i++) moveItem(old[i], old[i].start + changed.delta);
    // The earlier reading's list becomes this one's (it is not read again): a keystroke in a large
    // file made a list of all its items, which lived until the next.
    const removed = before ? spliceIn(old, head, old.length - tail - head, middle) : [];
    const items = before ? old : middle;
    // Where the items an edit replaced declare what the new ones do (a keystroke in a policy), what
    // the file declares is as it was: only the new items are read, with what they merge.
    const same = before !== undefined && sameFacts(removed, middle);
    const configuration = same ? moveDocuments(before.configuration, removed, middle) : configurationOf(items);
    const state: Items = { uri: document.uri, text, starts, items, configuration };
    const template = yield* assemble(document, parser, state, fresh, same, before && previous ? previous.principalsRead() : undefined);
    if (!template) keepUnheld(state);
    return template;
  } finally {
    for (const tree of trees) tree.delete();
  }
}

/**
 * How much text the new items' trees may hold between their parse and their reading; the trees of
 * items past it are parsed again when read. Tree-sitter's trees live in its WebAssembly memory,
 * which grows to the most ever held at once and never shrinks: a 1 MB file's items held all
 * together grew it to about 120 MB.
 */
const HELD_TREE_TEXT = 64 * 1024;

/**
 * `same`: the configuration is as it was, and so is what the kept items' references stand for.
 * `earlierPrincipals`: the last version's, which `principalViews` keeps where they are the same.
 */
function* assemble(
  document: TextDocument,
  parser: Parser,
  state: Items,
  fresh: ReadonlyMap<HclItem, Tree>,
  same: boolean,
  earlierPrincipals?: readonly PrincipalView[],
): Steps<TemplateDocument | undefined> {
  const { text, items, configuration } = state;
  const { resources, documents, references, policyFiles } = configuration;
  // Each item's policies are read once, documents it merges first; a cycle of merges reads as unknown.
  const reading = new Set<HclItem>();
  const done = new Set<HclItem>();
  const ensureRead = (item: HclItem): void => {
    if (done.has(item) || reading.has(item)) return;
    reading.add(item);
    const stale = !item.reading || fresh.has(item) || (same ? item.reading.merged.length > 0 && !stillHolds(item.reading, references, documentNode) : !stillHolds(item.reading, references, documentNode));
    if (stale) {
      const tree = fresh.get(item) ?? parser.parse(item.text);
      if (tree) {
        try {
          settleItem(item);
          item.reading = readItem(tree, item, references, documentNode);
          item.policies.clear();
        } finally {
          if (!fresh.has(item)) tree.delete();
        }
      }
    }
    reading.delete(item);
    done.add(item);
  };
  const documentNode = (name: string): { node: TemplateMap; partial: boolean } | undefined => {
    const found = documents.get(name);
    if (!found || reading.has(found.item)) return undefined;
    ensureRead(found.item);
    return found.item.reading?.document;
  };
  // Kept items are read again only where what they were read with changed: after a keystroke in a
  // policy, those that merge a document read again.
  for (const item of same ? [...fresh.keys(), ...items.filter((i) => i.reading && i.reading.merged.length > 0)] : items) {
    ensureRead(item);
    yield;
  }
  const merged = new Set<string>();
  let holds = false;
  for (const item of items) {
    const read = item.reading;
    if (!read) continue;
    if (read.places.length > 0 || read.document) holds = true;
    for (const [name] of read.merged) merged.add(name);
  }
  const broken = items.some((item) => item.errors.length > 0);
  /** An item's policies where they are written; `owner` the item whose document it is (a probe reads it again). */
  const locations = (item: HclItem, owner = item): readonly PlacedPolicy[] => {
    const read = item.reading;
    if (!read) return [];
    const written = read.document;
    const used = written && documents.get(written.name);
    // A document only merged into others is judged there, with the statements it is merged with;
    // one no resource of the file uses (a module's output, a local) is read as its content says.
    if (!(written && used?.item === owner && !(merged.has(written.name) && used.users.length === 0))) return sortedPlaces(read);
    const placed = [...read.places];
    placed.push({ node: written.node, kind: used.kind ?? ('auto' as Kind), resource: `data.aws_iam_policy_document.${written.name}`, resourceType: 'aws_iam_policy_document', path: 'statement', ...(used.sharing ? { sharing: true } : {}) });
    return placed.sort(byStart);
  };
  /** How many policies have been written (parsed from the item's text) so far. */
  let policiesWritten = 0;
  /** The item's policies, added to `out`. */
  const policiesOf = (item: HclItem, out: EmbeddedPolicy[] = []): EmbeddedPolicy[] => {
    for (const location of locations(item)) {
      // Where the HCL is broken a policy may be read as other than written: it waits to be mended.
      const base = item.start - item.unsettled;
      const from = location.node.start - base;
      const to = location.node.end - base;
      if (brokenWithin(item, from, to)) continue;
      const partial = item.reading?.document?.node === location.node && item.reading.document.partial;
      const sharing = location.sharing ?? false;
      let made = item.policies.get(location.node);
      if (made?.kind !== location.kind || made.sharing !== sharing || made.partial !== partial) {
        made = { kind: location.kind, sharing, partial, policy: embedded(document, location, partial) };
        policiesWritten++;
        item.policies.set(location.node, made);
      }
      out.push(made.policy);
    }
    return out;
  };
  if (policyFiles.length > 0) holds = true;
  // A broken file that would hold policies is told broken (the command line reports it); another holds none.
  const mayHoldPolicies = broken && [...Object.keys(POLICY_ATTRIBUTES), 'aws_iam_policy_document'].some((type) => text.indexOf(`"${type}"`) >= 0);
  if (!holds && !mayHoldPolicies) return undefined;
  let all: EmbeddedPolicy[] | undefined;
  function* settleSteps(): Steps<EmbeddedPolicy[]> {
    if (all) return all;
    const made: EmbeddedPolicy[] = [];
    for (let i = 0; i < items.length; i++) {
      settleItem(items[i]);
      const before = policiesWritten;
      policiesOf(items[i], made);
      // A step for each item whose policies were written again; the kept a few dozen a step, settling one is moving its nodes.
      if (policiesWritten > before || i % ITEMS_SETTLED_PER_STEP === ITEMS_SETTLED_PER_STEP - 1) yield;
    }
    all = made;
    return all;
  }
  const settleAll = (): EmbeddedPolicy[] => all ?? finish(settleSteps());
  const principalsOf = () => principalsOfConfiguration(configuration);
  let principals: PrincipalView[] | undefined;
  const template: TemplateDocument = {
    format: 'hcl',
    // Made whole only when a feature asks for it: a keystroke's check does not.
    get text() {
      return text.toString();
    },
    source: text,
    root: { type: 'map', start: 0, end: text.length, entries: [], flow: false },
    symbols: NO_SYMBOLS,
    get policies() {
      return settleAll();
    },
    policiesAt(offset) {
      const item = itemAt(items, offset);
      if (!item) return this.policies;
      settleItem(item);
      return policiesOf(item);
    },
    get principals() {
      const policies = settleAll();
      principals ??= principalViews(
        document,
        policies,
        NO_SYMBOLS,
        { ownersOf: (p) => principalsOf().owners(p), groups: principalsOf().groups(policies), lambda: principalsOf().lambda },
        earlierPrincipals,
      );
      return principals;
    },
    principalsRead: () => principals,
    *prepareSteps() {
      yield* settleSteps();
      yield;
      void this.principals;
    },
    get tables() {
      return principalsOf().tables;
    },
    owners: (policy) => principalsOf().owners(policy),
    broken,
    get syntaxErrors() {
      return items.flatMap((item) => item.errors.map((e) => ({ start: e.start + item.start, end: e.end + item.start }))).slice(0, 20);
    },
    probe: (start, end, insert) => {
      const item = itemAt(items, start);
      if (!item || end > item.end) return [];
      const probed = item.text.slice(0, start - item.start) + insert + item.text.slice(end - item.start);
      const { item: made, tree } = parseItem(parser, probed, item.start);
      if (!tree) return [];
      try {
        made.reading = readItem(tree, made, references, documentNode);
      } finally {
        tree.delete();
      }
      return locations(made, item).map((location) => embedded(document, location, false));
    },
    get ownResources() {
      return ownResources(resources, references);
    },
    policyFiles,
    symbolsKey: [],
  };
  keepWith(template, state);
  return template;
}

/**
 * Who owns the file's policies, read once for a configuration: a keystroke that leaves what the
 * file declares as it was (see `sameFacts`) keeps the configuration, and with it this reading.
 */
const PRINCIPALS = new WeakMap<Configuration, TerraformPrincipals>();

function principalsOfConfiguration(configuration: Configuration): TerraformPrincipals {
  let found = PRINCIPALS.get(configuration);
  if (!found) {
    const { blocks, documents } = configuration;
    found = terraformPrincipals(blocks, new Map([...documents].map(([name, d]) => [`data.aws_iam_policy_document.${name}`, d.users])));
    PRINCIPALS.set(configuration, found);
  }
  return found;
}

function embedded(document: TextDocument, location: PlacedPolicy, partial: boolean): EmbeddedPolicy {
  const { text: json, map } = writtenPolicy(location.node, NO_SYMBOLS);
  return new HostedPolicy(location, TextDocument.create(document.uri, 'json', document.version, json), map.follow(location.node), partial || undefined);
}

/** How many items whose policies are kept are settled between two pauses. */
const ITEMS_SETTLED_PER_STEP = 32;

const byStart = (a: PlacedPolicy, b: PlacedPolicy): number => a.node.start - b.node.start;

/** A reading's places in the order they are written, sorted once: the nodes move together with their item. */
function sortedPlaces(read: Reading): readonly PlacedPolicy[] {
  let sorted = SORTED_PLACES.get(read);
  if (!sorted) SORTED_PLACES.set(read, (sorted = [...read.places].sort(byStart)));
  return sorted;
}

const SORTED_PLACES = new WeakMap<Reading, readonly PlacedPolicy[]>();

/** Whether the item's HCL is broken between two offsets from its start. */
function brokenWithin(item: HclItem, from: number, to: number): boolean {
  for (let i = 0; i < item.errors.length; i++) if (item.errors[i].end >= from && item.errors[i].start <= to) return true;
  return false;
}
