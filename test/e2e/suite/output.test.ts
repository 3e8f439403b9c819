import * as assert from 'node:assert/strict';
import { serverOutput } from './helpers';

// Runs last: whatever the scenarios before it asked of the server, it logged no error.
describe('Server output', () => {
  it('has no errors or warnings after the other scenarios', async () => {
    const problems = (await serverOutput()).split('\n').filter((line) => /\[(error|warning)\]/i.test(line));
    assert.deepEqual(problems, []);
  });
});
