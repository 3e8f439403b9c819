import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { PendingReads } from '../../server/src/pendingReads';

/** Whether a promise has settled by the time the microtasks queued so far have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('PendingReads', () => {
  it('holds a request on a version being read until its reading ends', async () => {
    const reads = new PendingReads();
    reads.expect('file:///a.yaml', 1);
    const waiting = reads.ready('file:///a.yaml', 1);
    assert.equal(await settled(waiting), false);
    assert.equal(await settled(reads.ready('file:///b.yaml', 1)), true, 'another document does not wait');
    reads.end('file:///a.yaml', 1);
    assert.equal(await settled(waiting), true);
  });

  it('lets the waiters of an earlier version go when a later one is to be read, and keeps the later one for its own reading', async () => {
    const reads = new PendingReads();
    reads.expect('file:///a.yaml', 1);
    const first = reads.ready('file:///a.yaml', 1);
    reads.expect('file:///a.yaml', 2);
    assert.equal(await settled(first), true);
    const second = reads.ready('file:///a.yaml', 2);
    // The first version's validation, given up, ends its reading: not the second's.
    reads.end('file:///a.yaml', 1);
    assert.equal(await settled(second), false);
    reads.end('file:///a.yaml');
    assert.equal(await settled(second), true);
  });
});
