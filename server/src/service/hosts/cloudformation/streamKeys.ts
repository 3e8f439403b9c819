import { parseArn } from '../../catalog/arn';
import { hasWildcard, wildcardMatcher } from '../../catalog/wildcard';
import { CONSUMER_MARKER_ACTION, KINESIS_MANAGED_KEY, WRITE_ACTIONS } from '../../kinesis/kinesisFacts';
import type { PolicyModel, StatementModel } from '../../policy/policyModel';
import type { TemplateDocument } from '../hostModel';
import { attributeOf, intrinsicOf, resolveString, type TemplateSymbols } from './intrinsics';
import type { ResourceSymbol } from './policyLocations';
import { entry, stringValue, type TemplateNode } from './templateTree';

/**
 * What a template says of the keys its streams are encrypted with. A stream encrypted with a
 * customer managed KMS key is written only by principals that may kms:GenerateDataKey on the key
 * and read only by those that may kms:Decrypt it; one not encrypted, or encrypted with the AWS
 * managed key alias/aws/kinesis, needs no grant. [KDS-ENCRYPTION]
 */
export interface StreamKey {
  /** The stream's logical name. */
  name: string;
  /** Its ARN as a policy of the template reads `!GetAtt Stream.Arn`. */
  arn: string;
  /** Its name as a policy reads it: its `Name`, or `${Stream}` (`!Ref` of a stream is its name). */
  names: readonly string[];
  /**
   * The stream's own key; none for a stream not encrypted or encrypted with the AWS managed key.
   * Its ARN where the template tells it (not an alias, a parameter, or an encryption a condition decides).
   */
  ownKey?: { arn?: string; node?: TemplateNode };
}

/** The streams the template makes, with their keys: worked out once per version of the template. */
export function streamKeys(template: TemplateDocument): readonly StreamKey[] {
  return keysOf(template).list;
}

function keysOf(template: TemplateDocument): StreamKeys {
  let keys = STREAM_KEYS.get(template.symbols);
  if (!keys) {
    const streams = [...template.symbols.resources].filter(([, r]) => r.type === 'AWS::Kinesis::Stream');
    const last = streams.length > 0 ? LAST_KEYS.get(streams[0][1]) : undefined;
    if (last && sameStreams(last, streams.map(([, r]) => r), template.symbolsKey)) keys = last.keys;
    else {
      const list = streams.map(([name, r]) => streamKey(name, r.properties, template.symbols));
      const key = list.map((s) => `${s.names.join(' ')} ${s.ownKey ? (s.ownKey.arn ?? '?') : '-'}`).join('\n');
      keys = { list, byArn: groupBy(list, (s) => [s.arn]), byName: groupBy(list, (s) => s.names), key };
      if (streams.length > 0) LAST_KEYS.set(streams[0][1], { streams: streams.map(([, r]) => r), symbolsKey: template.symbolsKey, keys });
    }
    STREAM_KEYS.set(template.symbols, keys);
  }
  return keys;
}

/**
 * The streams' keys as last worked out, by the first stream's resource: the next version of the
 * template takes them while its streams are the same resources, which an edit elsewhere leaves as
 * they were (see `templateHost.ts`), and its intrinsic functions name the same (`symbolsKey`). A
 * keystroke in a large template's policy then makes no new list or maps of its streams.
 */
const LAST_KEYS = new WeakMap<ResourceSymbol, { streams: readonly ResourceSymbol[]; symbolsKey: readonly string[]; keys: StreamKeys }>();

function sameStreams(last: { streams: readonly ResourceSymbol[]; symbolsKey: readonly string[] }, streams: readonly ResourceSymbol[], symbolsKey: readonly string[]): boolean {
  return (
    last.streams.length === streams.length &&
    last.streams.every((s, i) => s === streams[i]) &&
    last.symbolsKey.length === symbolsKey.length &&
    last.symbolsKey.every((part, i) => part === symbolsKey[i])
  );
}

interface StreamKeys {
  list: readonly StreamKey[];
  /** The streams by ARN and by each of their names: a large template's policies each ask. */
  byArn: ReadonlyMap<string, StreamKey[]>;
  byName: ReadonlyMap<string, StreamKey[]>;
  /** What the list says, as one string (see `streamKeysKey`). */
  key: string;
}

const STREAM_KEYS = new WeakMap<TemplateSymbols, StreamKeys>();

/** What decides `keysSettled` for every policy of the template: part of the key its checks are kept by. */
export function streamKeysKey(template: TemplateDocument): string {
  return keysOf(template).key;
}

/**
 * Whether the template settles what the policy's grants to write to or read a stream need of KMS
 * (what `kinesis/kms-permissions` hints at). Each stream such a grant names must be one the
 * template makes, and one of:
 * - a stream without a key of its own, which needs nothing; named by its ARN, its name or
 *   `${Stream}` in an ARN of the stack's own Region and account, or by that name with `*` after
 *   it when every stream of the template it matches is such a stream (`${Orders.Arn}*`, as
 *   templates write a stream and what lies under it; strictly, that also matches streams
 *   elsewhere whose names begin so);
 * - a stream with its own key that `template/stream-key-access` judges, with the key's own policy:
 *   for a policy of the template's principals (`judged`, and the check on), granted by
 *   `!GetAtt Stream.Arn` itself without a condition, as the check asks the evaluation core.
 * Other services' resources in the statement are not streams. A grant on a stream elsewhere, on a
 * wildcard or parameter that may be one, or by `NotResource` is not settled: the hint stays there.
 */
export function keysSettled(template: TemplateDocument, model: PolicyModel, judged: boolean): boolean {
  const keys = keysOf(template);
  if (keys.list.length === 0) return false;
  for (const statement of model.statements) {
    if (!usesStreams(statement)) continue;
    if (statement.notResource || !statement.resource) return false;
    for (const { value } of statement.resource.values) {
      if (otherService(value)) continue;
      const named = streamsNamed(keys, value);
      if (!named || named.length === 0) return false;
      const exact = named.length === 1 && named[0].arn === value;
      if (!named.every((s) => !s.ownKey || (exact && judged && !statement.condition && s.ownKey.arn !== undefined))) return false;
    }
  }
  return true;
}

/** The actions whose grant the hint is about: what a producer writes with and a consumer reads with. */
const STREAM_USE = [...WRITE_ACTIONS, CONSUMER_MARKER_ACTION];

/** Whether a statement may allow writing to or reading a stream: an Allow naming one of those actions or a wildcard over one, or `NotAction`. */
function usesStreams(statement: StatementModel): boolean {
  if (statement.effect?.value === 'Deny') return false;
  if (statement.notAction) return true;
  return (statement.action?.values ?? []).some(({ value }) => STREAM_USE.some(wildcardMatcher(value)));
}

/** Whether a resource is an ARN of a service other than Kinesis (a lease table's, say): no stream. */
function otherService(resource: string): boolean {
  const service = parseArn(resource)?.service;
  return service !== undefined && service !== 'kinesis' && !hasWildcard(service);
}

/**
 * The template's streams a resource names, in the stack's own Region and account: by the stream's
 * ARN, its consumers', or the ARN with `*` or `/*` after it, its name a wildcard matched against
 * the template's streams' names. Undefined for a resource that is no such ARN.
 */
function streamsNamed({ list, byArn, byName }: StreamKeys, resource: string): readonly StreamKey[] | undefined {
  const exact = byArn.get(resource);
  if (exact) return exact;
  const arn = parseArn(resource);
  if (arn?.service !== 'kinesis' || arn.region !== '${AWS::Region}' || arn.account !== '${AWS::AccountId}' || !arn.resource.startsWith('stream/')) return undefined;
  let path = arn.resource.slice('stream/'.length);
  const consumer = path.indexOf('/consumer/');
  if (consumer >= 0) path = path.slice(0, consumer);
  else if (path.endsWith('/*')) path = path.slice(0, -2);
  // A name of the template's (`${Orders}`, `${AWS::StackName}-orders`) stands for itself; one of
  // them with `*` after it for every stream of the template whose name it matches.
  const literal = byName.get(path);
  if (literal || !hasWildcard(path)) return literal ?? [];
  const stem = path.slice(0, -1);
  if (!path.endsWith('*') || hasWildcard(stem) || !byName.has(stem)) return undefined;
  const matches = wildcardMatcher(path);
  return list.filter((s) => s.names.some((n) => matches(n)));
}

function groupBy(streams: readonly StreamKey[], keys: (stream: StreamKey) => readonly string[]): Map<string, StreamKey[]> {
  const grouped = new Map<string, StreamKey[]>();
  for (const stream of streams) for (const key of keys(stream)) grouped.set(key, [...(grouped.get(key) ?? []), stream]);
  return grouped;
}

function streamKey(name: string, properties: TemplateNode | undefined, symbols: TemplateSymbols): StreamKey {
  const stream = { name, arn: attributeOf(name, 'Arn', symbols), names: [...new Set([resolveString(entry(properties, 'Name'), symbols) ?? `\${${name}}`, `\${${name}}`])] };
  const encryption = entry(properties, 'StreamEncryption');
  const type = encryption && stringValue(entry(encryption, 'EncryptionType'));
  if (!encryption || type === 'NONE') return stream;
  const node = entry(encryption, 'KeyId');
  if (type !== 'KMS' || !node) return { ...stream, ownKey: {} };
  if (resolveString(node, symbols)?.includes(KINESIS_MANAGED_KEY)) return stream;
  return { ...stream, ownKey: { arn: keyArn(node, symbols), node } };
}

/** The key's ARN as policies name it, or undefined for an alias or what cannot be told. */
function keyArn(node: TemplateNode, symbols: TemplateSymbols): string | undefined {
  const intrinsic = intrinsicOf(node);
  const named = intrinsic?.name === 'Ref' ? stringValue(intrinsic.argument) : intrinsic?.name === 'Fn::GetAtt' ? (stringValue(intrinsic.argument) ?? '').split('.')[0] : undefined;
  if (named && symbols.resources.get(named)?.type === 'AWS::KMS::Key') return `arn:\${AWS::Partition}:kms:\${AWS::Region}:\${AWS::AccountId}:key/\${${named}}`;
  const written = resolveString(node, symbols);
  if (!written || written.includes(':alias/') || written.startsWith('alias/')) return undefined;
  return written.startsWith('arn:') && written.includes(':key/') ? written : undefined;
}
