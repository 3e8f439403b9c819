import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { RequestContext } from '../../../server/src/service/evaluation/conditions';
import { decide, OTHER, policyText, STREAM } from './support';

/** The decision for kinesis:GetRecords on the stream under one conditioned Allow, in a context. */
function under(condition: Record<string, unknown>, context?: RequestContext, effect: 'Allow' | 'Deny' = 'Allow'): string {
  const conditioned = { Sid: 'Conditioned', Effect: effect, Action: 'kinesis:GetRecords', Resource: STREAM, Condition: condition };
  // A Deny is tried against an unconditioned Allow of the same request.
  const statements = effect === 'Deny' ? [{ Sid: 'All', Action: 'kinesis:GetRecords', Resource: STREAM }, conditioned] : [conditioned];
  return decide([policyText(...statements)], [], { action: 'kinesis:GetRecords', context }).decision;
}

describe('conditions in the evaluation core', () => {
  it('stays conditional while the context does not say the key, and decides once it does', () => {
    const secure = { Bool: { 'aws:SecureTransport': 'true' } };
    assert.equal(under(secure), 'conditional');
    assert.equal(under(secure, { 'aws:PrincipalAccount': OTHER }), 'conditional');
    assert.equal(under(secure, { 'aws:SecureTransport': 'true' }), 'allowed');
    assert.equal(under(secure, { 'aws:securetransport': 'false' }), 'implicitly-denied', 'keys match without regard to case');
    assert.equal(under({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'true' }), 'allowed', 'a JSON boolean reads as "true"');
  });

  it('combines operators and keys with AND, values with OR, and a negated operator with NOR', () => {
    const both = { StringEquals: { 'aws:PrincipalAccount': ['111122223333', '444455556666'] }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } };
    assert.equal(under(both, { 'aws:PrincipalAccount': OTHER, 'aws:SourceIp': '203.0.113.7' }), 'allowed');
    assert.equal(under(both, { 'aws:PrincipalAccount': OTHER, 'aws:SourceIp': '198.51.100.7' }), 'implicitly-denied');
    assert.equal(under(both, { 'aws:PrincipalAccount': OTHER }), 'conditional');
    const not = { StringNotEquals: { 'aws:PrincipalAccount': ['111122223333', '444455556666'] } };
    assert.equal(under(not, { 'aws:PrincipalAccount': OTHER }), 'implicitly-denied');
    assert.equal(under(not, { 'aws:PrincipalAccount': '999999999999' }), 'allowed');
  });

  it('reads a key missing from the request as IAM does: false, but true for negated, IfExists and Null', () => {
    const absent = { 'aws:SourceVpce': null };
    assert.equal(under({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, absent), 'implicitly-denied');
    assert.equal(under({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, absent), 'allowed');
    assert.equal(under({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, absent), 'allowed');
    assert.equal(under({ Null: { 'aws:SourceVpce': 'true' } }, absent), 'allowed');
    assert.equal(under({ Null: { 'aws:SourceVpce': 'false' } }, absent), 'implicitly-denied');
  });

  it('qualifies multivalued keys with ForAnyValue and ForAllValues', () => {
    const anyOf = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'env'] } };
    const allOf = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } };
    assert.equal(under(anyOf, { 'aws:TagKeys': ['team', 'cost'] }), 'allowed');
    assert.equal(under(allOf, { 'aws:TagKeys': ['team', 'cost'] }), 'implicitly-denied');
    assert.equal(under(allOf, { 'aws:TagKeys': ['team'] }), 'allowed');
    // The trap ForAllValues sets: a request without the key passes it.
    assert.equal(under(allOf, { 'aws:TagKeys': null }), 'allowed');
    assert.equal(under(anyOf, { 'aws:TagKeys': null }), 'implicitly-denied');
  });

  it('compares dates, numbers, ARNs and wildcards by their family', () => {
    assert.equal(under({ DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }, { 'aws:CurrentTime': '2026-12-01T10:00:00Z' }), 'allowed');
    assert.equal(under({ DateLessThan: { 'aws:CurrentTime': '2026-01-01' } }, { 'aws:CurrentTime': '2026-12-01T10:00:00Z' }), 'implicitly-denied');
    assert.equal(under({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': '120' }), 'allowed');
    assert.equal(under({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/reader-*' } }, { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/reader-1` }), 'allowed');
    assert.equal(under({ StringLike: { 'aws:PrincipalTag/team': 'Data*' } }, { 'aws:PrincipalTag/team': 'data-eng' }), 'implicitly-denied', 'StringLike respects case');
    assert.equal(under({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db8::1' }), 'allowed');
  });

  it('lets a Deny decide only when its condition holds', () => {
    const deny = { Bool: { 'aws:SecureTransport': 'false' } };
    assert.equal(under(deny, { 'aws:SecureTransport': 'false' }, 'Deny'), 'explicitly-denied');
    assert.equal(under(deny, { 'aws:SecureTransport': 'true' }, 'Deny'), 'allowed');
    assert.equal(under(deny, undefined, 'Deny'), 'conditional');
  });

  it('fills policy variables in from the context, and leaves them open where it says nothing', () => {
    const same = { StringEquals: { 'aws:PrincipalTag/team': '${aws:username}' } };
    assert.equal(under(same, { 'aws:PrincipalTag/team': 'data' }), 'conditional');
    assert.equal(under(same, { 'aws:PrincipalTag/team': 'data', 'aws:username': 'data' }), 'allowed');
    assert.equal(under(same, { 'aws:PrincipalTag/team': 'data', 'aws:username': 'bob' }), 'implicitly-denied');
    const fallback = { StringEquals: { 'aws:PrincipalTag/team': "${aws:username, 'nobody'}" } };
    assert.equal(under(fallback, { 'aws:PrincipalTag/team': 'nobody', 'aws:username': null }), 'allowed', 'the default of an absent key');
  });

  it('fills policy variables in resource ARNs from the context', () => {
    const text = policyText({ Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/${aws:PrincipalTag/team}-*' });
    const ask = (context?: RequestContext) =>
      decide([text], [], { action: 'kinesis:GetRecords', resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders-events', context }).decision;
    assert.equal(ask(), 'conditional');
    assert.equal(ask({ 'aws:PrincipalTag/team': 'orders' }), 'allowed');
    assert.equal(ask({ 'aws:PrincipalTag/team': 'payments' }), 'implicitly-denied');
  });
});
