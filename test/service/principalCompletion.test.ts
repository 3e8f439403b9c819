import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { editOf, itemNamed, labels } from '../support/service';

describe('principal completion', () => {
  it('offers principal types, marking those Kinesis resource policies reject', () => {
    assert.deepEqual(labels('{"Statement": [{"Principal": {|}}]}'), ['AWS', 'Service', 'Federated', 'CanonicalUser']);
    const service = itemNamed('{"Statement": [{"Principal": {|}}]}', 'Service');
    assert.equal(service.detail, 'Not for Kinesis resource policies');
    assert.equal(itemNamed('{"Statement": [{"Principal": {|}}]}', 'AWS').detail, undefined);
  });

  it('offers account, root, role and user templates for AWS principals', () => {
    assert.deepEqual(labels('{"Statement": [{"Principal": {"AWS": ["|"]}}]}'), [
      '${AccountId}',
      'arn:aws:iam::${AccountId}:root',
      'arn:aws:iam::${AccountId}:role/${RoleName}',
      'arn:aws:iam::${AccountId}:user/${UserName}',
    ]);
    const role = itemNamed('{"Statement": [{"Principal": {"AWS": "|"}}]}', 'arn:aws:iam::${AccountId}:role/${RoleName}');
    assert.equal(editOf(role).newText, '"arn:aws:iam::${1:AccountId}:role/${2:RoleName}"');
  });

  it('offers an AWS principal object or "*" as the Principal value', () => {
    assert.deepEqual(labels('{"Statement": [{"Principal": |}]}'), ['{ "AWS": ... }', '*']);
    assert.deepEqual(labels('{"Statement": [{"Principal": "|"}]}'), ['*']);
  });
});
