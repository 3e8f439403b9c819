import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { codes, diagnose, findings, message } from '../../support/service';

const STREAM = 'arn:aws:kinesis:us-east-2:123456789012:stream/datastreamABC';
const CONSUMER = `${STREAM}/consumer/consumerDEF:1674696300`;

function policy(statement: Record<string, unknown>): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 's', Effect: 'Allow', Principal: { AWS: '111122223333' }, Resource: STREAM, ...statement }],
  });
}

describe('Kinesis resource-policy rules', () => {
  it('reports wildcard actions on the action string', () => {
    assert.deepEqual(findings(policy({ Action: ['kinesis:Get*', 'kinesis:ListShards', 'kinesis:*'] }), 'resource-policy/wildcard-action'), [
      '"kinesis:Get*"',
      '"kinesis:*"',
    ]);
    const [diagnostic] = diagnose(policy({ Action: 'kinesis:Get*' })).filter((d) => d.code === 'resource-policy/wildcard-action');
    assert.equal(diagnostic.severity, 1);
    assert.equal(diagnostic.source, 'kinesis-policy');
    assert.equal(diagnostic.codeDescription?.href, 'file:///docs/rules.md#resource-policy/wildcard-action');
    assert.match(message(diagnostic), /these can be shared: kinesis:GetRecords, kinesis:GetShardIterator\)\.$/);
    assert.deepEqual(diagnostic.data, { action: 'kinesis:Get*', shareable: ['kinesis:GetRecords', 'kinesis:GetShardIterator'] });
  });

  it('reports "*", {"AWS": "*"} and wildcards inside principal ARNs', () => {
    assert.deepEqual(findings(policy({ Action: 'kinesis:GetRecords', Principal: '*' }), 'resource-policy/wildcard-principal'), ['"*"']);
    const text = policy({ Action: 'kinesis:GetRecords', Principal: { AWS: ['*', 'arn:aws:iam::111122223333:role/app-*', '111122223333'] } });
    assert.deepEqual(findings(text, 'resource-policy/wildcard-principal'), ['"*"', '"arn:aws:iam::111122223333:role/app-*"']);
    assert.deepEqual(findings(text, 'iam/invalid-principal'), [], 'not also an invalid principal');
  });

  it('says "if this is the stream\'s resource policy" where the policy could be a VPC endpoint policy, as a warning', () => {
    const endpoint = policy({ Action: ['kinesis:GetRecords', 'kinesis:*'], Principal: '*' });
    const [d] = diagnose(endpoint).filter((x) => x.code === 'resource-policy/wildcard-principal');
    assert.equal(d.severity, 2);
    assert.match(message(d), /^If this is the stream's resource policy: The principal "\*" uses a wildcard/);
    assert.match(message(d), /set "kinesisPolicy.policyKind" to "vpc-endpoint" or name the file \*\.vpce-policy\.json\.$/);
    assert.equal(diagnose(endpoint).find((x) => x.code === 'resource-policy/wildcard-action')?.severity, 2);
    assert.deepEqual(codes(endpoint, { policyKind: 'vpc-endpoint' }), [], 'a VPC endpoint policy gets the generic checks');
    const stream = diagnose(endpoint, { policyKind: 'resource' }).filter((x) => x.code === 'resource-policy/wildcard-principal');
    assert.deepEqual(stream.map((x) => [x.severity, message(x).startsWith('The principal')]), [[1, true]], 'forced: asserted, an error');
    const mixed = policy({ Action: 'kinesis:GetRecords', Principal: { AWS: ['*', '111122223333'] } });
    assert.equal(diagnose(mixed).find((x) => x.code === 'resource-policy/wildcard-principal')?.severity, 1, 'an account beside "*": no endpoint policy');
  });

  it('reports service, federated and canonical-user principals on their entry', () => {
    const text = policy({
      Action: 'kinesis:GetRecords',
      Principal: { Service: 'lambda.amazonaws.com', Federated: 'accounts.google.com', CanonicalUser: 'abc', AWS: '111122223333' },
    });
    assert.deepEqual(findings(text, 'resource-policy/service-principal'), ['"Service":"lambda.amazonaws.com"']);
    assert.deepEqual(findings(text, 'resource-policy/federated-principal'), ['"Federated":"accounts.google.com"']);
    assert.deepEqual(findings(text, 'resource-policy/canonical-user-principal'), ['"CanonicalUser":"abc"']);
  });

  it('reports actions outside the shareable ones, naming them', () => {
    const text = policy({ Action: ['kinesis:GetRecords', 'kinesis:DeleteStream', 'dynamodb:GetItem'] });
    assert.deepEqual(findings(text, 'resource-policy/unsupported-action'), ['"kinesis:DeleteStream"', '"dynamodb:GetItem"']);
    const [first, second] = diagnose(text).filter((d) => d.code === 'resource-policy/unsupported-action');
    assert.equal(
      message(first),
      'kinesis:DeleteStream cannot be granted in a Kinesis resource-based policy, which can share only 9 stream and consumer actions, ' +
        "such as kinesis:GetRecords (the rule's documentation lists them). Grant it through an identity-based policy in the other account instead.",
    );
    assert.match(message(second), /^dynamodb:GetItem cannot be granted in a Kinesis resource-based policy, /);
    assert.deepEqual(second.data, { action: 'dynamodb:GetItem' });
  });

  it('accepts DescribeStream, which cross-account Lambda consumers need', () => {
    const text = policy({ Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'] });
    assert.deepEqual(codes(text), []);
  });

  it('reports consumer actions on a stream ARN and stream actions on a consumer ARN', () => {
    assert.deepEqual(findings(policy({ Action: ['kinesis:SubscribeToShard', 'kinesis:GetRecords'] }), 'resource-policy/resource-mismatch'), ['"kinesis:SubscribeToShard"']);
    assert.deepEqual(
      findings(policy({ Action: ['kinesis:SubscribeToShard', 'kinesis:GetRecords'], Resource: CONSUMER }), 'resource-policy/resource-mismatch'),
      ['"kinesis:GetRecords"'],
    );
    assert.deepEqual(codes(policy({ Action: ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'], Resource: CONSUMER })), []);
    assert.ok(!codes(policy({ Action: 'kinesis:SubscribeToShard' })).includes('iam/action-resource-mismatch'), 'reported once, by the Kinesis rule');
  });

  it('reports a statement without a principal on its opening brace', () => {
    const shared = { Sid: 's', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kinesis:GetRecords', Resource: STREAM };
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [shared, { Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: STREAM }] });
    const diagnostic = diagnose(text).find((d) => d.code === 'resource-policy/missing-principal')!;
    assert.equal(text.split('\n')[0][diagnostic.range.start.character], '{');
    assert.equal(diagnostic.range.end.character - diagnostic.range.start.character, 1);
  });

  it('reports a policy over 20 KB, counting bytes without white space', () => {
    const principals = Array.from({ length: 1500 }, (_, i) => String(100000000000 + i));
    const big = policy({ Action: 'kinesis:GetRecords', Principal: { AWS: principals } });
    assert.ok(big.length > 20480);
    const [diagnostic] = diagnose(big).filter((d) => d.code === 'resource-policy/size-limit');
    assert.match(message(diagnostic), /^This policy is 2\d,\d{3} bytes without white space; a Kinesis resource-based policy may not exceed 20 KB \(20,480 bytes\)/);
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    const padded = policy({ Action: 'kinesis:GetRecords' }).replace('{', `{${' '.repeat(30000)}`);
    assert.deepEqual(findings(padded, 'resource-policy/size-limit'), [], 'white space does not count');
  });

  it('counts UTF-8 bytes: a policy of fewer than 20,480 characters can be over the limit', () => {
    const euros = policy({ Action: 'kinesis:GetRecords', Condition: { StringEquals: { 'aws:PrincipalTag/team': '€'.repeat(7000) } } });
    assert.ok(euros.length < 20480);
    assert.match(message(diagnose(euros).find((d) => d.code === 'resource-policy/size-limit')!), /^This policy is 21,\d{3} bytes without white space/);
  });

  it('applies only to Kinesis resource policies', () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    assert.deepEqual(codes(trust), [], 'a role trust policy gets only the generic checks');
    const identity = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:Get*', Resource: STREAM }] });
    assert.ok(!codes(identity).some((c) => c.startsWith('resource-policy/')));
  });
});
