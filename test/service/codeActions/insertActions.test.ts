import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { actionsFor, applyAction, parseErrors, problems } from '../../support/codeActions';

const INSERT = 'refactor.insert';

function inserts(text: string, settings = {}): string[] {
  return actionsFor(text, [], settings).filter((a) => a.kind === INSERT).map((a) => a.title);
}

function insert(text: string, title: string): string {
  const action = actionsFor(text, []).find((a) => a.title === title);
  if (!action) throw new Error(`No action ${title}`);
  return applyAction(text, action);
}

const IDENTITY = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Existing",
            "Effect": "Allow",
            "Action": "kinesis:DescribeStreamSummary",
            "Resource": "arn:aws:kinesis:eu-west-1:111122223333:stream/clicks"
        }
    ]
}
`;
const RESOURCE = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Sid: 'Read', Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-2:123456789012:stream/shared' }],
  },
  null,
  2,
);

const ALL = [
  'Add Kinesis producer statement',
  'Add KCL consumer statements (KCL 3.x)',
  'Add KCL consumer statements (KCL 2.x)',
  'Add KCL consumer statements (KCL 1.x)',
  'Add enhanced fan-out consumer statements',
  'Add cross-account read access (resource policy)',
  'Add cross-account write access (resource policy)',
  "Share an enhanced fan-out consumer (resource policies): the stream's statement",
  "Share an enhanced fan-out consumer (resource policies): the consumer's statement",
];

describe('insert actions', () => {
  it('offer everything in an empty document, by kind in a policy, nothing in other JSON', () => {
    assert.deepEqual(inserts(''), ALL);
    assert.deepEqual(inserts('{}'), ALL);
    assert.deepEqual(inserts(IDENTITY), ALL.slice(0, 5));
    assert.deepEqual(inserts(RESOURCE), ALL.slice(5, 8));
    assert.deepEqual(inserts('{"name": "app", "version": "1.0.0"}'), []);
    assert.equal(inserts(IDENTITY, { kclVersion: '3.x' })[1], 'Add KCL consumer statements (KCL 3.x)', 'the configured KCL first');
  });

  for (const title of ALL) {
    it(`"${title}" writes a whole policy into an empty document, clean but for placeholders`, () => {
      const text = insert('', title);
      assert.deepEqual(parseErrors(text), []);
      assert.ok(text.startsWith('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n'), text);
      assert.deepEqual(problems(text).filter((c) => c !== 'iam/placeholder'), [], text);
    });
  }

  for (const title of ALL.slice(0, 5)) {
    it(`"${title}" appends to an identity policy, in its indentation, with its names`, () => {
      const text = insert(IDENTITY, title);
      assert.deepEqual(parseErrors(text), []);
      assert.ok(text.startsWith(IDENTITY.slice(0, IDENTITY.lastIndexOf('}\n    ]'))), 'the existing statement is untouched');
      assert.match(text, /\n {8}\{\n {12}"Sid": "/, 'four-space indentation');
      assert.doesNotMatch(text, /STREAM_NAME|REGION|ACCOUNT_ID/, 'stream, region and account come from the document');
      assert.deepEqual(problems(text).filter((c) => c !== 'iam/placeholder'), [], text);
    });
  }

  it('offers nothing to insert while the JSON is broken', () => {
    const broken = IDENTITY.replace('"Effect": "Allow",', '"Effect": "Allow"');
    assert.ok(parseErrors(broken).length > 0);
    assert.deepEqual(inserts(broken), []);
    assert.ok(inserts('{').length > 0, 'a lone brace is still an empty document, written over whole');
  });

  it('turns a single statement object into an array', () => {
    const single = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "kinesis:ListStreams", "Resource": "*"}}';
    const text = insert(single, 'Add Kinesis producer statement');
    const statements = (JSON.parse(text) as { Statement: { Sid?: string }[] }).Statement;
    assert.ok(Array.isArray(statements));
    assert.deepEqual(statements.map((s) => s.Sid), [undefined, 'KinesisProducer']);
  });

  it('keeps the single statement as written, one level deeper: its numbers, comments and layout', () => {
    const single = [
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": {',
      '    // Lists streams for the dashboard',
      '    "Effect": "Allow", "Action": ["kinesis:ListStreams"],',
      '    "Resource": "*",',
      '    "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": 3600.0}, "NumericEquals": {"kinesis:ShardCount": 1e400}}',
      '  }',
      '}',
      '',
    ].join('\n');
    const text = insert(single, 'Add Kinesis producer statement');
    const head = [
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    {',
      '      // Lists streams for the dashboard',
      '      "Effect": "Allow", "Action": ["kinesis:ListStreams"],',
      '      "Resource": "*",',
      '      "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": 3600.0}, "NumericEquals": {"kinesis:ShardCount": 1e400}}',
      '    },',
      '    {',
      '      "Sid": "KinesisProducer",',
    ].join('\n');
    assert.ok(text.startsWith(head), text);
    assert.ok(text.endsWith('    }\n  ]\n}\n'), text);
  });

  it('keeps Sids unique when inserted twice', () => {
    const once = insert(IDENTITY, 'Add Kinesis producer statement');
    const twice = insert(once, 'Add Kinesis producer statement');
    assert.deepEqual((JSON.parse(twice) as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid), ['Existing', 'KinesisProducer', 'KinesisProducer2']);
  });

  it('shares with a principal in a resource policy, clean but for the account to share with', () => {
    const text = insert(RESOURCE, 'Add cross-account write access (resource policy)');
    const added = (JSON.parse(text) as { Statement: { Principal: unknown; Action: string[]; Resource: string }[] }).Statement[1];
    assert.deepEqual(added.Principal, { AWS: 'arn:aws:iam::OTHER_ACCOUNT_ID:root' });
    assert.equal(added.Resource, 'arn:aws:kinesis:us-east-2:123456789012:stream/shared');
    assert.deepEqual(problems(text), ['iam/placeholder']);
  });

  it('takes nothing from an ARN whose names Kinesis or DynamoDB would refuse: the placeholders stand in', () => {
    for (const resource of ['stream/orders feed', `stream/${'s'.repeat(129)}`, 'stream/orders/consumer/app one:1700000000', 'stream/caf\u00e9']) {
      const policy = IDENTITY.replace('stream/clicks', resource);
      assert.ok(problems(policy).includes('iam/invalid-arn'), resource);
      const text = insert(policy, 'Add enhanced fan-out consumer statements');
      const added = (JSON.parse(text) as { Statement: { Resource: string }[] }).Statement.slice(1).map((s) => s.Resource);
      assert.deepEqual(added, ['arn:aws:kinesis:REGION:ACCOUNT_ID:stream/STREAM_NAME', 'arn:aws:kinesis:REGION:ACCOUNT_ID:stream/STREAM_NAME/consumer/CONSUMER_NAME:*'], resource);
    }
    // Nor a table's name DynamoDB would refuse, as the KCL's application name.
    const table = (name: string) => IDENTITY.replace('"Resource": "arn:aws:kinesis:eu-west-1:111122223333:stream/clicks"', `"Resource": ["arn:aws:kinesis:eu-west-1:111122223333:stream/clicks", "arn:aws:dynamodb:eu-west-1:111122223333:table/${name}"]`);
    assert.match(insert(table('orders feed'), 'Add KCL consumer statements (KCL 2.x)'), /table\/APPLICATION_NAME"/);
    assert.match(insert(table('orders-app'), 'Add KCL consumer statements (KCL 2.x)'), /table\/orders-app"/);
    const valid = insert(IDENTITY.replace('stream/clicks', 'stream/orders-v2.1_eu/consumer/app-1:1700000000'), 'Add enhanced fan-out consumer statements');
    assert.match(valid, /eu-west-1:111122223333:stream\/orders-v2\.1_eu\/consumer\/app-1:\*/, 'a valid consumer ARN gives both names');
  });

  it('writes the KCL 3.x tables and index', () => {
    const text = insert(IDENTITY, 'Add KCL consumer statements (KCL 3.x)');
    assert.match(text, /table\/APPLICATION_NAME-WorkerMetricStats/);
    assert.match(text, /table\/APPLICATION_NAME-CoordinatorState/);
    assert.match(text, /"Resource": "arn:aws:dynamodb:eu-west-1:111122223333:table\/APPLICATION_NAME\/index\/\*"/);
    assert.deepEqual(problems(text, { kclVersion: '3.x' }).filter((c) => c !== 'iam/placeholder'), []);
  });
});
