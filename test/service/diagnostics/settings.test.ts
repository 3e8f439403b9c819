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
