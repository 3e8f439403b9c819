import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT } from '../support/catalog';

const CLI = join(ROOT, 'dist', 'cli.js');
/** The command line speaks the environment's language: the tests expect English, whatever the developer's locale. */
const ENGLISH = { ...process.env, LC_ALL: 'C' };
const OWNER = '111122223333';
const OTHER = '444455556666';
const STREAM = `arn:aws:kinesis:eu-west-1:${OWNER}:stream/orders`;
const TABLE = `arn:aws:dynamodb:eu-west-1:${OWNER}:table/OrdersApp`;
const READER = `arn:aws:iam::${OTHER}:role/reader`;

interface JsonResult {
  action: string;
  resource: string;
  decision: string;
  statements: { file: string; line: number; sid: string | null; effect: string }[];
}

const policy = (...statements: Record<string, unknown>[]) =>
  `${JSON.stringify({ Version: '2012-10-17', Statement: statements.map((s) => ({ Effect: 'Allow', ...s })) }, null, 2)}\n`;

describe('kinesis-policy access', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, 'access', ...args], { cwd: dir, encoding: 'utf8', env: ENGLISH });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const json = (...args: string[]) => {
    const result = run(...args, '--format', 'json');
    return { status: result.status, results: (JSON.parse(result.stdout) as { results: JsonResult[] }).results };
  };
  const decisions = (...args: string[]) => json(...args).results.map((r) => `${r.action} ${r.decision}`);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kinesis-access-'));
    file('reader.json', policy({ Sid: 'Read', Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM }));
    file('share.stream-policy.json', policy({ Sid: 'Share', Principal: { AWS: READER }, Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM }));
  });

  it('answers a same-account read from the identity policy, in the JSON the interface promises, exit 0', () => {
    const { status, results } = json('--action', 'kinesis:GetRecords', '--resource', STREAM, '--identity-policy', 'reader.json');
    assert.equal(status, 0);
    assert.deepEqual(results, [
      { action: 'kinesis:GetRecords', resource: STREAM, decision: 'allowed', statements: [{ file: 'reader.json', line: 4, sid: 'Read', effect: 'Allow' }] },
    ]);
  });

  it('needs both halves across accounts: the identity policy alone, the stream policy alone, both', () => {
    const ask = ['--action', 'kinesis:GetRecords', '--resource', STREAM, '--principal', READER];
    assert.deepEqual(decisions(...ask, '--identity-policy', 'reader.json'), ['kinesis:GetRecords implicitly-denied']);
    assert.deepEqual(decisions(...ask, '--resource-policy', 'share.stream-policy.json'), ['kinesis:GetRecords implicitly-denied']);
    const both = run(...ask, '--identity-policy', 'reader.json', '--resource-policy', 'share.stream-policy.json');
    assert.equal(both.status, 0);
    assert.match(both.stdout, /kinesis:GetRecords on .*: allowed/);
    const half = run(...ask, '--identity-policy', 'reader.json');
    assert.equal(half.status, 1);
    assert.match(half.stdout, /NOT ALLOWED: the resource's policy does not allow this principal \(across accounts both must\)/);
    // The stream policy names a role of the other account: another role there is not it.
    assert.deepEqual(decisions('--action', 'kinesis:GetRecords', '--resource', STREAM, '--principal', `arn:aws:iam::${OTHER}:role/intern`, '--identity-policy', 'reader.json', '--resource-policy', 'share.stream-policy.json'), [
      'kinesis:GetRecords implicitly-denied',
    ]);
  });

  it('lets an explicit Deny in either policy win, and names it', () => {
    file('deny-identity.json', policy({ Action: 'kinesis:*', Resource: '*' }, { Sid: 'NoReads', Effect: 'Deny', Action: 'kinesis:Get*', Resource: STREAM }));
    const denied = json('--action', 'kinesis:GetRecords', '--resource', STREAM, '--identity-policy', 'deny-identity.json');
    assert.equal(denied.status, 1);
    assert.deepEqual(denied.results[0].statements, [{ file: 'deny-identity.json', line: 9, sid: 'NoReads', effect: 'Deny' }]);
    assert.equal(denied.results[0].decision, 'explicitly-denied');
    file('deny.stream-policy.json', policy({ Sid: 'Share', Principal: { AWS: READER }, Action: 'kinesis:GetRecords', Resource: STREAM }, { Sid: 'NoOne', Effect: 'Deny', Principal: { AWS: READER }, Action: 'kinesis:GetRecords', Resource: STREAM }));
    assert.deepEqual(decisions('--action', 'kinesis:GetRecords', '--resource', STREAM, '--principal', READER, '--identity-policy', 'reader.json', '--resource-policy', 'deny.stream-policy.json'), [
      'kinesis:GetRecords explicitly-denied',
    ]);
  });

  it('reads NotAction, NotResource and wildcards in actions and ARNs', () => {
    file('not.json', policy({ NotAction: 'kinesis:Delete*', Resource: 'arn:aws:kinesis:eu-west-1:*:stream/ord?rs' }, { Effect: 'Deny', Action: 'kinesis:Put*', NotResource: STREAM }));
    assert.deepEqual(decisions('--action', 'kinesis:GetRecords', '--action', 'kinesis:DeleteStream', '--resource', STREAM, '--identity-policy', 'not.json'), [
      'kinesis:GetRecords allowed',
      'kinesis:DeleteStream implicitly-denied',
    ]);
    assert.deepEqual(decisions('--action', 'kinesis:PutRecord', '--resource', `arn:aws:kinesis:eu-west-1:${OWNER}:stream/orders-2`, '--identity-policy', 'not.json'), [
      'kinesis:PutRecord explicitly-denied',
    ]);
  });

  it('settles a condition from --context, and leaves it open without', () => {
    file('tls.json', policy({ Action: 'kinesis:GetRecords', Resource: STREAM, Condition: { Bool: { 'aws:SecureTransport': 'true' }, StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } } }));
    const ask = ['--action', 'kinesis:GetRecords', '--resource', STREAM, '--identity-policy', 'tls.json'];
    assert.deepEqual(decisions(...ask), ['kinesis:GetRecords conditional']);
    const open = run(...ask);
    assert.equal(open.status, 1, 'open conditions are not an allow');
    assert.match(open.stdout, /when Bool aws:SecureTransport: true\n.*when StringEquals aws:SourceVpc: vpc-1 or vpc-2/);
    assert.deepEqual(decisions(...ask, '--context', 'aws:SecureTransport=true'), ['kinesis:GetRecords conditional']);
    assert.deepEqual(decisions(...ask, '--context', 'aws:SecureTransport=true', '--context', 'aws:SourceVpc=vpc-2'), ['kinesis:GetRecords allowed']);
    assert.deepEqual(decisions(...ask, '--context', 'aws:SecureTransport=false', '--context', 'aws:SourceVpc=vpc-2'), ['kinesis:GetRecords implicitly-denied']);
    // The principal and the resource settle the keys they say.
    file('own-role.json', policy({ Action: 'kinesis:GetRecords', Resource: STREAM, Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${OWNER}:role/reader` }, StringEquals: { 'aws:ResourceAccount': OWNER, 'aws:RequestedRegion': 'eu-west-1' } } }));
    assert.deepEqual(decisions('--action', 'kinesis:GetRecords', '--resource', STREAM, '--principal', `arn:aws:iam::${OWNER}:role/reader`, '--identity-policy', 'own-role.json'), ['kinesis:GetRecords allowed']);
    assert.deepEqual(decisions('--action', 'kinesis:GetRecords', '--resource', STREAM, '--principal', `arn:aws:iam::${OWNER}:role/writer`, '--identity-policy', 'own-role.json'), ['kinesis:GetRecords implicitly-denied']);
    // A policy variable of a key the request lacks matches nothing.
    file('team.json', policy({ Action: 'kinesis:GetRecords', Resource: `arn:aws:kinesis:eu-west-1:${OWNER}:stream/\${aws:PrincipalTag/team}-*` }));
    const team = ['--action', 'kinesis:GetRecords', '--resource', `arn:aws:kinesis:eu-west-1:${OWNER}:stream/red-orders`, '--identity-policy', 'team.json'];
    assert.deepEqual(decisions(...team, '--context', 'aws:PrincipalTag/team=red'), ['kinesis:GetRecords allowed']);
    assert.deepEqual(decisions(...team, '--absent', 'aws:PrincipalTag/team'), ['kinesis:GetRecords implicitly-denied']);
    assert.deepEqual(decisions(...team), ['kinesis:GetRecords conditional']);
    // A key the request does not have: IfExists passes, a plain operator fails.
    file('vpce.json', policy({ Action: 'kinesis:GetRecords', Resource: STREAM, Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } } }));
    assert.deepEqual(decisions('--action', 'kinesis:GetRecords', '--resource', STREAM, '--identity-policy', 'vpce.json', '--absent', 'aws:SourceVpce'), ['kinesis:GetRecords allowed']);
  });

  it("asks every request of each job, for each KCL version, and lists what a policy lacks", () => {
    for (const kcl of ['1.x', '2.x', '3.x']) {
      // The policy New Policy writes for this version grants every request of the job.
      const made = spawnSync(process.execPath, [CLI, 'access', '--job', 'kcl-consumer', '--kcl-version', kcl, '--resource', STREAM, '--table', TABLE], { cwd: dir, encoding: 'utf8', env: ENGLISH });
      assert.equal(made.status, 1, 'nothing allows it without policies');
    }
    file('kcl3.json', policy(
      { Action: ['kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'], Resource: STREAM },
      { Action: ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard', 'kinesis:RegisterStreamConsumer'], Resource: [STREAM, `${STREAM}/consumer/*`] },
      { Action: ['dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query'], Resource: [TABLE, `${TABLE}/index/*`] },
      { Action: 'cloudwatch:PutMetricData', Resource: '*' },
    ));
    const ask = (kcl: string) => json('--job', 'kcl-consumer', '--kcl-version', kcl, '--resource', STREAM, '--table', TABLE, '--identity-policy', 'kcl3.json');
    const v2 = ask('2.x');
    assert.equal(v2.status, 0, JSON.stringify(v2.results.filter((r) => r.decision !== 'allowed')));
    assert.ok(v2.results.some((r) => r.action === 'dynamodb:CreateTable' && r.resource === TABLE));
    assert.ok(v2.results.some((r) => r.action === 'cloudwatch:PutMetricData' && r.resource === '*'));
    const v3 = ask('3.x');
    assert.equal(v3.status, 1, 'KCL 3.x needs UpdateTable and its metadata tables too');
    const lacking = v3.results.filter((r) => r.decision !== 'allowed');
    assert.deepEqual(lacking.filter((r) => r.resource === TABLE).map((r) => r.action), ['dynamodb:UpdateTable']);
    assert.deepEqual([...new Set(lacking.map((r) => r.resource))], [TABLE, `${TABLE}-WorkerMetricStats`, `${TABLE}-CoordinatorState`]);
    const v1 = ask('1.x');
    assert.deepEqual(v1.results.filter((r) => r.decision !== 'allowed').map((r) => r.action), ['kinesis:DescribeStream'], 'KCL 1.x describes the stream the old way');
    // A producer may describe the stream either way.
    file('producer.json', policy({ Action: ['kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'], Resource: STREAM }));
    assert.equal(run('--job', 'producer', '--resource', STREAM, '--identity-policy', 'producer.json').status, 0);
  });

  it('answers an enhanced fan-out consumer shared across accounts: the stream policy and the consumer policy', () => {
    const consumer = `${STREAM}/consumer/analytics:1700000000`;
    file('efo.json', policy({ Action: ['kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:RegisterStreamConsumer'], Resource: STREAM }, { Action: ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'], Resource: `${STREAM}/consumer/analytics:*` }));
    file('efo.stream-policy.json', policy({ Principal: { AWS: READER }, Action: ['kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:RegisterStreamConsumer'], Resource: STREAM }));
    file('efo.consumer-policy.json', policy({ Principal: { AWS: READER }, Action: ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'], Resource: consumer }));
    const subscribe = ['--action', 'kinesis:SubscribeToShard', '--resource', consumer, '--principal', READER, '--identity-policy', 'efo.json'];
    assert.deepEqual(decisions(...subscribe, '--resource-policy', 'efo.consumer-policy.json'), ['kinesis:SubscribeToShard allowed']);
    assert.deepEqual(decisions(...subscribe, '--resource-policy', 'efo.stream-policy.json'), ['kinesis:SubscribeToShard implicitly-denied'], "the stream's policy does not share the consumer");
    assert.deepEqual(decisions('--action', 'kinesis:ListShards', '--resource', STREAM, '--principal', READER, '--identity-policy', 'efo.json', '--resource-policy', 'efo.stream-policy.json'), ['kinesis:ListShards allowed']);
    // The whole job, the consumer known to its creation timestamp: both resource policies apply, each to its own requests.
    const job = json('--job', 'efo-consumer', '--consumer', 'analytics:1700000000', '--resource', STREAM, '--principal', READER, '--identity-policy', 'efo.json', '--resource-policy', 'efo.stream-policy.json', '--resource-policy', 'efo.consumer-policy.json');
    assert.equal(job.status, 0, JSON.stringify(job.results.filter((r) => r.decision !== 'allowed')));
    assert.ok(job.results.some((r) => r.action === 'kinesis:SubscribeToShard' && r.resource === consumer));
  });

  it('exits 2 for a usage error or a file it cannot use', () => {
    assert.equal(run('--resource', STREAM).status, 2, 'no action or job');
    assert.equal(run('--action', 'kinesis:GetRecords').status, 2, 'no resource');
    assert.equal(run('--job', 'kcl-consumer', '--resource', STREAM).status, 2, 'no lease table');
    assert.equal(run('--action', 'kinesis:GetRecords', '--resource', STREAM, '--context', 'novalue').status, 2);
    assert.equal(run('--action', 'kinesis:GetRecords', '--resource', 'orders').status, 2, 'not an ARN');
    assert.equal(run('--action', 'kinesis:GetRecords', '--resource', STREAM, '--principal', 'bob').status, 2, 'not a principal');
    assert.equal(run('--job', 'cross-account-reader', '--resource', STREAM).status, 2, 'a cross-account job without the other account');
    assert.equal(run('--action', 'kinesis:Get*', '--resource', STREAM).status, 2, 'one action at a time; a job for many');
    const typo = run('--action', 'kinesis:GetRecordz', '--resource', STREAM);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /kinesis:GetRecordz is not an action in the IAM data .* Did you mean kinesis:GetRecords\?/);
    assert.equal(run('--action', 'kinesis:GetRecords', '--resource', STREAM, '--context', 'aws:SourceVpc=vpc-1', '--absent', 'aws:sourcevpc').status, 2, 'present and absent at once');
    const missing = run('--action', 'kinesis:GetRecords', '--resource', STREAM, '--identity-policy', 'nope.json');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read nope\.json/);
    file('broken.json', '{"Statement": [');
    assert.equal(run('--action', 'kinesis:GetRecords', '--resource', STREAM, '--identity-policy', 'broken.json').status, 2);
  });
});

describe('kinesis-policy test', () => {
  const run = (cwd: string, ...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, 'test', ...args], { cwd, encoding: 'utf8', env: ENGLISH });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it("runs the example's access tests: all hold", () => {
    const result = run(ROOT, 'examples');
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /4 of 4 access tests passed\./);
  });

  it('fails a test whose expectation does not hold, saying where and why, in text, JSON and SARIF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinesis-access-tests-'));
    writeFileSync(join(dir, 'reader.json'), policy({ Action: 'kinesis:GetRecords', Resource: STREAM }));
    const tests = {
      policies: { identity: { [READER]: ['reader.json'] } },
      tests: [
        { name: 'reads in its own account', principal: `arn:aws:iam::${OWNER}:role/x`, action: 'kinesis:GetRecords', resource: STREAM, expect: 'denied' },
        { name: 'reads across accounts', principal: READER, action: 'kinesis:GetRecords', resource: STREAM, expect: 'allowed' },
      ],
    };
    writeFileSync(join(dir, 'orders.access.json'), JSON.stringify(tests, null, 2));
    const text = run(dir, '.');
    assert.equal(text.status, 1);
    assert.match(text.stdout, /ok {4}reads in its own account/);
    assert.match(text.stdout, /FAIL {2}reads across accounts \(orders\.access\.json:\d+\): expected allowed, got implicitly-denied/);
    assert.match(text.stdout, /1 of 2 access tests passed, 1 failed\./);
    const json = JSON.parse(run(dir, '.', '--format', 'json').stdout) as { tests: { name: string; passed: boolean; line: number; results: JsonResult[] }[] };
    assert.deepEqual(json.tests.map((t) => [t.name, t.passed]), [['reads in its own account', true], ['reads across accounts', false]]);
    assert.equal(json.tests[1].results[0].decision, 'implicitly-denied');
    const sarif = JSON.parse(run(dir, '.', '--format', 'sarif').stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    assert.deepEqual(sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.region.startLine]), [['access-test/failed', json.tests[1].line]]);
  });

  it('reads policy paths relative to the test file, absolute, or written with backslashes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinesis-access-paths-'));
    mkdirSync(join(dir, 'tests', 'policies'), { recursive: true });
    writeFileSync(join(dir, 'tests', 'policies', 'reader.json'), policy({ Action: 'kinesis:GetRecords', Resource: STREAM }));
    const absolute = join(dir, 'tests', 'policies', 'reader.json');
    const tests = (path: string) => ({
      policies: { identity: { [`arn:aws:iam::${OWNER}:role/reader`]: [path] } },
      tests: [{ name: 'reads', principal: `arn:aws:iam::${OWNER}:role/reader`, action: 'kinesis:GetRecords', resource: STREAM, expect: 'allowed' }],
    });
    for (const [name, path] of [['relative', 'policies/reader.json'], ['absolute', absolute], ['backslashes', 'policies\\reader.json']]) {
      writeFileSync(join(dir, 'tests', 'paths.access.json'), JSON.stringify(tests(path)));
      const result = run(dir, 'tests');
      assert.equal(result.status, 0, `${name}: ${result.stdout}${result.stderr}`);
    }
  });

  it('exits 2 for a test file it cannot read as one, and for a folder without any', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinesis-access-bad-'));
    writeFileSync(join(dir, 'misspelt.access.json'), JSON.stringify({ tests: [{ name: 'typo', Principal: READER, action: 'kinesis:GetRecords', resource: STREAM, expect: 'denied' }] }));
    writeFileSync(join(dir, 'cut.access.json'), '{"tests": [');
    const cut = run(dir, 'cut.access.json');
    assert.equal(cut.status, 2, 'a file cut short does not pass with the tests it still has');
    assert.match(cut.stderr, /cut\.access\.json:1: Not valid JSON/);
    writeFileSync(join(dir, 'names.access.json'), JSON.stringify({ tests: [{ name: 'bad principal', principal: 'bob', action: 'kinesis:GetRecords', resource: STREAM, expect: 'denied' }] }));
    assert.match(run(dir, 'names.access.json').stderr, /bad principal: "principal" is a role, user or assumed-role ARN/);
    const misspelt = run(dir, 'misspelt.access.json');
    assert.equal(misspelt.status, 2);
    assert.match(misspelt.stderr, /typo: "Principal" is not a key of a test/);
    writeFileSync(join(dir, 'bad.access.json'), JSON.stringify({ tests: [{ name: 'no expect', action: 'kinesis:GetRecords', resource: STREAM }] }));
    const bad = run(dir, '.');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad\.access\.json:1: no expect: "expect" is "allowed" or "denied"\./);
    const empty = mkdtempSync(join(tmpdir(), 'kinesis-access-none-'));
    assert.equal(run(empty, '.').status, 2);
  });
});
