import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { actionsFor, fix, parseErrors } from '../../support/codeActions';
import { diagnose } from '../../support/service';

const STREAM = 'arn:aws:kinesis:us-east-1:111122223333:stream/orders';

function conditioned(Condition: unknown): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: STREAM, Condition }] }, null, 2)}\n`;
}

/** Applies the fix titled `title` and checks that its finding is gone; the policy's Condition after it. */
function fixedCondition(text: string, code: string, title: string): unknown {
  assert.ok(diagnose(text).some((d) => d.code === code), `${code} is reported before the fix`);
  const after = fix(text, title);
  assert.deepEqual(parseErrors(after), [], 'valid JSON');
  assert.ok(!diagnose(after).some((d) => d.code === code), `${code} is gone:\n${after}`);
  assert.ok(!actionsFor(after).some((a) => a.title === title), 'the fix is not offered again');
  return (JSON.parse(after) as { Statement: { Condition: unknown }[] }).Statement[0].Condition;
}

describe('condition quick fixes', () => {
  it('write the suggested operator for a misspelt one, and Null for NullIfExists', () => {
    assert.deepEqual(fixedCondition(conditioned({ StringEqual: { 'aws:SourceAccount': '111122223333' } }), 'iam/condition-unknown-operator', 'Change to StringEquals'), {
      StringEquals: { 'aws:SourceAccount': '111122223333' },
    });
    assert.deepEqual(fixedCondition(conditioned({ NullIfExists: { 'aws:SourceVpce': 'true' } }), 'iam/condition-null-ifexists', 'Change to Null'), {
      Null: { 'aws:SourceVpce': 'true' },
    });
  });

  it('write the suggested key for a misspelt global key', () => {
    assert.deepEqual(fixedCondition(conditioned({ Bool: { 'aws:SecureTransprot': 'true' } }), 'iam/condition-unknown-key', 'Change to aws:SecureTransport'), {
      Bool: { 'aws:SecureTransport': 'true' },
    });
  });

  it('turn "True" and 1 into "true" under Bool', () => {
    assert.deepEqual(fixedCondition(conditioned({ Bool: { 'aws:SecureTransport': 'True' } }), 'iam/condition-value-type', 'Change to "true"'), {
      Bool: { 'aws:SecureTransport': 'true' },
    });
    assert.deepEqual(fixedCondition(conditioned({ Bool: { 'aws:SecureTransport': 1 } }), 'iam/condition-value-type', 'Change to "true"'), {
      Bool: { 'aws:SecureTransport': 'true' },
    });
  });

  it('drop a set qualifier on a single-valued key, unless a plain block of that operator is there', () => {
    assert.deepEqual(
      fixedCondition(conditioned({ 'ForAnyValue:StringEquals': { 'aws:PrincipalAccount': '111122223333' } }), 'iam/condition-single-valued-set-operator', 'Change to StringEquals'),
      { StringEquals: { 'aws:PrincipalAccount': '111122223333' } },
    );
    const colliding = conditioned({ StringEquals: { 'aws:SourceVpc': 'vpc-1' }, 'ForAnyValue:StringEquals': { 'aws:PrincipalAccount': '111122223333' } });
    assert.ok(!actionsFor(colliding).some((a) => a.title === 'Change to StringEquals'), 'no second "StringEquals" key');
  });

  it('add the Null guard ForAllValues needs, into a Null block already there', () => {
    assert.deepEqual(fixedCondition(conditioned({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }), 'iam/condition-forallvalues-without-null', 'Add "Null": {"aws:TagKeys": "false"}'), {
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] },
      Null: { 'aws:TagKeys': 'false' },
    });
    assert.deepEqual(
      fixedCondition(
        conditioned({ Null: { 'aws:SourceVpce': 'false' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }),
        'iam/condition-forallvalues-without-null',
        'Add "Null": {"aws:TagKeys": "false"}',
      ),
      { Null: { 'aws:SourceVpce': 'false', 'aws:TagKeys': 'false' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
    );
  });
});
