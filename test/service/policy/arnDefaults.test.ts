import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ArnDefaultsMemory } from '../../../server/src/service/policy/arnDefaults';
import { parsePolicy } from '../../../server/src/service/policy/parsePolicy';

const ARN = 'arn:aws:kinesis:eu-west-1:111122223333:';

function streams(...resources: string[]): string[] {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:GetRecords', Resource: resources }] });
  return new ArnDefaultsMemory().of(parsePolicy(text)).streams;
}

describe('the streams a policy names, offered for new ARNs', () => {
  it('counts a stream named by the stream, its consumers and their patterns, the most named first', () => {
    assert.deepEqual(streams(`${ARN}stream/clicks`, `${ARN}stream/orders`, `${ARN}stream/orders/consumer/app:1700000000`, `${ARN}stream/orders/consumer/*`), ['orders', 'clicks']);
  });

  it('offers no name Kinesis would refuse: longer than 128 characters, or of other characters', () => {
    assert.deepEqual(streams(`${ARN}stream/${'s'.repeat(128)}`), ['s'.repeat(128)]);
    assert.deepEqual(streams(`${ARN}stream/${'s'.repeat(129)}`, `${ARN}stream/orders feed`, `${ARN}stream/caf\u00e9`), []);
  });
});
