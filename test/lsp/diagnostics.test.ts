import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { PolicyKindNotification, type PolicyKindStatus } from '../../common/src/protocol';
import { LspClient } from '../support/lspClient';

const SHARE = `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"AWS": "111122223333"},
    "Action": ["kinesis:Get*"],
    "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
  }]
}`;

describe('diagnostics over LSP', () => {
  let client: LspClient;

  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client.stop();
  });

  it('publishes diagnostics with code, range, source and documentation link when a policy opens', async () => {
    await client.open('file:///ws/share.json', SHARE);
    const { diagnostics, version } = await client.diagnostics('file:///ws/share.json');
    assert.equal(version, 1);
    const [wildcard] = diagnostics.filter((d) => d.code === 'resource-policy/wildcard-action');
    assert.deepEqual(wildcard.range, { start: { line: 5, character: 15 }, end: { line: 5, character: 29 } });
    assert.equal(wildcard.severity, 1);
    assert.equal(wildcard.source, 'kinesis-policy');
    assert.match(wildcard.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\.md#resource-policy\/wildcard-action$/);
  });

  it('updates after an edit, for the latest version, never going back to an older one', async () => {
    const uri = 'file:///ws/share.json';
    const before = client.published.length;
    // "kinesis:Get*" becomes "kinesis:GetRecords" in six quick edits: delete the star, type the rest.
    const at = (character: number) => ({ start: { line: 5, character }, end: { line: 5, character } });
    await client.change(uri, [{ range: { start: { line: 5, character: 27 }, end: { line: 5, character: 28 } }, text: '' }]);
    for (const [i, text] of ['R', 'e', 'c', 'o', 'rds'].entries()) await client.change(uri, [{ range: at(27 + i), text }]);
    const published = await client.diagnostics(uri, (p) => p.version === 7, before);
    assert.deepEqual(published.diagnostics.map((d) => d.code), []);
    // A quick document is checked at once after each edit that finds it idle (the scheduler's tests
    // say when); whatever is published comes in order and ends with the last version.
    const versions = client.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions);
    assert.equal(versions.at(-1), 7);
  });

  it('applies settings changes without a restart', async () => {
    const uri = 'file:///ws/consumer.json';
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords'], Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders' }],
    });
    await client.open(uri, text);
    const first = await client.diagnostics(uri);
    assert.deepEqual(first.diagnostics.map((d) => [d.code, d.severity]), [
      ['kcl/missing-lease-table-permissions', 3],
      ['kcl/missing-metrics-permission', 3],
      ['kcl/missing-list-shards', 3],
      ['kinesis/kms-permissions', 4],
    ]);
    const mark = client.published.length;
    await client.changeSettings({ rules: { 'kinesis/kms-permissions': 'off' }, kcl: { assumeKcl: true } });
    const second = await client.diagnostics(uri, () => true, mark);
    assert.deepEqual(second.diagnostics.map((d) => [d.code, d.severity]), [
      ['kcl/missing-lease-table-permissions', 2],
      ['kcl/missing-metrics-permission', 2],
      ['kcl/missing-list-shards', 2],
    ]);
    const again = client.published.length;
    await client.changeSettings({ kcl: { version: 'none' }, rules: { 'kinesis/kms-permissions': 'off' } });
    assert.deepEqual((await client.diagnostics(uri, () => true, again)).diagnostics, []);
  });

  it('forces the policy kind by file pattern', async () => {
    const mark = client.published.length;
    await client.changeSettings({ files: { resourcePolicies: ['**/shared/*.json'] } });
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders' }] });
    await client.open('file:///ws/shared/stream.json', text);
    const published = await client.diagnostics('file:///ws/shared/stream.json', () => true, mark);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['resource-policy/missing-principal']);
  });

  it('reads *.vpce-policy.json as a VPC endpoint policy by default', async () => {
    const mark = client.published.length;
    await client.changeSettings({});
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kinesis:*', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders' }] });
    await client.open('file:///ws/kinesis.vpce-policy.json', text);
    assert.deepEqual((await client.diagnostics('file:///ws/kinesis.vpce-policy.json', () => true, mark)).diagnostics, []);
    await client.open('file:///ws/kinesis-stream.json', text);
    const hedged = await client.diagnostics('file:///ws/kinesis-stream.json', () => true, mark);
    assert.deepEqual(hedged.diagnostics.map((d) => [d.code, d.severity]), [['resource-policy/wildcard-action', 2], ['resource-policy/wildcard-principal', 2]]);
  });

  it('holds a new finding on the string being typed until the user pauses, and keeps showing one already shown', async () => {
    const uri = 'file:///ws/typing.json';
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 'kinesis:PutRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders' }] }, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('kinesis:PutRecords'));
    const column = text.split('\n')[line].indexOf('PutRecords') + 'PutR'.length;
    const unknown = (p: { diagnostics: { code?: unknown; range: { start: { line: number } } }[] }) => p.diagnostics.filter((d) => d.code === 'iam/unknown-action');
    const mark = client.published.length;
    await client.changeSettings({ validate: { delay: 0, typingPause: 400 } });
    await client.open(uri, text);
    const opened = await client.diagnostics(uri, () => true, mark);
    assert.deepEqual(unknown(opened), []);
    const typed = client.published.length;
    // Backspace over "ecords": "kinesis:PutR", as while choosing from the completion list.
    await client.change(uri, [{ range: { start: { line, character: column }, end: { line, character: column + 6 } }, text: '' }]);
    const first = await client.diagnostics(uri, (p) => p.version === 2, typed);
    assert.deepEqual(unknown(first), [], 'nothing on the word being typed yet');
    const paused = await client.diagnostics(uri, (p) => p.version === 2 && unknown(p).length > 0, typed);
    assert.deepEqual(unknown(paused).map((d) => d.range.start.line), [line]);
    // Typing on in the string keeps the finding it already shows (no flicker), updated to the new text.
    const more = client.published.length;
    await client.change(uri, [{ range: { start: { line, character: column }, end: { line, character: column } }, text: 'x' }]);
    const next = await client.diagnostics(uri, (p) => p.version === 3, more);
    assert.deepEqual(unknown(next).map((d) => d.range.start.line), [line]);
    assert.match(JSON.stringify(next.diagnostics.find((d) => d.code === 'iam/unknown-action')?.message), /PutRx/);
    await client.changeSettings({});
  });

  it('says how each document is read, and what decided it, when that changes', async () => {
    const statuses: PolicyKindStatus[] = [];
    client.connection.onNotification(PolicyKindNotification.method, (status: PolicyKindStatus) => {
      statuses.push(status);
    });
    const mark = client.published.length;
    await client.changeSettings({});
    const identity = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders' }] });
    const consumerShare = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'kinesis:SubscribeToShard', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/app:1' }],
    });
    await client.open('file:///ws/kinds/producer.json', identity);
    await client.open('file:///ws/kinds/app.consumer-policy.json', consumerShare);
    await client.open('file:///ws/kinds/package.json', '{"name": "x"}');
    for (const uri of ['file:///ws/kinds/producer.json', 'file:///ws/kinds/app.consumer-policy.json', 'file:///ws/kinds/package.json']) await client.diagnostics(uri, () => true, mark);
    const last = (uri: string) => statuses.filter((s) => s.uri === uri).at(-1);
    assert.deepEqual(last('file:///ws/kinds/producer.json'), { uri: 'file:///ws/kinds/producer.json', kind: 'identity', decidedBy: 'content' });
    assert.deepEqual(last('file:///ws/kinds/app.consumer-policy.json'), {
      uri: 'file:///ws/kinds/app.consumer-policy.json',
      kind: 'kinesis-resource',
      decidedBy: 'file pattern',
      resource: 'consumer',
    });
    assert.deepEqual(last('file:///ws/kinds/package.json'), { uri: 'file:///ws/kinds/package.json' });
    // An edit that changes nothing of how it is read sends nothing.
    const before = statuses.length;
    await client.change('file:///ws/kinds/producer.json', [{ text: identity.replace('PutRecord', 'PutRecords') }]);
    await client.diagnostics('file:///ws/kinds/producer.json', (p) => p.version === 2, mark);
    assert.equal(statuses.length, before);
  });

  it('clears diagnostics when the document closes', async () => {
    const mark = client.published.length;
    await client.close('file:///ws/share.json');
    const cleared = await client.diagnostics('file:///ws/share.json', () => true, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('publishes nothing but an empty list for JSON that is not a policy', async () => {
    await client.open('file:///ws/package.json', '{"name": "x", "version": "1.0.0"}');
    assert.deepEqual((await client.diagnostics('file:///ws/package.json')).diagnostics, []);
  });
});
