import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { RULES, type DiagnosticSettings } from '../../server/src/service';
import { ROOT } from '../support/catalog';

/** Characters that trip up text handling: lone surrogates, a byte order mark, line ends. */
export const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
export const BOM = '\uFEFF';

/** The valid policies of the fixtures: real documents to mutate. */
export const REAL_POLICIES: readonly string[] = (() => {
  const dir = join(ROOT, 'test', 'fixtures', 'valid-policies');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
})();

/** Strings of every kind: any code point, JSON's special characters, lone surrogates. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('"', '\\', '/', '*', '?', ':', '$', '{', '}', '\n', '\r', ...LONE_SURROGATES, BOM, 'a', '😀'), maxLength: 20 }),
);

/** The strings of each element, right and nearly right, so that the rules get past their first checks. */
const ACTIONS = [
  'kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:ListStreams', 'kinesis:SubscribeToShard',
  'kinesis:DescribeStreamConsumer', 'kinesis:DeleteStream', 'kinesis:Get*', 'kinesis:*', 'kinesis:', 'kinesis:??t*',
  'kinesis:PutRecrods', 'KINESIS:putrecord', '*', 'dynamodb:*', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query',
  'cloudwatch:PutMetricData', 'kms:Decrypt', 'kms:GenerateDataKey', 'iam:PassRole', 'nosuchservice:Do', '',
];
const RESOURCES = [
  '*', 'arn:aws:kinesis:us-east-1:111122223333:stream/orders', 'arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/app:1700000000',
  'arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/*', 'arn:aws:kinesis:*:*:stream/*', 'arn:aws:kinesis:us-west-2:123:stream/Stock',
  'arn:aws:dynamodb:us-east-1:111122223333:table/App', 'arn:aws:dynamodb:us-east-1:111122223333:table/App/index/*',
  'arn:aws:dynamodb:us-east-1:111122223333:table/App-WorkerMetricStats', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'arn:aws-cn:kinesis:cn-north-1:111122223333:stream/${aws:username}', 'arn:aws:kinesis:', 'arn:', 'arn:aws:s3:::bucket/*', '',
];
const PRINCIPALS = ['111122223333', '444455556666', 'arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:role/reader', 'Account12345', '*', ''];
const OTHERS = ['2012-10-17', '2008-10-17', '2024-01-01', 'Allow', 'Deny', 'allow', 'lambda.amazonaws.com', 'aws:ResourceTag/team', 'kinesis:FisActionId'];

const policyString = (pool: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: oddString });

/** Keys of policies and their elements, and now and then any string. */
const policyKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(
    'Version', 'Id', 'Statement', 'Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal',
    'NotPrincipal', 'Condition', 'AWS', 'Service', 'Federated', 'CanonicalUser', 'StringEquals', 'StringLike',
    'ForAllValues:StringLike', 'ArnLikeIfExists', 'Null', 'aws:ResourceTag/team', 'aws:SourceAccount', 'action',
  ) },
  { weight: 1, arbitrary: oddString },
);

/** A JSON tree that may hold duplicate keys and numbers and nulls where strings belong. */
export type JsonTree =
  | { object: [string, JsonTree][] }
  | { array: JsonTree[] }
  | { string: string }
  | { raw: string };

const text = (pool: string[]) => policyString(pool).map((string): JsonTree => ({ string }));
const raw = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '-0', '1e400', '-1.5e-7', '123456789012345678901234567890'),
  fc.double().map((d) => (Number.isFinite(d) ? String(d) : '0')),
).map((raw): JsonTree => ({ raw }));
const scalar: fc.Arbitrary<JsonTree> = fc.oneof({ weight: 4, arbitrary: text([...ACTIONS, ...RESOURCES, ...OTHERS]) }, { weight: 1, arbitrary: raw });
/** A string or a list of strings, now and then with a number or null among them. */
const oneOrMany = (pool: string[]): fc.Arbitrary<JsonTree> => {
  const item = fc.oneof({ weight: 8, arbitrary: text(pool) }, { weight: 1, arbitrary: raw });
  return fc.oneof(item, fc.array(item, { maxLength: 5 }).map((array): JsonTree => ({ array })));
};
const object = (entries: fc.Arbitrary<[string, JsonTree]>, maxLength = 4) =>
  fc.array(entries, { maxLength }).map((object): JsonTree => ({ object }));

/** Any JSON tree at all, with policy keys and values. */
export const jsonTree: fc.Arbitrary<JsonTree> = fc.letrec<{ tree: JsonTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    object(fc.tuple(policyKey, tie('tree')), 5),
    fc.array(tie('tree'), { maxLength: 5 }).map((array): JsonTree => ({ array })),
  ),
})).tree;

const principal = fc.oneof(
  text(PRINCIPALS),
  object(fc.tuple(fc.constantFrom('AWS', 'AWS', 'Service', 'Federated', 'CanonicalUser'), oneOrMany([...PRINCIPALS, 'lambda.amazonaws.com']))),
);
const condition = object(fc.tuple(policyString(['StringEquals', 'StringLike', 'ArnLike', 'Bool', 'ForAnyValue:StringEquals', 'StringEqualsIfExists']),
  object(fc.tuple(policyString(['aws:ResourceTag/team', 'aws:SourceAccount', 'kinesis:FisActionId', 'aws:PrincipalOrgID']), oneOrMany(OTHERS)))));

/** One element of a statement: mostly the right key with a plausible value, now and then anything. */
const element: fc.Arbitrary<[string, JsonTree]> = fc.oneof(
  { weight: 1, arbitrary: fc.tuple(fc.constant('Sid'), text(['Read', 'Write', 'Read', ''])) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('Effect'), text(['Allow', 'Allow', 'Deny', 'allow'])) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('Action', 'Action', 'NotAction'), oneOrMany(ACTIONS)) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('Resource', 'Resource', 'NotResource'), oneOrMany(RESOURCES)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Principal', 'NotPrincipal'), principal) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('Condition'), condition) },
  { weight: 1, arbitrary: fc.tuple(policyKey, jsonTree) },
);
const statement = object(element, 9);

/**
 * Policy-shaped trees: the elements IAM knows, nested as policies nest them, with the wrong shapes
 * mixed in; keys repeat, statements come as an object, an array, or something else.
 */
export const policyTree: fc.Arbitrary<JsonTree> = fc
  .record({
    version: fc.option(fc.oneof({ weight: 5, arbitrary: text(['2012-10-17']) }, { weight: 1, arbitrary: scalar }), { nil: undefined }),
    statement: fc.oneof(
      { weight: 2, arbitrary: statement },
      { weight: 5, arbitrary: fc.array(fc.oneof({ weight: 6, arbitrary: statement }, { weight: 1, arbitrary: jsonTree }), { maxLength: 4 }).map((array): JsonTree => ({ array })) },
      { weight: 1, arbitrary: jsonTree },
    ),
    extra: fc.array(fc.tuple(policyKey, jsonTree), { maxLength: 2 }),
  })
  .map(({ version, statement, extra }): JsonTree => ({
    object: [...(version ? [['Version', version] as [string, JsonTree]] : []), ['Statement', statement], ...extra],
  }));

/** How a tree is written out: compact, indented with spaces or tabs, with CRLF line ends. */
export const layout = fc.constantFrom('', '  ', '\t', '\r\n  ');

export function render(tree: JsonTree, indent: string, depth = 0): string {
  const newline = indent === '' ? '' : indent.startsWith('\r\n') ? '\r\n' : '\n';
  const pad = (d: number) => (indent === '' ? '' : newline + indent.replace('\r\n', '').repeat(d));
  if ('string' in tree) return JSON.stringify(tree.string);
  if ('raw' in tree) return tree.raw;
  const [open, close, items] =
    'array' in tree
      ? ['[', ']', tree.array.map((t) => render(t, indent, depth + 1))]
      : ['{', '}', tree.object.map(([k, v]) => `${JSON.stringify(k)}: ${render(v, indent, depth + 1)}`)];
  return items.length === 0 ? open + close : `${open}${items.map((i) => pad(depth + 1) + i).join(',')}${pad(depth)}${close}`;
}

/** Settings as users set them, including rules turned off or raised. */
export const settings: fc.Arbitrary<Partial<DiagnosticSettings>> = fc.record(
  {
    policyKind: fc.constantFrom('auto', 'identity', 'resource'),
    kclVersion: fc.constantFrom('1.x', '2.x', '3.x', 'none'),
    assumeKcl: fc.boolean(),
    rules: fc.dictionary(fc.constantFrom(...RULES.map((r) => r.code)), fc.constantFrom('error', 'warning', 'information', 'hint', 'off'), { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);

/** A place in a document, as a fraction of its length. */
export const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** Where to ask for completion and hover. */
export const fractions = fc.array(fraction, { minLength: 4, maxLength: 10 });

/** Text typed or pasted into a policy: structure, policy fragments and odd characters. */
export const insertion: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '"', '{', '}', '[', ']', ',', ':', '\\', '\\u', '\\uD800', '/*', '*/', '//', '\n', '\r\n', '\r', '\t', ' ', BOM, ...LONE_SURROGATES,
    '😀', 'null', 'true', '-0', '1e400', '"Statement":', '"Statement": {', '"Action": [', '"Resource": "*"', '"Principal": {"AWS": ',
    '"Condition": {"StringEquals": {', '"kinesis:', 'kinesis:*', '*', '?', '${aws:username}', '/consumer/', ':1700000000',
    'arn:aws:kinesis:us-east-1:111122223333:stream/',
  ),
  oddString,
);

/** Things that happen to a policy while it is edited, pasted or saved by another tool. */
type Mutation = (text: string) => string;
const at = (text: string, f: number) => Math.floor(f * (text.length + 1));
const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"/g;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((f): Mutation => (t) => t.slice(0, at(t, f))),
  fc.tuple(fraction, fraction).map(([a, b]): Mutation => (t) => t.slice(0, Math.min(at(t, a), at(t, b))) + t.slice(Math.max(at(t, a), at(t, b)))),
  fc.tuple(fraction, insertion).map(([f, s]): Mutation => (t) => t.slice(0, at(t, f)) + s + t.slice(at(t, f))),
  fc.tuple(fraction, fraction, fraction).map(([a, b, c]): Mutation => (t) => {
    const copy = t.slice(Math.min(at(t, a), at(t, b)), Math.max(at(t, a), at(t, b)));
    return t.slice(0, at(t, c)) + copy + t.slice(at(t, c));
  }),
  fc.tuple(fraction, fc.constantFrom('null', '0', '-1.5e3', 'true', '{}', '[]', '[null]', '{"a": "b"}', '[[["kinesis:PutRecord"]]]', '{"Effect": "Allow"}')).map(
    ([f, replacement]): Mutation => (t) => {
      const literals = [...t.matchAll(STRING_LITERAL)];
      const target = literals[Math.floor(f * literals.length)];
      return target?.index === undefined ? t : t.slice(0, target.index) + replacement + t.slice(target.index + target[0].length);
    },
  ),
  fc.constant<Mutation>((t) => BOM + t),
  fc.constant<Mutation>((t) => t.replace(/\r?\n/g, '\r\n')),
);

/** A real policy, or a generated one, after a few mutations. */
export function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([text, mutations]) => mutations.reduce((t, m) => m(t), text));
}
