import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, DEFAULT_SETTINGS } from '../../server/src/service';
import { fieldEnd, parseArn } from '../../server/src/service/catalog/arn';
import { variablesAsGlob } from '../../server/src/service/catalog/arnPatterns';
import { loadCatalog, sharedCatalog } from '../support/catalog';

describe('IAM catalog', () => {
  it('has every service, and loads only Kinesis, DynamoDB, CloudWatch and KMS at start', () => {
    const { catalog, reads } = loadCatalog();
    assert.ok(catalog.services().length > 400);
    assert.deepEqual(reads, ['kinesis', 'dynamodb', 'cloudwatch', 'kms']);
    assert.ok(catalog.action('s3:GetObject'));
    assert.deepEqual(reads.slice(4), ['s3'], 'another service is read on first use, once');
    catalog.action('s3:PutObject');
    assert.equal(reads.length, 5);
  });

  it('lists every service\'s actions in the order of their names', () => {
    const catalog = sharedCatalog();
    for (const { prefix } of catalog.services()) {
      const names = catalog.service(prefix)?.actions.map((a) => a.name) ?? [];
      assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en')), prefix);
    }
  });

  it('reads an ARN of tens of thousands of variables, field by field', () => {
    const head = 'arn:aws:kinesis:us-east-1:111122223333:stream/';
    const arn = `${head}${'${aws:username}'.repeat(70_000)}`;
    // No colon outside a variable after the fifth: a loop over the variables, not a call each.
    assert.equal(fieldEnd(arn, head.length), -1);
    assert.equal(variablesAsGlob(arn), `${head}${'*'.repeat(70_000)}`);
    assert.equal(variablesAsGlob('arn:aws:kinesis:${Region}:${Account}:stream/${aws:username}'), 'arn:aws:kinesis:\u0001:\u0001:stream/*');
  });

  it('carries the data version and date', () => {
    const catalog = sharedCatalog();
    assert.match(catalog.dataDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(catalog.dataVersion, /^\d+\.\d+\.\d{9}$/);
  });

  it('finds actions case-insensitively, in AWS spelling', () => {
    const action = sharedCatalog().action('KINESIS:getrecords');
    assert.equal(action?.qualifiedName, 'kinesis:GetRecords');
    assert.equal(action?.accessLevel, 'Read');
    assert.deepEqual(action?.resourceTypes, [{ name: 'stream', required: true, conditionKeys: ['aws:ResourceTag/${TagKey}'] }]);
    assert.equal(sharedCatalog().action('kinesis:Nope'), undefined);
    assert.equal(sharedCatalog().action('nope:GetRecords'), undefined);
  });

  it('normalises compound access levels', () => {
    assert.equal(sharedCatalog().action('kinesis:AddTagsToStream')?.accessLevel, 'Tagging');
    assert.equal(sharedCatalog().action('kms:PutKeyPolicy')?.accessLevel, 'Permissions management');
  });

  it('expands * and ? wildcards', () => {
    const names = (p: string) => sharedCatalog().matchActions(p).map((a) => a.qualifiedName);
    assert.deepEqual(names('kinesis:Get*'), ['kinesis:GetRecords', 'kinesis:GetResourcePolicy', 'kinesis:GetShardIterator']);
    assert.deepEqual(names('kinesis:PutRecord?'), ['kinesis:PutRecords']);
    assert.deepEqual(names('kinesis:*Stream?onsumer'), ['kinesis:DeregisterStreamConsumer', 'kinesis:DescribeStreamConsumer', 'kinesis:RegisterStreamConsumer']);
    assert.equal(names('kinesis:*').length, 47);
    assert.deepEqual(names('KINESIS:putrecords'), ['kinesis:PutRecords']);
    assert.deepEqual(names('kinesis:Nothing*'), []);
    assert.ok(names('kinesis*:Get*').includes('kinesis:GetRecords'));
    assert.ok(names('kinesis*:Get*').some((n) => n.startsWith('kinesisanalytics:')));
    assert.ok(names('*').length > 15000);
  });

  it('fixes the Kinesis consumer ARN template', () => {
    const consumer = sharedCatalog().service('kinesis')?.resourceType('consumer');
    assert.equal(consumer?.arn, 'arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}/consumer/${ConsumerName}:${CreationTimestamp}');
  });

  it('tells stream from consumer ARNs, by the most specific template', () => {
    const describe = (arn: string) => sharedCatalog().describeArn(arn)?.resourceType?.name;
    assert.equal(describe('arn:aws:kinesis:us-east-1:111122223333:stream/orders'), 'stream');
    assert.equal(describe('arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/app:1674696300'), 'consumer');
    assert.equal(describe('arn:aws:kms:us-east-1:111122223333:key/1234abcd'), 'key');
    assert.equal(describe('arn:aws:kinesis:us-east-1:111122223333:*'), undefined);
    assert.equal(sharedCatalog().describeArn('not an arn'), undefined);
    assert.equal(sharedCatalog().describeArn('arn:aws:kinesis'), undefined);
  });

  it('splits an ARN into its five fields and the resource, which keeps its colons', () => {
    assert.deepEqual(parseArn('arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/app:1674696300'), {
      partition: 'aws',
      service: 'kinesis',
      region: 'us-east-1',
      account: '111122223333',
      resource: 'stream/orders/consumer/app:1674696300',
    });
    assert.deepEqual(parseArn('arn:::::'), { partition: '', service: '', region: '', account: '', resource: '' });
    assert.deepEqual(parseArn('arn:aws:s3:::bucket:'), { partition: 'aws', service: 's3', region: '', account: '', resource: 'bucket:' });
    assert.equal(parseArn('arn:aws:s3::bucket'), undefined);
    assert.equal(parseArn('ARN:aws:s3:::bucket:x'), undefined);
    // Only the first five colons split: a long run of them is the resource, whole.
    const colons = ':'.repeat(4_000_000);
    assert.equal(parseArn(`arn${colons}`)?.resource.length, 4_000_000 - 5);
  });

  it('resolves condition keys, global and per service, templates included', () => {
    const catalog = sharedCatalog();
    assert.deepEqual(
      (({ name, type, global }) => ({ name, type, global }))(catalog.conditionKey('aws:SourceVpce')!),
      { name: 'aws:SourceVpce', type: 'String', global: true },
    );
    assert.equal(catalog.conditionKey('aws:PrincipalTag/team')?.name, 'aws:PrincipalTag/${TagKey}');
    assert.equal(catalog.conditionKey('kinesis:fisactionid')?.name, 'kinesis:FisActionId');
    assert.equal(catalog.conditionKey('dynamodb:LeadingKeys')?.type, 'ArrayOfString');
    assert.equal(catalog.conditionKey('kinesis:NoSuchKey'), undefined);
    assert.equal(catalog.conditionKey('nocolon'), undefined);
  });

  it('checks an "Action": "*" policy without reading every service', () => {
    const { catalog, reads } = loadCatalog();
    const service = createLanguageService({ catalog });
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }] });
    const document = TextDocument.create('file:///star.json', 'json', 1, text);
    const before = reads.length;
    const diagnostics = service.doValidation(document, service.parsePolicy(document), { settings: DEFAULT_SETTINGS, rulesDocumentation: 'x' });
    assert.ok(!diagnostics.some((d) => d.code === 'iam/unknown-action'));
    // Only s3, for NotAction "s3:*": "*" covers actions without any service being read for it.
    assert.deepEqual(reads.slice(before), ['s3']);
  });
});
