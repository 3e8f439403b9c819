import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { codes, diagnose } from '../../support/service';

const STREAM = 'arn:aws:kinesis:us-east-1:111122223333:stream/orders';
const SHARE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kinesis:Get*', Resource: STREAM }],
});

describe('diagnostic settings', () => {
  it('change a rule\'s severity or turn it off', () => {
    const severity = (rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>) =>
      diagnose(SHARE, { rules }).filter((d) => d.code === 'resource-policy/wildcard-action').map((d) => d.severity);
    assert.deepEqual(severity({}), [1]);
    assert.deepEqual(severity({ 'resource-policy/wildcard-action': 'warning' }), [2]);
    assert.deepEqual(severity({ 'resource-policy/wildcard-action': 'hint' }), [4]);
    assert.deepEqual(severity({ 'resource-policy/wildcard-action': 'off' }), []);
  });

  it('turn all diagnostics off', () => {
    assert.deepEqual(diagnose(SHARE, { enable: false }), []);
  });

  it('force the policy kind', () => {
    const identity = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:Get*', Resource: STREAM }] });
    assert.ok(!codes(identity).includes('resource-policy/wildcard-action'));
    assert.ok(codes(identity, { policyKind: 'resource' }).includes('resource-policy/wildcard-action'));
    assert.ok(codes(identity, { policyKind: 'resource' }).includes('resource-policy/missing-principal'));
    assert.ok(!codes(SHARE, { policyKind: 'identity' }).includes('resource-policy/wildcard-action'));
  });

  it('read a resource policy with no resources yet as a Kinesis one by its actions, but for entries that name no service', () => {
    const noResource = (...actions: string[]) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions }] });
    const kinesisFindings = (text: string) => codes(text, { policyKind: 'resource' }).includes('resource-policy/missing-principal');
    assert.ok(kinesisFindings(noResource('kinesis:PutRecord')));
    // An action being typed, or a stray character, names no service: the policy is still read as Kinesis's.
    for (const typing of ['', 'kin', '\ufeff']) assert.ok(kinesisFindings(noResource('kinesis:PutRecord', typing)), JSON.stringify(typing));
    // Another service's action, or every action, says it may be another service's policy.
    assert.ok(!kinesisFindings(noResource('kinesis:PutRecord', 'dynamodb:GetItem')));
    assert.ok(!kinesisFindings(noResource('kinesis:PutRecord', '*')));
    // So with resources: one that is no ARN yet says nothing; another service's ARN, or "*", says it may be another's.
    const shared = (resource: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kinesis:PutRecord', Resource: resource }] });
    const kinesisResource = (text: string) => codes(text).includes('resource-policy/wildcard-principal');
    for (const typing of ['', 'arn:aws:kin', STREAM]) assert.ok(kinesisResource(shared(typing)), JSON.stringify(typing));
    for (const other of ['arn:aws:dynamodb:us-east-1:111122223333:table/orders', '*']) assert.ok(!kinesisResource(shared(other)), other);
  });
});

describe('documents that are not policies', () => {
  it('get no diagnostics', () => {
    for (const text of [
      '{"name": "app", "version": "1.0.0", "scripts": {"test": "node --test"}}',
      '{"compilerOptions": {"strict": true}}',
      '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Stream": {"Type": "AWS::Kinesis::Stream"}}}',
      '[{"Action": "kinesis:Get*"}]',
      '{"Statement": "not a list"}',
      '',
      '{{{',
    ]) {
      assert.deepEqual(diagnose(text), [], text);
    }
  });
});
