import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { sharedCatalog } from '../../support/catalog';
import { wildcardMatcher } from '../../../server/src/service/catalog/wildcard';
import { codes, diagnose, findings, message } from '../../support/service';

const STREAM = 'arn:aws:kinesis:us-east-1:111122223333:stream/orders';

function policy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements.map((s) => ({ Effect: 'Allow', Resource: STREAM, ...s })) });
}

function messages(text: string, code: string): string[] {
  return diagnose(text).filter((d) => d.code === code).map(message);
}

describe('IAM rules', () => {
  it('reports unknown actions with the nearest real one', () => {
    const text = policy({ Action: ['kinesis:PutRecrods', 'kinesis:Nothing*', 'kinesys:PutRecord', 'PutRecord', 'kinesis:ListStreams'] });
    assert.deepEqual(findings(text, 'iam/unknown-action'), ['"kinesis:PutRecrods"', '"kinesis:Nothing*"', '"kinesys:PutRecord"', '"PutRecord"']);
    const [typo, wildcard, service, bare] = messages(text, 'iam/unknown-action');
    assert.match(typo, /matches no kinesis action.*Did you mean kinesis:PutRecords\?$/);
    assert.doesNotMatch(wildcard, /Did you mean/);
    assert.match(service, /"kinesys" is not an AWS service prefix.*Did you mean kinesis:PutRecord\?$/);
    assert.match(bare, /actions are written service:Action.*Did you mean kinesis:PutRecord\?$/);
    const data = diagnose(text).find((d) => d.code === 'iam/unknown-action')?.data as { suggestion: string };
    assert.equal(data.suggestion, 'kinesis:PutRecords');
  });

  it('checks NotAction entries too, and accepts any case', () => {
    assert.deepEqual(findings(policy({ Effect: 'Deny', NotAction: ['kinesis:Bogus'] }), 'iam/unknown-action'), ['"kinesis:Bogus"']);
    assert.deepEqual(codes(policy({ Action: ['KINESIS:describestreamsummary'] })), []);
  });

  it('reports malformed ARNs with the reason', () => {
    const bad = {
      'not-an-arn': /a resource is "\*" or an ARN/,
      'arn:aws:kinesis:us-east-1': /six colon-separated fields/,
      'arn:amazon:kinesis:us-east-1:111122223333:stream/a': /"amazon" is not an AWS partition/,
      'arn:aws:kinesis:us-east-1:1234:stream/a': /the account "1234" must be a 12-digit account id/,
      'arn:aws:kinesis:us-east-1:111122223333:streams/a': /a Kinesis resource is stream\/NAME or a consumer/,
      'arn:aws:kinesis:us-east-1:111122223333:stream/a/consumer/b': /a Kinesis resource is stream\/NAME/,
      'arn:aws:kinesis::111122223333:stream/orders': /the region field is empty/,
      'arn:aws:kinesis:us-east-1::stream/orders': /the account field is empty/,
      'arn:aws:kinesis:us-east-1:111122223333:stream/order book': /with names of letters, digits/,
      [`arn:aws:kinesis:us-east-1:111122223333:stream/${'a'.repeat(129)}`]: /with names of letters, digits/,
      'arn:aws:kinesis:us-east-1:111122223333:stream/o$rders*': /with names of letters, digits/,
      'arn:aws:s3:us-east-1::bucket': /an S3 ARN has no region/,
      'arn:aws:iam:us-east-1:111122223333:role/reader': /an IAM ARN has no region/,
    };
    for (const [arn, reason] of Object.entries(bad)) {
      const found = messages(policy({ Action: 'kinesis:DescribeStreamSummary', Resource: arn }), 'iam/invalid-arn');
      assert.equal(found.length, 1, arn);
      assert.match(found[0], reason, arn);
    }
  });

  it('gives one mistake one finding: the rules that read a resource step aside for an unreadable one', () => {
    const only = (resource: string) =>
      codes(policy({ Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStreamSummary'], Resource: resource })).filter((c) => !c.startsWith('kcl/'));
    assert.deepEqual(only(''), ['iam/empty-value']);
    assert.deepEqual(only('arn:aws:kinesis:us-east-1:111122223333:orders'), ['iam/invalid-arn']);
    assert.deepEqual(only('arn:aws:kinesis:REGION_HERE:111122223333:stream/<stream-name>'), ['iam/placeholder', 'iam/placeholder']);
    assert.deepEqual(only('arn:aws:kinesis:us-east-1:YOUR_ACCOUNT_ID:stream/orders'), ['iam/placeholder']);
    const share = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'kinesis:SubscribeToShard', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/<stream-name>/consumer/<consumer-name>:CREATION_TIMESTAMP' }] });
    assert.deepEqual(codes(share), ['iam/placeholder', 'iam/placeholder', 'iam/placeholder'], 'no resource-policy mismatch either');
  });

  it('marks every placeholder of a value on its own text', () => {
    const text = policy({ Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:REGION:ACCOUNT_ID:stream/STREAM_NAME' });
    assert.deepEqual(findings(text, 'iam/placeholder'), ['REGION', 'ACCOUNT_ID', 'STREAM_NAME']);
  });

  it('accepts wildcards, variables, "*" and other services\' ARN shapes', () => {
    for (const arn of [
      '*',
      'arn:aws:kinesis:*:111122223333:stream/*',
      'arn:aws:kinesis:us-east-1:111122223333:stream/app-${aws:username}',
      'arn:aws-cn:kinesis:cn-north-1:111122223333:stream/a/consumer/b:1674696300',
      'arn:aws:s3:::bucket/key',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      `arn:aws:kinesis:us-east-1:111122223333:stream/${'a'.repeat(128)}`,
      'arn:aws:kinesis:us-east-1:111122223333:stream/Orders_v2.events-1',
      'arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/*',
      'arn:aws:s3:us-east-1:111122223333:accesspoint/reports/object/*',
      'arn:aws:s3:us-east-1:111122223333:job/*',
    ]) {
      assert.deepEqual(findings(policy({ Action: 'kinesis:DescribeStreamSummary', Resource: arn }), 'iam/invalid-arn'), [], arn);
    }
  });

  it('reports named actions no resource of the statement applies to', () => {
    assert.deepEqual(
      findings(policy({ Action: ['kinesis:ListStreams', 'kinesis:SubscribeToShard', 'kinesis:GetRecords', 'kinesis:*'] }), 'iam/action-resource-mismatch'),
      ['"kinesis:ListStreams"', '"kinesis:SubscribeToShard"'],
    );
    assert.deepEqual(findings(policy({ Action: 'cloudwatch:PutMetricData' }), 'iam/action-resource-mismatch'), ['"cloudwatch:PutMetricData"']);
    const [metrics] = diagnose(policy({ Action: 'cloudwatch:PutMetricData' })).filter((d) => d.code === 'iam/action-resource-mismatch');
    assert.match(message(metrics), /^cloudwatch:PutMetricData is called without a resource by nearly every caller \(the KCL and the KPL among them\), so it is granted on "Resource": "\*"/);
    // S3's resource types are optional in the data, but its callers name the bucket: no advice to use "*".
    const [listBucket] = diagnose(policy({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b/*' })).filter((d) => d.code === 'iam/action-resource-mismatch');
    assert.match(message(listBucket), /^s3:ListBucket applies to s3 accesspoint or s3 bucket ARNs \(.+\), and none of this statement's resources is one, so it is granted nowhere/);
    assert.deepEqual((metrics.data as { expected: string[] }).expected, ['*', 'dataset']);
    const table = 'arn:aws:dynamodb:us-east-1:111122223333:table/app';
    assert.deepEqual(findings(policy({ Action: ['kinesis:GetRecords', 'dynamodb:GetItem'], Resource: table }), 'iam/action-resource-mismatch'), ['"kinesis:GetRecords"']);
    assert.match(messages(policy({ Action: 'kinesis:ListStreams' }), 'iam/action-resource-mismatch')[0], /takes no resource ARN, so it applies only with "Resource": "\*"/);
  });

  it('lets wildcard resources cover the types they can match', () => {
    const wide = policy({ Action: ['kinesis:SubscribeToShard', 'kinesis:GetRecords'], Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/*' });
    assert.deepEqual(findings(wide, 'iam/action-resource-mismatch'), []);
    const consumers = policy({ Action: ['kinesis:SubscribeToShard', 'kinesis:GetRecords'], Resource: 'arn:aws:kinesis:*:*:stream/orders/consumer/*' });
    assert.deepEqual(findings(consumers, 'iam/action-resource-mismatch'), ['"kinesis:GetRecords"']);
    assert.deepEqual(findings(policy({ Action: 'kinesis:ListStreams', Resource: ['*'] }), 'iam/action-resource-mismatch'), []);
    assert.deepEqual(findings(policy({ Action: 'kinesis:ListStreams', NotResource: STREAM, Resource: undefined }), 'iam/action-resource-mismatch'), []);
  });

  it("matches resources against the action's resource types, in whichever service's namespace they are", () => {
    const fits = (action: string, resource: string) => findings(policy({ Action: action, Resource: resource }), 'iam/action-resource-mismatch');
    assert.deepEqual(fits('sts:AssumeRole', 'arn:aws:iam::111122223333:role/reader'), []);
    assert.deepEqual(fits('sts:AssumeRole', 'arn:aws:iam::111122223333:role/team/reader'), []);
    assert.deepEqual(fits('ssm:StartSession', 'arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0'), []);
    assert.deepEqual(fits('ds-data:DescribeUser', 'arn:aws:ds:us-east-1:111122223333:directory/d-1234567890'), []);
    assert.deepEqual(fits('redshift-data:ExecuteStatement', 'arn:aws:redshift-serverless:us-east-1:111122223333:workgroup/0a1b2c3d'), []);
    assert.deepEqual(fits('kafka-cluster:Connect', 'arn:aws:kafka:us-east-1:111122223333:cluster/orders/1a2b3c4d-5e6f'), []);
    assert.deepEqual(fits('sts:AssumeRole', 'arn:aws:dynamodb:us-east-1:111122223333:table/x'), ['"sts:AssumeRole"']);
  });

  it('reads a variable as unknown text, and lets the known parts decide', () => {
    const fits = (action: string, resource: string) => findings(policy({ Action: action, Resource: resource }), 'iam/action-resource-mismatch');
    const table = 'arn:aws:dynamodb:${region}:${account}:table/x';
    assert.deepEqual(fits('sts:AssumeRole', table), ['"sts:AssumeRole"']);
    assert.deepEqual(fits('cloudwatch:PutMetricData', table), ['"cloudwatch:PutMetricData"']);
    assert.deepEqual(fits('dynamodb:GetItem', table), []);
    assert.deepEqual(fits('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'), []);
    assert.deepEqual(fits('sts:AssumeRole', 'arn:aws:iam::${Account}:role/deploy'), []);
  });

  it('matches no name that holds a separator the name cannot contain', () => {
    const fits = (action: string, resource: string) => findings(policy({ Action: action, Resource: resource }), 'iam/action-resource-mismatch');
    assert.deepEqual(fits('s3:ListBucket', 'arn:aws:s3:::b/*'), ['"s3:ListBucket"'], 'objects, not the bucket');
    assert.deepEqual(fits('s3:ListBucket', 'arn:aws:s3:::b'), []);
    assert.deepEqual(fits('s3:GetObject', 'arn:aws:s3:::b/*'), []);
    assert.deepEqual(fits('dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:111122223333:table/APP/index/*'), ['"dynamodb:GetItem"'], 'an index, not the table');
    assert.deepEqual(fits('dynamodb:Query', 'arn:aws:dynamodb:us-east-1:111122223333:table/APP/index/*'), []);
    assert.deepEqual(fits('dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:111122223333:table/APP'), []);
    assert.deepEqual(fits('logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/f:log-stream:*'), [], 'log group names hold slashes');
    assert.deepEqual(fits('lambda:InvokeFunction', 'arn:aws:lambda:us-east-1:111122223333:function:f:PROD'), [], 'a qualified function');
  });

  it('reports principals that are neither account ids nor IAM ARNs', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ['Account12345', '111122223333', 'arn:aws:iam::111122223333:role/r', 'arn:aws:iam::111122223333:root', 'arn:aws:iam::1111:user/u'] },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    assert.deepEqual(findings(text, 'iam/invalid-principal'), ['"Account12345"', '"arn:aws:iam::1111:user/u"']);
    const bare = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '111122223333', Action: 'sts:AssumeRole' }] });
    assert.deepEqual(findings(bare, 'iam/invalid-principal'), ['"111122223333"']);
  });

  it('reports a missing, empty or malformed Statement in a plain policy, and leaves other JSON alone', () => {
    assert.deepEqual(findings('{"Version": "2012-10-17"}', 'iam/invalid-statement'), ['{']);
    assert.deepEqual(findings('{"Version": "2012-10-17", "Statement": []}', 'iam/invalid-statement'), ['[]']);
    assert.deepEqual(findings('{"Version": "2012-10-17", "Statement": 7}', 'iam/invalid-statement'), ['7']);
    assert.deepEqual(findings('{"Statement": ["x", {"Effect": "Allow", "Action": "kinesis:ListStreams", "Resource": "*"}, null]}', 'iam/invalid-statement'), ['"x"', 'null']);
    assert.deepEqual(codes('{"Statement": "SELECT * FROM orders", "Parameters": []}'), [], 'a DynamoDB statement, not a policy');
  });

  it('reports a principal that is not "*" or an object, and principal types IAM does not know', () => {
    const withPrincipal = (principal: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] });
    assert.deepEqual(findings(withPrincipal(7), 'iam/invalid-principal'), ['7']);
    assert.deepEqual(findings(withPrincipal({ Bad: '111122223333', Aws: '111122223333' }), 'iam/invalid-principal'), ['"Bad"', '"Aws"']);
    assert.match(messages(withPrincipal({ Aws: '111122223333' }), 'iam/invalid-principal')[0], /did you mean "AWS"\?/);
    assert.deepEqual(codes(withPrincipal({ AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2EXAMPLE' })), []);
    assert.deepEqual(codes(withPrincipal({ Service: 'cloudfront.amazonaws.com', CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' })), []);
  });

  it('reports a wrong or missing Effect, and the case-sensitive fix', () => {
    const text = policy({ Effect: 'allow', Action: 'kinesis:ListStreams', Resource: '*' }, { Effect: undefined, Action: 'kinesis:ListStreams', Resource: '*' });
    assert.deepEqual(findings(text, 'iam/invalid-effect'), ['"allow"', '{']);
    assert.equal((diagnose(text).find((d) => d.code === 'iam/invalid-effect')?.data as { replacement: string }).replacement, 'Allow');
  });

  it('reports a wrong Version as an error and a missing one as a warning', () => {
    const wrong = diagnose('{"Version": "2024-01-01", "Statement": []}').filter((d) => d.code === 'iam/invalid-version');
    assert.deepEqual(wrong.map((d) => d.severity), [1]);
    const missing = diagnose('{"Statement": []}').filter((d) => d.code === 'iam/invalid-version');
    assert.deepEqual(missing.map((d) => [d.severity, d.range.start.character, d.range.end.character]), [[2, 0, 1]]);
  });

  it('reports repeated Sids on the repeats', () => {
    const text = policy({ Sid: 'A', Action: 'kinesis:ListShards' }, { Sid: 'B', Action: 'kinesis:ListShards' }, { Sid: 'A', Action: 'kinesis:ListShards' });
    assert.deepEqual(findings(text, 'iam/duplicate-sid'), ['"A"']);
    assert.match(messages(text, 'iam/duplicate-sid')[0], /already used by statement 1/);
  });

  it('reports identity policies over 6,144 characters without white space', () => {
    const actions = Array.from({ length: 300 }, () => 'kinesis:DescribeStreamSummary');
    const big = policy({ Action: actions });
    const found = diagnose(big).filter((d) => d.code === 'iam/policy-size');
    assert.equal(found.length, 1);
    assert.match(message(found[0]), /^This policy has \d,\d{3} characters without white space, over IAM's quota of 6,144 for a managed policy \(inline policies may total 2,048 characters per user, 5,120 per group and 10,240 per role\)/);
    assert.deepEqual(findings(policy({ Action: 'kinesis:ListShards' }).replace('{', `{${' '.repeat(7000)}`), 'iam/policy-size'), []);
    // A template's values (`${AWS::Partition}`) may be shorter when deployed: over the quota only with them counted is not over it.
    const templated = policy({ Action: 'kinesis:PutRecord', Resource: Array.from({ length: 150 }, (_, i) => `arn:\${AWS::Partition}:kinesis:\${AWS::Region}:\${AWS::AccountId}:stream/s${i}`) });
    assert.ok(templated.replace(/\s/g, '').length > 6144);
    assert.deepEqual(findings(templated, 'iam/policy-size'), []);
  });

  it('reports missing, conflicting, empty and mistyped elements', () => {
    assert.deepEqual(findings(policy({ Action: undefined }), 'iam/missing-action'), ['{']);
    assert.deepEqual(findings(policy({ Action: 'kinesis:ListShards', Resource: undefined }), 'iam/missing-resource'), ['{']);
    assert.deepEqual(findings(policy({ Action: 'kinesis:ListShards', NotAction: 'kinesis:PutRecord' }), 'iam/conflicting-elements'), ['"NotAction"']);
    assert.deepEqual(findings(policy({ Action: [] }), 'iam/empty-value'), ['[]']);
    assert.deepEqual(findings(policy({ Action: ['kinesis:ListShards', ''] }), 'iam/empty-value'), ['""']);
    assert.deepEqual(findings(policy({ Action: ['kinesis:ListShards', 7, null] }), 'iam/invalid-value-type'), ['7', 'null']);
  });

  it('warns about Allow with NotAction and notes Deny with NotResource', () => {
    assert.deepEqual(findings(policy({ NotAction: 'iam:*', Resource: '*' }), 'iam/allow-not-action'), ['"NotAction"']);
    const deny = policy({ Effect: 'Deny', Action: 'kinesis:DeleteStream', Resource: undefined, NotResource: STREAM });
    assert.deepEqual(diagnose(deny).filter((d) => d.code === 'iam/deny-not-resource').map((d) => d.severity), [3]);
  });

  it('fades actions listed twice or covered by a wildcard', () => {
    const text = policy({ Action: ['kinesis:Get*', 'kinesis:GetRecords', 'kinesis:PutRecord', 'KINESIS:putrecord', 'kinesis:Typo'] });
    assert.deepEqual(findings(text, 'iam/redundant-action'), ['"kinesis:GetRecords"', '"KINESIS:putrecord"']);
    assert.deepEqual(diagnose(text).filter((d) => d.code === 'iam/redundant-action').map((d) => [d.severity, d.tags]), [[4, [1]], [4, [1]]]);
  });

  it('finds repeats the same way in a statement with many actions', () => {
    const many = ['kinesis:PutRecord', 'kinesis:Get*', 'kinesis:Get*', ...Array.from({ length: 20 }, (_, i) => `kinesis:Nope${i}`), 'kinesis:ListShards', 'KINESIS:putrecord', 'kinesis:GetRecords', 'kinesis:listshards'];
    assert.deepEqual(findings(policy({ Action: many }), 'iam/redundant-action'), ['"kinesis:Get*"', '"KINESIS:putrecord"', '"kinesis:GetRecords"', '"kinesis:listshards"']);
  });

  it('keeps one of two wildcards that cover each other, and of one wildcard written in two cases', () => {
    assert.deepEqual(findings(policy({ Action: ['kinesis:*', 'kinesis:**', 'kinesis:Get*'] }), 'iam/redundant-action'), ['"kinesis:**"', '"kinesis:Get*"']);
    const cased = policy({ Action: ['kinesis:Get*', 'KINESIS:GET*'] });
    assert.deepEqual(findings(cased, 'iam/redundant-action'), ['"KINESIS:GET*"']);
    assert.deepEqual(messages(cased, 'iam/redundant-action'), ['"KINESIS:GET*" is listed twice in this statement.']);
  });

  it('finds the wildcard that covers a named action among a statement of hundreds of wildcards', () => {
    // Every EC2 action as a wildcard of its own (`ec2:RunInstance?`), then one action named again.
    const names = [...(sharedCatalog().service('ec2')?.actions ?? [])].map((a) => a.name);
    assert.ok(names.length > 500, `EC2 has ${names.length} actions`);
    const wildcards = names.map((name) => `ec2:${name.slice(0, -1)}?`);
    const last = names[names.length - 1];
    const text = policy({ Action: [...wildcards, `ec2:${last}`], Resource: '*' });
    assert.deepEqual(findings(text, 'iam/redundant-action').slice(-1), [`"ec2:${last}"`]);
    assert.match(messages(text, 'iam/redundant-action').at(-1) ?? '', new RegExp(`covered by "ec2:${last.slice(0, -1)}\\?"`));
  });

  it('names the first wildcard that covers each named action, in statements of hundreds of wildcards and named actions', () => {
    // Enough of both that the wildcards' expansions are read into a map, which two statements share.
    const names = [...(sharedCatalog().service('ec2')?.actions ?? [])].map((a) => a.name);
    const wildcards = ['s3:*', ...names.map((name) => `ec2:${name.slice(0, -2)}*`)];
    const named = names.slice(0, 150).map((name) => `ec2:${name}`);
    assert.ok(wildcards.length * named.length > 65_536, `${wildcards.length} wildcards, ${named.length} named actions`);
    const statement = { Action: [...wildcards, ...named], Resource: '*' };
    const found = diagnose(policy(statement, statement)).filter((d) => d.code === 'iam/redundant-action' && !(d.data as { action: string }).action.includes('*'));
    const first = (action: string) => wildcards.find((w) => wildcardMatcher(w)(action));
    const expected = named.map((action) => ({ action, coveredBy: first(action) }));
    assert.deepEqual(
      found.map((d) => d.data as unknown),
      [...expected, ...expected],
    );
  });
});
