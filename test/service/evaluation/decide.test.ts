import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ACCOUNT, decide, decision, OTHER, policyText, STREAM } from './support';

describe('decideAccess', () => {
  it('allows what an Allow names, and denies the rest implicitly', () => {
    const text = policyText({ Sid: 'Read', Action: ['kinesis:GetRecords'], Resource: STREAM });
    const answer = decide([text], [], { action: 'kinesis:GetRecords' });
    assert.equal(answer.decision, 'allowed');
    assert.deepEqual(answer.statements.map((m) => [m.policy.source, m.statement.index, m.statement.sid?.value, m.effect]), [['identity-0.json', 0, 'Read', 'Allow']]);
    assert.equal(decision(text, 'kinesis:PutRecord'), 'implicitly-denied');
    assert.equal(decision(text, 'kinesis:GetRecords', `${STREAM}-2`), 'implicitly-denied');
  });

  it('lets an explicit Deny win over any Allow, and names the Deny', () => {
    const text = policyText({ Action: 'kinesis:Get*', Resource: '*' }, { Sid: 'NoIterators', Effect: 'Deny', Action: 'kinesis:GetShardIterator', Resource: STREAM });
    const answer = decide([text], [], { action: 'kinesis:GetShardIterator' });
    assert.equal(answer.decision, 'explicitly-denied');
    assert.deepEqual(answer.statements.map((m) => m.statement.sid?.value), ['NoIterators']);
    assert.equal(decision(text, 'kinesis:GetRecords'), 'allowed');
  });

  it('matches actions without regard to case, with * and ?', () => {
    assert.equal(decision(policyText({ Action: 'KINESIS:getrecords', Resource: '*' }), 'kinesis:GetRecords'), 'allowed');
    assert.equal(decision(policyText({ Action: 'kinesis:Get?ecords', Resource: '*' }), 'kinesis:GetRecords'), 'allowed');
    assert.equal(decision(policyText({ Action: 'kinesis:Put*', Resource: '*' }), 'kinesis:GetRecords'), 'implicitly-denied');
  });

  it('reads NotAction and NotResource as everything but what they list', () => {
    const notAction = policyText({ NotAction: 'kinesis:Delete*', Resource: '*' });
    assert.equal(decision(notAction, 'kinesis:GetRecords'), 'allowed');
    assert.equal(decision(notAction, 'kinesis:DeleteStream'), 'implicitly-denied');
    const notResource = policyText({ Action: 'kinesis:*', Resource: '*' }, { Effect: 'Deny', Action: 'kinesis:*', NotResource: STREAM });
    assert.equal(decision(notResource, 'kinesis:GetRecords'), 'allowed');
    assert.equal(decision(notResource, 'kinesis:GetRecords', `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/payments`), 'explicitly-denied');
  });

  it('leaves a request conditional where a condition or a variable may decide it', () => {
    const conditioned = policyText({ Action: 'kinesis:GetRecords', Resource: STREAM, Condition: { Bool: { 'aws:SecureTransport': 'true' } } });
    assert.equal(decision(conditioned, 'kinesis:GetRecords'), 'conditional');
    const variable = policyText({ Action: 'kinesis:GetRecords', Resource: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/\${aws:username}` });
    assert.equal(decision(variable, 'kinesis:GetRecords'), 'conditional');
    const maybeDenied = policyText({ Action: 'kinesis:*', Resource: '*' }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    const answer = decide([maybeDenied], [], { action: 'kinesis:GetRecords' });
    assert.equal(answer.decision, 'conditional');
    assert.deepEqual(answer.statements.map((m) => m.effect), ['Allow', 'Deny']);
  });

  it('judges a set of resources by the part a statement covers', () => {
    const some = policyText({ Action: 'kinesis:GetRecords', Resource: STREAM });
    assert.equal(decision(some, 'kinesis:GetRecords', 'arn:aws:kinesis:*:*:stream/*'), 'conditional');
    const all = policyText({ Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:*:*:stream/*' });
    assert.equal(decision(all, 'kinesis:GetRecords', `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/o*`), 'allowed');
  });

  describe('identity and resource policies together', () => {
    const identity = policyText({ Action: 'kinesis:GetRecords', Resource: STREAM });
    const share = (principal: unknown) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'kinesis:GetRecords', Resource: STREAM }] });
    const reader = `arn:aws:iam::${OTHER}:role/reader`;

    it('needs both halves across accounts', () => {
      assert.equal(decide([identity], [share({ AWS: OTHER })], { action: 'kinesis:GetRecords', principal: reader }).decision, 'allowed');
      assert.equal(decide([identity], [], { action: 'kinesis:GetRecords', principal: reader }).decision, 'implicitly-denied');
      assert.equal(decide([], [share({ AWS: OTHER })], { action: 'kinesis:GetRecords', principal: reader }).decision, 'implicitly-denied');
      const both = decide([identity], [share({ AWS: reader })], { action: 'kinesis:GetRecords', principal: reader });
      assert.equal(both.crossAccount, true);
      assert.deepEqual(both.statements.map((m) => m.policy.kind), ['identity', 'resource']);
    });

    it('needs either half within one account, where a resource policy that names only the account delegates to it', () => {
      const local = `arn:aws:iam::${ACCOUNT}:role/reader`;
      assert.equal(decide([identity], [], { action: 'kinesis:GetRecords', principal: local }).decision, 'allowed');
      assert.equal(decide([], [share({ AWS: local })], { action: 'kinesis:GetRecords', principal: local }).decision, 'allowed');
      assert.equal(decide([], [share({ AWS: `arn:aws:iam::${ACCOUNT}:root` })], { action: 'kinesis:GetRecords', principal: local }).decision, 'implicitly-denied');
      assert.equal(decide([identity], [share({ AWS: ACCOUNT })], { action: 'kinesis:GetRecords', principal: local }).decision, 'allowed');
    });

    it("names a role's sessions by the role, whatever its path", () => {
      const session = `arn:aws:sts::${OTHER}:assumed-role/reader/app-1`;
      assert.equal(decide([identity], [share({ AWS: reader })], { action: 'kinesis:GetRecords', principal: session }).decision, 'allowed');
      assert.equal(decide([identity], [share({ AWS: `arn:aws:iam::${OTHER}:role/team/reader` })], { action: 'kinesis:GetRecords', principal: session }).decision, 'allowed');
      assert.equal(decide([identity], [share({ AWS: `arn:aws:iam::${OTHER}:role/writer` })], { action: 'kinesis:GetRecords', principal: session }).decision, 'implicitly-denied');
    });

    it('names principals as IAM does: accounts, their root, roles; a Deny in the resource policy wins', () => {
      assert.equal(decide([identity], [share({ AWS: `arn:aws:iam::${OTHER}:root` })], { action: 'kinesis:GetRecords', principal: reader }).decision, 'allowed');
      assert.equal(decide([identity], [share({ AWS: `arn:aws:iam::${OTHER}:role/writer` })], { action: 'kinesis:GetRecords', principal: reader }).decision, 'implicitly-denied');
      assert.equal(decide([identity], [share({ AWS: '777788889999' })], { action: 'kinesis:GetRecords', principal: reader }).decision, 'implicitly-denied');
      assert.equal(decide([identity], [share('*')], { action: 'kinesis:GetRecords', principal: reader }).decision, 'allowed');
      const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'kinesis:*', Resource: STREAM }] });
      assert.equal(decide([identity], [share({ AWS: OTHER }), deny], { action: 'kinesis:GetRecords', principal: reader }).decision, 'explicitly-denied');
    });
  });

  it('names no one with a wildcard inside a principal ARN, nor with a resource statement that has no principal', () => {
    const wildcard = policyText({ Principal: { AWS: `arn:aws:iam::${OTHER}:role/*` }, Action: 'kinesis:GetRecords', Resource: STREAM });
    const identity = policyText({ Action: 'kinesis:GetRecords', Resource: STREAM });
    assert.equal(decide([identity], [wildcard], { action: 'kinesis:GetRecords', principal: `arn:aws:iam::${OTHER}:role/reader` }).decision, 'implicitly-denied');
    const noPrincipal = policyText({ Action: 'kinesis:GetRecords', Resource: STREAM });
    assert.equal(decide([identity], [noPrincipal], { action: 'kinesis:GetRecords', principal: `arn:aws:iam::${OTHER}:role/reader` }).decision, 'implicitly-denied');
  });

  it("does not read a role in NotPrincipal as its sessions: they must be listed to be left out", () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/admin`;
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/admin/maintenance`;
    const resource = policyText(
      { Principal: { AWS: ACCOUNT }, Action: 'kinesis:GetRecords', Resource: STREAM },
      { Effect: 'Deny', NotPrincipal: { AWS: role }, Action: 'kinesis:GetRecords', Resource: STREAM },
    );
    const identity = policyText({ Action: 'kinesis:GetRecords', Resource: STREAM });
    assert.equal(decide([identity], [resource], { action: 'kinesis:GetRecords', principal: session }).decision, 'explicitly-denied');
    assert.equal(decide([identity], [resource], { action: 'kinesis:GetRecords', principal: role }).decision, 'allowed');
  });
});
