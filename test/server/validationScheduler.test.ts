import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TypingHold } from '../../server/src/typingHold';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { QUICK_AGAIN_MS, QUICK_CHECK_MS, ValidationScheduler, type Timers } from '../../server/src/validationScheduler';
import { letRequestsIn } from '../../server/src/slices';
import { PROGRESS_AFTER_MS, type Progress } from '../../server/src/checkProgress';

/** A clock that moves only when told, and runs the timers that fall due. */
class FakeClock implements Timers {
  time = 0;
  private next = 1;
  readonly timers = new Map<number, { at: number; callback: () => void }>();
  /** The delay of each timer set, in order. */
  readonly delays: number[] = [];
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.delays.push(ms);
    this.timers.set(handle, { at: this.time + ms, callback });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  setImmediate(callback: () => void): void {
    callback();
  }
  now(): number {
    return this.time;
  }
  /** Moves the clock on by `ms`, running each timer that falls due, and lets what they start finish. */
  async advance(ms: number): Promise<void> {
    this.time += ms;
    for (const [handle, timer] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.time) continue;
      this.timers.delete(handle);
      timer.callback();
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A scheduler over one document whose validation takes `workMs` of the fake clock; what it publishes, by version. */
function setUp(
  workMs: number,
  delay = 150,
  writeMs = 0,
  steps?: (edit: () => void, clock: FakeClock) => Generator<void, Diagnostic[], void>,
  progress?: (uri: string) => Progress,
) {
  const clock = new FakeClock();
  let document = TextDocument.create('file:///p.json', 'json', 1, '{}');
  const published: number[] = [];
  const connection = {
    // Written at once, or (a large notification, encoded in steps) `writeMs` later.
    sendDiagnostics: (p: { version?: number }) => {
      published.push(p.version ?? -1);
      return writeMs === 0 ? Promise.resolve() : new Promise<void>((resolve) => clock.setTimeout(resolve, writeMs));
    },
    console: { error: (message: string) => assert.fail(message) },
  } as unknown as Connection;
  const documents = { get: () => document, all: () => [document] } as unknown as TextDocuments<TextDocument>;
  // eslint-disable-next-line require-yield
  function* validate(): Generator<void, Diagnostic[], void> {
    clock.time += workMs;
    return [];
  }
  const edit = () => {
    document = TextDocument.update(document, [{ text: `{"v": ${document.version}}` }], document.version + 1);
    scheduler.schedule(document);
  };
  const check = steps ? () => steps(edit, clock) : validate;
  const scheduler = new ValidationScheduler(connection, documents, check, { delay: () => delay, quickCheck: () => true, typingPause: () => 0, maxProblems: () => 1000, hold: new TypingHold() }, clock, progress);
  return { clock, scheduler, published, edit, document: () => document };
}

/** A scheduler whose checks cost, in turn, the milliseconds given. */
function withCosts(costs: readonly number[]) {
  let made = 0;
  // eslint-disable-next-line require-yield
  function* scripted(_edit: () => void, clock: FakeClock): Generator<void, Diagnostic[], void> {
    clock.time += costs[made++];
    return [];
  }
  return { ...setUp(0, 150, 0, scripted), made: () => made };
}

describe('ValidationScheduler', () => {
  it('checks every edit at once while the document’s check is quick', async () => {
    const { clock, scheduler, published, edit, document } = setUp(2);
    scheduler.schedule(document());
    await clock.advance(0);
    assert.deepEqual(published, [1], 'a document just opened is checked at once');
    // Five keystrokes, 50 ms apart: each checked as it comes.
    for (let i = 0; i < 5; i++) {
      await clock.advance(50);
      edit();
      await clock.advance(0);
    }
    assert.deepEqual(published, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(clock.delays, [], 'every check at once, with no timer set');
  });

  it('waits for the delay after every edit of a document whose check is slow', async () => {
    const { clock, scheduler, published, edit, document } = setUp(QUICK_CHECK_MS + 20);
    scheduler.schedule(document());
    await clock.advance(0);
    await clock.advance(1000);
    edit();
    await clock.advance(0);
    assert.deepEqual(published, [1], 'not at once: its last check was slow');
    await clock.advance(150);
    assert.deepEqual(published, [1, 2]);
  });

  it('counts the writing of the diagnostics in the cost: a quick check whose findings take long to send is slow', async () => {
    const { clock, scheduler, published, edit, document } = setUp(2, 150, QUICK_CHECK_MS + 10);
    scheduler.schedule(document());
    await clock.advance(0);
    // A keystroke while the first findings are still being written: not at once.
    await clock.advance(10);
    edit();
    await clock.advance(0);
    assert.deepEqual(published, [1]);
    await clock.advance(1000);
    // Written by now, and slow: the next keystroke waits for the delay too.
    edit();
    await clock.advance(0);
    assert.deepEqual(published, [1, 2]);
    await clock.advance(150);
    assert.deepEqual(published, [1, 2, 3]);
  });

  it('stops a check whose document changed at a pause, and lets its steps go (what they hold is freed)', async () => {
    const events: string[] = [];
    const { scheduler, published, document, clock } = setUp(0, 150, 0, function* (edit, time) {
      try {
        events.push('started');
        time.time += 10;
        yield;
        // An edit comes in while the check pauses.
        if (events.length === 1) edit();
        time.time += 10;
        yield;
        events.push('finished');
        return [];
      } finally {
        events.push('let go');
      }
    });
    scheduler.schedule(document());
    await clock.advance(0);
    await clock.advance(0);
    assert.deepEqual(events.slice(0, 2), ['started', 'let go'], 'the first check stops at its pause, its steps let go');
    await clock.advance(1000);
    assert.deepEqual(published, [2], 'the edited version is checked and published, the first is not');
  });

  it('shows a long check as work in progress from its first pause past the threshold to its end, and a short one not', async () => {
    const events: string[] = [];
    const progress = (uri: string) => {
      events.push(`begin ${uri}`);
      return { done: () => events.push('done') };
    };
    // Twenty steps of 50 ms: the progress begins at the pause after 500 ms of checking.
    const { scheduler, published, document, clock } = setUp(0, 150, 0, function* (_edit, time) {
      for (let i = 0; i < 20; i++) {
        time.time += 50;
        events.push(`step ${i}`);
        yield;
      }
      return [];
    }, progress);
    scheduler.schedule(document());
    for (let i = 0; i < 30; i++) await clock.advance(0);
    const begin = events.indexOf('begin file:///p.json');
    assert.equal(events[begin - 1], `step ${PROGRESS_AFTER_MS / 50 - 1}`, events.join(', '));
    assert.deepEqual(events.slice(-2), ['step 19', 'done']);
    assert.deepEqual(published, [1]);

    const quick: string[] = [];
    const short = setUp(0, 150, 0, function* (_edit, time) {
      for (let i = 0; i < 9; i++) {
        time.time += 50;
        yield;
      }
      return [];
    }, (uri) => (quick.push(uri), { done: () => quick.push('done') }));
    short.scheduler.schedule(short.document());
    for (let i = 0; i < 30; i++) await short.clock.advance(0);
    assert.deepEqual(short.published, [1]);
    assert.deepEqual(quick, [], 'a check of 450 ms shows nothing');
  });

  it('ends the progress of a long check that an edit stops', async () => {
    const events: string[] = [];
    const { scheduler, document, clock } = setUp(0, 150, 0, function* (edit, time) {
      for (let i = 0; i < 20; i++) {
        time.time += 100;
        if (i === 8 && document().version === 1) edit();
        yield;
      }
      return [];
    }, () => (events.push('begin'), { done: () => events.push('done') }));
    scheduler.schedule(document());
    for (let i = 0; i < 10; i++) await clock.advance(0);
    assert.deepEqual(events.slice(0, 2), ['begin', 'done'], 'the stopped check ends its progress');
  });

  it('judges a document by the median of its last three checks: one slow or one quick check does not flip it', async () => {
    // The checks' costs in turn: quick, then one slow among quick ones, then one quick among slow ones.
    const slow = QUICK_CHECK_MS + 20;
    const costs = [5, 5, 5, slow, 5, 5, slow, slow, 5, 5, 5];
    const { clock, scheduler, published, edit, document, made } = withCosts(costs);
    scheduler.schedule(document());
    await clock.advance(0);
    /** Types a keystroke a second after the last: whether it was checked at once. */
    const atOnce = async (): Promise<boolean> => {
      await clock.advance(1000);
      const before = published.length;
      edit();
      await clock.advance(0);
      const now = published.length > before;
      await clock.advance(150);
      return now;
    };
    const seen: boolean[] = [];
    for (let i = 1; i < costs.length; i++) seen.push(await atOnce());
    // Keystroke n is judged by checks n-3 to n-1 (the first by the opening check alone).
    assert.deepEqual(seen, [true, true, true, true, true, true, true, false, false, true]);
    assert.equal(made(), costs.length, 'every keystroke checked, at once or after the delay');
  });

  it('keeps the way a document is checked while its checks cost between the two lines', async () => {
    // Quick; then checks of 25 ms, between the lines; slow ones; 25 ms again; then quick ones.
    const between = (QUICK_AGAIN_MS + QUICK_CHECK_MS) / 2;
    const slow = QUICK_CHECK_MS + 10;
    const fast = QUICK_AGAIN_MS - 5;
    const costs = [5, 5, between, between, between, slow, slow, between, between, between, fast, fast, fast];
    const { clock, scheduler, published, edit, document } = withCosts(costs);
    scheduler.schedule(document());
    await clock.advance(0);
    const seen: boolean[] = [];
    for (let i = 1; i < costs.length; i++) {
      await clock.advance(1000);
      const before = published.length;
      edit();
      await clock.advance(0);
      seen.push(published.length > before);
      await clock.advance(150);
    }
    // A quick document stays quick through checks between the lines; once slow, it stays slow through
    // them too, and is quick again when its checks are under the lower line.
    assert.deepEqual(seen, [true, true, true, true, true, true, false, false, false, false, false, true]);
  });

  it('weighs the opening check, which reads the whole document, only until an edit is checked', async () => {
    const costs = [QUICK_CHECK_MS + 200, 5, 5];
    const { clock, scheduler, published, edit, document } = withCosts(costs);
    scheduler.schedule(document());
    await clock.advance(0);
    await clock.advance(1000);
    edit();
    await clock.advance(0);
    assert.deepEqual(published, [1], 'after a slow opening, the first keystroke waits for the delay');
    await clock.advance(150);
    assert.deepEqual(published, [1, 2]);
    edit();
    await clock.advance(0);
    assert.deepEqual(published, [1, 2, 3], 'the next is checked at once: its one edit check was quick');
  });

  it('waits for the delay after the last of a burst of edits of a slow document: the burst costs one check', async () => {
    const { clock, scheduler, published, edit, document } = setUp(QUICK_CHECK_MS + 20, 400);
    scheduler.schedule(document());
    await clock.advance(0);
    for (let i = 0; i < 5; i++) {
      await clock.advance(50);
      edit();
    }
    await clock.advance(399);
    assert.deepEqual(published, [1], 'nothing before the delay after the last keystroke');
    await clock.advance(1);
    assert.deepEqual(published, [1, 6], 'one check, of the last version');
  });

});

describe('ValidationScheduler over a real connection', () => {
  it('answers a completion read right behind a keystroke before the keystroke’s check', async () => {
    const input = new PassThrough();
    const rpc = createMessageConnection(new StreamMessageReader(input), new StreamMessageWriter(new PassThrough()));
    const order: string[] = [];
    let document = TextDocument.create('file:///p.json', 'json', 1, '{}');
    const documents = { get: () => document, all: () => [document] } as unknown as TextDocuments<TextDocument>;
    const connection = { sendDiagnostics: () => Promise.resolve(), console: { error: (message: string) => assert.fail(message) } } as unknown as Connection;
    // eslint-disable-next-line require-yield
    function* validate(checked: TextDocument): Generator<void, Diagnostic[], void> {
      order.push(`checked ${checked.version}`);
      return [];
    }
    const timing = { delay: () => 150, quickCheck: () => true, typingPause: () => 0, maxProblems: () => 1000, hold: new TypingHold() };
    const scheduler = new ValidationScheduler(connection, documents, validate, timing, { setTimeout, clearTimeout, setImmediate, now: () => performance.now() });
    rpc.onNotification('type', () => {
      document = TextDocument.update(document, [{ text: '{"a": 1}' }], document.version + 1);
      scheduler.schedule(document);
    });
    rpc.onRequest('complete', () => {
      order.push('completion answered');
      return null;
    });
    rpc.listen();
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const message = (body: object) => {
      const text = JSON.stringify({ jsonrpc: '2.0', ...body });
      return `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
    };
    try {
      // Opened: checked at once, and found quick.
      scheduler.schedule(document);
      await until(() => order.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      // The keystroke and the completion asked behind it arrive together, as the editor writes them.
      input.write(message({ method: 'type' }) + message({ id: 1, method: 'complete' }));
      await until(() => order.length === 3);
      assert.deepEqual(order, ['checked 1', 'completion answered', 'checked 2']);
    } finally {
      rpc.dispose();
    }
  });
});

describe('letRequestsIn', () => {
  it('answers a request that came in while work ran before the work goes on', async () => {
    const input = new PassThrough();
    const connection = createMessageConnection(new StreamMessageReader(input), new StreamMessageWriter(new PassThrough()));
    const order: string[] = [];
    connection.onRequest('probe', () => {
      order.push('request answered');
      return null;
    });
    connection.listen();
    try {
      // The request's bytes are there when the work pauses.
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'probe' });
      input.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await letRequestsIn();
      order.push('work goes on');
      assert.deepEqual(order, ['request answered', 'work goes on']);
    } finally {
      connection.dispose();
    }
  });
});
