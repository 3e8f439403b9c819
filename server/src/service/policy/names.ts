import type { Node } from 'jsonc-parser';
import { NAME_KINDS, nameProblem, type NameKind } from '../../../../common/src/names';
import { parseArn, partitionOfRegion, PARTITIONS } from '../catalog/arn';
import { applicationOfTable } from '../kinesis/kinesisFacts';
import { PLACEHOLDERS, placeholdersIn } from '../templates/placeholders';
import type { PolicyModel } from './policyModel';

/** A placeholder still in a document: its text, what it stands for, and how often it is written. */
export interface PlaceholderSlot {
  name: string;
  kind: NameKind;
  count: number;
}

/** The names the product writes itself, by the kind of value each stands for. */
const KIND_OF: Record<string, NameKind> = {
  [PLACEHOLDERS.region]: 'region',
  [PLACEHOLDERS.account]: 'account',
  [PLACEHOLDERS.otherAccount]: 'otherAccount',
  [PLACEHOLDERS.stream]: 'stream',
  [PLACEHOLDERS.consumer]: 'consumer',
  [PLACEHOLDERS.application]: 'application',
  [PLACEHOLDERS.keyId]: 'keyId',
};

/** Every string value of the document (not keys), in order. */
function* stringValues(node: Node | undefined): Generator<Node> {
  if (!node) return;
  if (node.type === 'string') yield node;
  else if (node.type === 'property') yield* stringValues(node.children?.[1]);
  else for (const child of node.children ?? []) yield* stringValues(child);
}

/** Whether a value lies under a `Principal` or `NotPrincipal`: an account there is the one shared with. */
function inPrincipal(node: Node): boolean {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    const key: unknown = n.type === 'property' ? n.children?.[0]?.value : undefined;
    if (key === 'Principal' || key === 'NotPrincipal') return true;
  }
  return false;
}

/** The placeholders a document still has, each once, in the order they are first written. */
export function placeholderSlots(model: PolicyModel): PlaceholderSlot[] {
  const slots = new Map<string, PlaceholderSlot>();
  for (const node of stringValues(model.root)) {
    const value = String(node.value);
    for (const { name, index } of placeholdersIn(value)) {
      const slot = slots.get(name);
      if (slot) slot.count++;
      else {
        const kind = KIND_OF[name] ?? kindByPlace(value, name, index);
        slots.set(name, { name, kind: kind === 'account' && inPrincipal(node) ? 'otherAccount' : kind, count: 1 });
      }
    }
  }
  return [...slots.values()];
}

/**
 * What a documentation placeholder (`<stream-name>`, `REGION_HERE`) stands for, from where it is
 * in an ARN: `arn:partition:service:region:account:resource`, the resource type before it.
 */
function kindByPlace(value: string, name: string, index: number): NameKind {
  if (!value.startsWith('arn:')) return /ACCOUNT/i.test(name) ? 'account' : 'other';
  const segment = value.slice(0, index).split(':').length - 1;
  if (segment === 3) return 'region';
  if (segment === 4) return 'account';
  const before = value.slice(0, index);
  if (segment >= 5 && /(?:^|[:/])stream\/$/.test(before)) return 'stream';
  if (/\/consumer\/$/.test(before)) return 'consumer';
  if (/:table\/$/.test(before)) return 'application';
  if (/:key\/$/.test(before)) return 'keyId';
  return 'other';
}

/**
 * The text edits that write `values` (placeholder text to value) wherever the placeholders are
 * written in string values, as offset/length/text on the document's text. Values that do not
 * fit their kind are not written.
 */
export function fillEdits(model: PolicyModel, values: Readonly<Record<string, string>>): { offset: number; length: number; text: string }[] {
  const kinds = new Map(placeholderSlots(model).map((s) => [s.name, s.kind]));
  const edits: { offset: number; length: number; text: string }[] = [];
  for (const node of stringValues(model.root)) {
    // The raw text between the quotes: a placeholder is plain letters, written there as it reads.
    const raw = model.source.slice(node.offset + 1, node.offset + node.length - 1);
    for (const { name, index } of placeholdersIn(raw)) {
      const value = values[name];
      const kind = kinds.get(name);
      if (value === undefined || !kind || nameProblem(kind, value)) continue;
      edits.push({ offset: node.offset + 1 + index, length: name.length, text: JSON.stringify(value).slice(1, -1) });
      // A region in an ARN brings its partition: arn:aws-cn: for cn-north-1.
      const partition = kind === 'region' ? partitionOfRegion(value) : undefined;
      const written = /^arn:([a-z-]+):/.exec(raw)?.[1];
      if (partition && written && written !== partition && PARTITIONS.includes(written) && raw.slice(0, index).split(':').length - 1 === 3) {
        edits.push({ offset: node.offset + 1 + 'arn:'.length, length: written.length, text: partition });
      }
    }
  }
  return edits;
}

/** The names a document and other policies use, by kind: the document's own first, then the most used. */
export function namesInUse(own: PolicyModel | undefined, others: readonly PolicyModel[]): Partial<Record<NameKind, string[]>> {
  const first = own ? knownNames([own]) : {};
  const rest = knownNames(others);
  return Object.fromEntries(
    NAME_KINDS.map((kind) => [kind, [...new Set([...(first[kind] ?? []), ...(rest[kind] ?? [])])]] as const).filter(([, values]) => values.length > 0),
  );
}

/** Names a set of policies already use, each kind's most used first. */
export function knownNames(models: readonly PolicyModel[]): Partial<Record<NameKind, string[]>> {
  const counts = new Map<NameKind, Map<string, number>>();
  const note = (kind: NameKind, value: string | undefined) => {
    if (!value || placeholdersIn(value).length > 0 || /[*?$]/.test(value) || nameProblem(kind, value)) return;
    const byValue = counts.get(kind) ?? new Map<string, number>();
    byValue.set(value, (byValue.get(value) ?? 0) + 1);
    counts.set(kind, byValue);
  };
  for (const model of models) {
    for (const node of stringValues(model.root)) {
      const arn = parseArn(String(node.value));
      if (!arn) continue;
      if (arn.service === 'kinesis' || arn.service === 'dynamodb' || arn.service === 'kms') {
        note('region', arn.region);
        note('account', arn.account);
      }
      const stream = /^stream\/([^/]+)(?:\/consumer\/([^:/]+))?/.exec(arn.resource);
      if (arn.service === 'kinesis' && stream) {
        note('stream', stream[1]);
        note('consumer', stream[2]);
      }
      // KCL 3.x's extra tables are named after the application with a suffix.
      const table = /^table\/([^/]+)/.exec(arn.resource);
      if (arn.service === 'dynamodb' && table) note('application', applicationOfTable(table[1]));
      const key = /^key\/(.+)$/.exec(arn.resource);
      if (arn.service === 'kms' && key) note('keyId', key[1]);
      if (arn.service === 'iam') note('otherAccount', arn.account);
    }
  }
  return Object.fromEntries([...counts].map(([kind, byValue]) => [kind, [...byValue].sort((a, b) => b[1] - a[1]).map(([value]) => value)]));
}
