import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { spliceIn } from '../../../server/src/service/hosts/terraform/spliceIn';
import { fuzzParameters } from '../../property/fuzzConfig';

describe('spliceIn', () => {
  it('makes of the array what splice makes, and gives back what it removed', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(99), { maxLength: 30 }), fc.nat(40), fc.nat(40), fc.array(fc.nat(99), { maxLength: 30 }), (array, at, many, items) => {
        const start = Math.min(at, array.length);
        const count = Math.min(many, array.length - start);
        const expected = [...array];
        const expectedRemoved = expected.splice(start, count, ...items);
        const removed = spliceIn(array, start, count, items);
        assert.deepEqual(array, expected);
        assert.deepEqual(removed, expectedRemoved);
      }),
      fuzzParameters(500),
    );
  });
});
