import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { groupedDigits } from '../../../server/src/service/diagnostics/helpers/size';

describe("the sizes in the size rules' messages", () => {
  it('group their digits as toLocaleString("en-US") does', () => {
    const numbers = [0, 7, 12, 999, 1000, 6144, 20480, 99999, 100000, 123456, 1234567, 20971520, 1e12, -1, -1234, -1234567];
    for (let n = 1; n < 1e15; n = n * 7 + 3) numbers.push(n);
    for (const n of numbers) assert.equal(groupedDigits(n), n.toLocaleString('en-US'), String(n));
  });
});
