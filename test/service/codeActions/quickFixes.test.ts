import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { actionsFor, applyAction, fix, parseErrors, policy, problems, share, STREAM } from '../../support/codeActions';
import { codes, diagnose } from '../../support/service';
import { messageText } from '../../support/templates';

const TABLE = 'arn:aws:dynamodb:us-east-1:111122223333:table/OrdersApp';

/** Applies a fix and checks what every fix must: valid JSON, its diagnostic gone, no new error, nothing left to do. */
function fixed(text: string, code: string, title: string | RegExp): string {
  const before = problems(text);
  assert.ok(diagnose(text).some((d) => d.code === code), `${code} is reported before the fix`);
  const after = fix(text, title);
  assert.deepEqual(parseErrors(after), [], 'valid JSON');
  assert.ok(!diagnose(after).some((d) => d.code === code), `${code} is gone:\n${after}`);
  // Placeholders the fix writes (ACCOUNT_ID, ...) are for the user to fill in, and reported as such.
  const newErrors = problems(after).filter((c) => !before.includes(c) && c !== 'iam/placeholder');
  assert.deepEqual(newErrors, [], `no new problem:\n${after}`);
  assert.ok(!actionsFor(after).some((a) => a.title === title), 'the fix is not offered again');
  return after;
}

describe('quick fixes', () => {
  it('add the missing KCL lease-table actions to the DynamoDB statement', () => {
    const text = policy(
      { Sid: 'Read', Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords'], Resource: STREAM },
      { Sid: 'Table', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: TABLE },
      { Sid: 'Metrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' },
    );
    const after = fixed(text, 'kcl/missing-lease-table-permissions', /^Add the missing KCL lease-table actions/);
    const table = (JSON.parse(after) as { Statement: { Sid: string; Action: string[] }[] }).Statement[1];
    assert.deepEqual(table.Action, [
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:CreateTable',
      'dynamodb:DescribeTable',
      'dynamodb:Scan',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
    ]);
  });

  it('add a lease-table statement named after the stream when there is none', () => {
    const text = policy({ Sid: 'Read', Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords'], Resource: STREAM });
    const after = fix(text, /^Add the missing KCL lease-table actions/);
    const added = (JSON.parse(after) as { Statement: { Sid: string; Resource: string }[] }).Statement[1];
    assert.equal(added.Sid, 'KclLeaseTable');
    assert.equal(added.Resource, 'arn:aws:dynamodb:us-east-1:111122223333:table/APPLICATION_NAME');
    assert.deepEqual(codes(after).filter((c) => c.startsWith('kcl/missing-lease')), []);
    assert.deepEqual(codes(after).filter((c) => c === 'iam/placeholder'), ['iam/placeholder']);
  });

  it('add no lease-table statement that a Deny on every table takes away, and name the Deny', () => {
    const read = { Sid: 'Read', Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords'], Resource: STREAM };
    const keep = (resource?: string) => ({ Sid: 'KeepItems', Effect: 'Deny', Action: 'dynamodb:GetItem', ...(resource ? { Resource: resource } : {}) });
    const title = /^Add the missing KCL lease-table actions/;
    for (const denied of [policy(read, keep('*')), policy(read, keep('arn:aws:dynamodb:*:*:table/*')), policy(read, keep())]) {
      const finding = diagnose(denied).find((d) => d.code === 'kcl/missing-lease-table-permissions');
      assert.match(messageText(finding!), /The Deny in statement "KeepItems" takes away dynamodb:GetItem\.$/, denied);
      assert.ok(!actionsFor(denied).some((a) => title.test(a.title)), `no fix that cannot work:\n${denied}`);
    }
    // A Deny on the tables of another region leaves the table the fix names alone.
    const after = fix(policy(read, keep('arn:aws:dynamodb:eu-west-1:*:table/*')), title);
    assert.deepEqual(codes(after).filter((c) => c.startsWith('kcl/missing-lease')), []);
  });

  it('name the lease table after the application a KCL 3.x metadata table names', () => {
    const metrics = 'arn:aws:dynamodb:us-east-1:111122223333:table/orders-app-WorkerMetricStats';
    const text = policy({ Sid: 'Read', Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords'], Resource: [STREAM, metrics] });
    const after = fix(text, /^Add the missing KCL lease-table actions/);
    const added = (JSON.parse(after) as { Statement: { Sid: string; Resource: string }[] }).Statement[1];
    assert.equal(added.Resource, 'arn:aws:dynamodb:us-east-1:111122223333:table/orders-app');
    assert.deepEqual(codes(after).filter((c) => c.startsWith('kcl/missing-lease')), []);
  });

  it('add what KCL 3.x needs beyond the seven table actions: UpdateTable, the index, the metadata tables', () => {
    const v3 = { kclVersion: '3.x' as const };
    const lease7 = ['dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];
    const text = policy(
      { Effect: 'Allow', Action: ['kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'], Resource: STREAM },
      { Sid: 'Lease', Effect: 'Allow', Action: lease7, Resource: TABLE },
      { Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' },
    );
    const after = fix(text, /^Add the missing KCL lease-table actions \(UpdateTable, Query\) and metadata tables$/, v3);
    assert.deepEqual(parseErrors(after), []);
    const statements = (JSON.parse(after) as { Statement: { Sid?: string; Action: string | string[]; Resource: string | string[] }[] }).Statement;
    assert.deepEqual(statements[1].Action, [...lease7, 'dynamodb:UpdateTable']);
    assert.deepEqual(statements.slice(3), [
      { Sid: 'KclLeaseTableIndex', Effect: 'Allow', Action: ['dynamodb:Query'], Resource: `${TABLE}/index/*` },
      { Sid: 'KclMetadataTables', Effect: 'Allow', Action: lease7, Resource: [`${TABLE}-WorkerMetricStats`, `${TABLE}-CoordinatorState`] },
    ]);
    assert.deepEqual(problems(after, v3), []);
  });

  it('add what a lease table granted on "*" lacks to that grant, which covers the index and the metadata tables too', () => {
    const v3 = { kclVersion: '3.x' as const };
    const granted = ['kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards', 'dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'cloudwatch:PutMetricData'];
    const text = policy({ Sid: 'Everything', Effect: 'Allow', Action: granted, Resource: '*' });
    const finding = diagnose(text, v3).find((d) => d.code === 'kcl/missing-lease-table-permissions');
    assert.match(
      finding ? messageText(finding) : '',
      /needs dynamodb:Scan, dynamodb:UpdateTable on its lease table \(every table\); dynamodb:Query on its index \(table\/APP\/index\/\*\); dynamodb:Scan on APP-WorkerMetricStats and APP-CoordinatorState \(/,
    );
    const after = fix(text, /^Add the missing KCL lease-table actions \(Scan, UpdateTable, Query\)/, v3);
    assert.deepEqual((JSON.parse(after) as { Statement: unknown[] }).Statement, [
      { Sid: 'Everything', Effect: 'Allow', Action: [...granted, 'dynamodb:Scan', 'dynamodb:UpdateTable', 'dynamodb:Query'], Resource: '*' },
    ]);
    assert.deepEqual(problems(after, v3), [], after);
    // Without a statement on "*" to add to (a NotAction grant), a statement on "*" of its own: never "*/index/*".
    const notAction = JSON.stringify({ Statement: [{ NotAction: ['dynamodb:Query'], Effect: 'Allow' }] });
    const added = fix(notAction, /^Add the missing KCL lease-table actions \(Query\)$/, v3);
    assert.deepEqual((JSON.parse(added) as { Statement: unknown[] }).Statement[1], { Sid: 'KclLeaseTable', Effect: 'Allow', Action: ['dynamodb:Query'], Resource: '*' });
    assert.ok(!codes(added, v3).includes('iam/invalid-arn'), added);
  });

  it("name the index of a lease table granted by a pattern by the pattern's ARN", () => {
    const v3 = { kclVersion: '3.x' as const };
    const pattern = 'arn:aws:dynamodb:us-east-1:111122223333:table/orders-*';
    const lease = ['dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateTable'];
    const text = policy(
      { Effect: 'Allow', Action: ['kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'], Resource: STREAM },
      { Effect: 'Allow', Action: lease, Resource: pattern },
    );
    const finding = diagnose(text, v3).find((d) => d.code === 'kcl/missing-lease-table-permissions');
    assert.match(finding ? messageText(finding) : '', /needs dynamodb:Query on the index of its lease table \(arn:aws:dynamodb:us-east-1:111122223333:table\/orders-\*\/index\/\*\)/);
  });

  it('offer no fix for what a Deny takes away', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['kinesis:DescribeStreamSummary', 'kinesis:Get*', 'kinesis:ListShards'], Resource: STREAM },
      { Effect: 'Deny', Action: 'kinesis:GetShardIterator', Resource: STREAM },
    );
    const read = diagnose(text).filter((d) => d.code === 'consumer/incomplete-read');
    assert.equal(read.length, 1);
    assert.deepEqual(actionsFor(text, read).filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Show documentation')).map((a) => a.title), []);
  });

  it('add cloudwatch:PutMetricData on "*"', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'], Resource: STREAM },
      { Effect: 'Allow', Action: ['dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'], Resource: TABLE },
    );
    const after = fixed(text, 'kcl/missing-metrics-permission', 'Add cloudwatch:PutMetricData on "*"');
    assert.deepEqual(problems(after), []);
  });

  it('narrow dynamodb:* to what the KCL needs', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'], Resource: STREAM },
      { Effect: 'Allow', Action: ['dynamodb:*'], Resource: TABLE },
      { Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' },
    );
    const after = fixed(text, 'kcl/broad-dynamodb-access', /^Narrow "dynamodb:\*" to the 7 actions the KCL needs$/);
    assert.deepEqual(problems(after), []);
  });

  it('narrow kinesis:* on every stream to what the producer needs', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: STREAM },
      { Effect: 'Allow', Action: ['kinesis:*'], Resource: '*' },
    );
    const after = fixed(text, 'kinesis/broad-access', 'Narrow "kinesis:*" to the 5 actions this producer needs');
    assert.deepEqual((JSON.parse(after) as { Statement: { Action: string[] }[] }).Statement[1].Action, [
      'kinesis:DescribeStream',
      'kinesis:DescribeStreamSummary',
      'kinesis:ListShards',
      'kinesis:PutRecord',
      'kinesis:PutRecords',
    ]);
  });

  it('add the missing describe and iterator actions', () => {
    const producer = policy({ Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: STREAM });
    const after = fixed(producer, 'producer/missing-describe-stream', 'Add kinesis:DescribeStreamSummary');
    assert.match(after, /"kinesis:PutRecords",\n\s+"kinesis:DescribeStreamSummary"\n/);
    const reader = policy({ Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:GetRecords'], Resource: STREAM });
    fixed(reader, 'consumer/incomplete-read', 'Add kinesis:GetShardIterator');
  });

  it('replace a wildcard in a resource policy with the shareable actions that fit the resource', () => {
    const text = policy(share({ Action: ['kinesis:Get*', 'kinesis:DescribeStreamSummary'] }));
    const after = fixed(text, 'resource-policy/wildcard-action', 'Replace the wildcard with the shareable actions it covers');
    assert.deepEqual((JSON.parse(after) as { Statement: { Action: string[] }[] }).Statement[0].Action, [
      'kinesis:GetRecords',
      'kinesis:GetShardIterator',
      'kinesis:DescribeStreamSummary',
    ]);
    const consumer = policy(share({ Action: 'kinesis:*', Resource: `${STREAM}/consumer/app:1674696300` }));
    const consumerAfter = fix(consumer, 'Replace the wildcard with the shareable actions it covers');
    assert.deepEqual((JSON.parse(consumerAfter) as { Statement: { Action: string[] }[] }).Statement[0].Action, ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard']);
  });

  it('remove disallowed principals, asking for an account when none is left', () => {
    const text = policy(share({ Action: 'kinesis:GetRecords', Principal: { AWS: '444455556666', Service: 'lambda.amazonaws.com' } }));
    const after = fixed(text, 'resource-policy/service-principal', 'Remove the principal');
    assert.deepEqual((JSON.parse(after) as { Statement: { Principal: unknown }[] }).Statement[0].Principal, { AWS: '444455556666' });
    const everyone = policy(share({ Action: 'kinesis:GetRecords', Principal: '*' }));
    const replaced = fix(everyone, 'Remove the principal');
    assert.deepEqual((JSON.parse(replaced) as { Statement: { Principal: unknown }[] }).Statement[0].Principal, { AWS: 'arn:aws:iam::OTHER_ACCOUNT_ID:root' });
    assert.deepEqual(problems(replaced), ['iam/placeholder']);
    // In the China partition, an account of the China partition.
    const china = policy(share({ Action: 'kinesis:GetRecords', Principal: '*', Resource: 'arn:aws-cn:kinesis:cn-north-1:111122223333:stream/orders' }));
    const replacedInChina = fix(china, 'Remove the principal');
    assert.deepEqual((JSON.parse(replacedInChina) as { Statement: { Principal: unknown }[] }).Statement[0].Principal, { AWS: 'arn:aws-cn:iam::OTHER_ACCOUNT_ID:root' });
    assert.deepEqual(problems(replacedInChina), ['iam/placeholder']);
  });

  it('move a consumer action to a consumer-ARN statement, and ListStreams to "*"', () => {
    const text = policy(share({ Action: ['kinesis:DescribeStreamSummary', 'kinesis:SubscribeToShard'] }));
    const after = fixed(text, 'resource-policy/resource-mismatch', 'Move kinesis:SubscribeToShard to a statement on the consumer ARN');
    const statements = (JSON.parse(after) as { Statement: { Sid: string; Action: string[]; Resource: string; Principal: unknown }[] }).Statement;
    assert.deepEqual(statements[0].Action, ['kinesis:DescribeStreamSummary']);
    assert.deepEqual(statements[1], {
      Sid: 'MovedActions',
      Effect: 'Allow',
      Principal: { AWS: '444455556666' },
      Action: ['kinesis:SubscribeToShard'],
      Resource: `${STREAM}/consumer/CONSUMER_NAME:CREATION_TIMESTAMP`,
    } as never);
    const identity = policy({ Effect: 'Allow', Action: ['kinesis:DescribeStreamSummary', 'kinesis:ListStreams'], Resource: STREAM });
    const moved = fixed(identity, 'iam/action-resource-mismatch', 'Move kinesis:ListStreams to a statement on "*"');
    assert.equal((JSON.parse(moved) as { Statement: { Resource: string }[] }).Statement[1].Resource, '*');
    const alone = policy({ Effect: 'Allow', Action: 'kinesis:ListStreams', Resource: STREAM });
    assert.equal((JSON.parse(fix(alone, 'Move kinesis:ListStreams to a statement on "*"')) as { Statement: { Resource: string }[] }).Statement[0].Resource, '*');
  });

  it('move an action to a new statement of a resource policy with an account of the stream’s partition', () => {
    // The source names no principal (its NotPrincipal is empty): the new statement asks for an account, in aws-cn as the stream is.
    const china = 'arn:aws-cn:kinesis:cn-north-1:111122223333:stream/orders';
    const text = policy(
      { Sid: 'Share', Effect: 'Allow', Principal: { AWS: 'arn:aws-cn:iam::444455556666:root' }, Action: 'kinesis:GetRecords', Resource: china },
      { Sid: 'Mixed', Effect: 'Allow', NotPrincipal: {}, Action: ['kinesis:PutRecord', 'kinesis:GetRecords'], Resource: [china, 'arn:aws-cn:dynamodb:cn-north-1:111122223333:table/App'] },
    );
    // GetRecords stays in the statement, and with it a finding of the same rule: the fix is checked here rather than by `fixed`.
    const before = problems(text);
    const after = fix(text, 'Move kinesis:PutRecord to a statement on the stream ARN');
    const moved = (JSON.parse(after) as { Statement: { Sid: string; Principal: unknown; Resource: unknown }[] }).Statement.find((st) => st.Sid === 'MovedActions');
    assert.deepEqual(moved?.Principal, { AWS: 'arn:aws-cn:iam::OTHER_ACCOUNT_ID:root' });
    assert.equal(moved?.Resource, china);
    assert.deepEqual(problems(after).filter((c) => !before.includes(c)), ['iam/placeholder'], 'no principal of another partition');
  });

  it('replace an unknown action with the suggestion, and fix all of them', () => {
    const text = policy({ Effect: 'Allow', Action: ['kinesis:DescribeStreamSumary', 'kinesis:PutRecrods'], Resource: STREAM });
    const after = fix(text, 'Change to kinesis:DescribeStreamSummary');
    assert.match(after, /"kinesis:DescribeStreamSummary",\n\s+"kinesis:PutRecrods"/);
    assert.equal(diagnose(after).filter((d) => d.code === 'iam/unknown-action').length, 1);
    fixed(after, 'iam/unknown-action', 'Change to kinesis:PutRecords');
    const all = fix(text, 'Fix all iam/unknown-action problems in the file');
    assert.deepEqual((JSON.parse(all) as { Statement: { Action: string[] }[] }).Statement[0].Action, ['kinesis:DescribeStreamSummary', 'kinesis:PutRecords']);
    assert.deepEqual(problems(all), []);
  });

  it('spell a principal type as IAM does', () => {
    const text = `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Aws: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }, null, 2)}\n`;
    const after = fixed(text, 'iam/invalid-principal', 'Change to AWS');
    assert.equal(after, text.replace('"Aws"', '"AWS"'));
  });

  it('add the Version and fix the Effect', () => {
    const text = `{\n  "Statement": [\n    {\n      "Effect": "allow",\n      "Action": "kinesis:ListStreams",\n      "Resource": "*"\n    }\n  ]\n}\n`;
    const versioned = fixed(text, 'iam/invalid-version', 'Set "Version": "2012-10-17"');
    assert.ok(versioned.startsWith('{\n  "Version": "2012-10-17",\n  "Statement"'), versioned);
    const effect = fixed(versioned, 'iam/invalid-effect', 'Set "Effect": "Allow"');
    assert.deepEqual(problems(effect), []);
  });

  it('remove redundant actions, one or all', () => {
    const text = policy({ Effect: 'Allow', Action: ['kinesis:Get*', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary'], Resource: STREAM });
    const one = fix(text, 'Remove the redundant action');
    assert.deepEqual((JSON.parse(one) as { Statement: { Action: string[] }[] }).Statement[0].Action, ['kinesis:Get*', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary']);
    const all = fix(text, 'Fix all iam/redundant-action problems in the file');
    assert.deepEqual((JSON.parse(all) as { Statement: { Action: string[] }[] }).Statement[0].Action, ['kinesis:Get*', 'kinesis:DescribeStreamSummary']);
  });

  it('remove the last entry of a compact array, leaving the rest as written', () => {
    const text = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["kinesis:Get*","kinesis:GetRecords"], "Resource": "${STREAM}"}]}`;
    assert.equal(fix(text, 'Remove the redundant action'), text.replace(',"kinesis:GetRecords"', ''));
  });

  it('offer Deny first for a statement with NotAction and no Effect, and no fix that cannot apply', () => {
    const text = policy({ NotAction: 'kinesis:DeleteStream', Resource: STREAM });
    const titles = actionsFor(text).filter((a) => a.kind === 'quickfix' && a.data !== undefined).map((a) => a.title);
    assert.deepEqual(titles, ['Set "Effect": "Deny"', 'Set "Effect": "Allow"']);
    const only = policy(share({ Action: 'kms:Decrypt' }));
    assert.deepEqual(actionsFor(only).filter((a) => a.title.startsWith('Remove kms')), [], 'the only action is not removed');
  });

  it('keep the document\'s indentation', () => {
    const tabs = policy({ Effect: 'Allow', Action: ['kinesis:PutRecord'], Resource: STREAM }).replace(/ {2}/g, '\t');
    const after = fix(tabs, 'Add kinesis:DescribeStreamSummary');
    assert.match(after, /\n\t\t\t"Action": \[\n\t\t\t\t"kinesis:PutRecord",\n\t\t\t\t"kinesis:DescribeStreamSummary"\n\t\t\t\]/);
  });

  it('offer no edit while the JSON is broken, and resolve an earlier one to no change', () => {
    const text = policy(share({ Action: 'kinesis:Get*' }));
    const offered = actionsFor(text).find((a) => a.title.startsWith('Replace'));
    assert.ok(offered, 'a fix is offered on the well-formed policy');
    // A string left open while typing swallows the rest of its line.
    const broken = text.replace('"kinesis:Get*"', '"kinesis:Get*');
    assert.ok(parseErrors(broken).length > 0);
    const actions = actionsFor(broken);
    assert.deepEqual(actions.filter((a) => a.data !== undefined).map((a) => a.title), []);
    assert.ok(actions.some((a) => a.command?.command === 'kinesisPolicy.showRuleDocumentation'), 'the documentation is still offered');
    assert.equal(applyAction(broken, offered), broken);
  });

  it('offer rule documentation for every diagnostic', () => {
    const text = policy(share({ Action: 'kinesis:Get*' }));
    const docs = actionsFor(text).filter((a) => a.command?.command === 'kinesisPolicy.showRuleDocumentation');
    assert.deepEqual(docs.map((a) => a.command?.arguments), [['resource-policy/wildcard-action']]);
  });

  it("change an ARN's partition to its region's", () => {
    const text = policy({ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: 'arn:aws:kinesis:cn-north-1:111122223333:stream/orders' });
    const after = fixed(text, 'iam/invalid-arn', 'Change the partition to aws-cn');
    assert.match(after, /"Resource": "arn:aws-cn:kinesis:cn-north-1:111122223333:stream\/orders"/);
  });
});
