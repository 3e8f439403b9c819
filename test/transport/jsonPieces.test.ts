import { strict as assert } from 'node:assert';
import { PassThrough, Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { encodeMessage, PieceBuffers } from '../../server/src/transport/jsonPieces';
import { StreamMessageWriter } from '../../server/src/transport/streams';

/** What the stream transport has always written: the header, then `JSON.stringify` as UTF-8. */
function expected(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** A publishDiagnostics notification with `count` diagnostics, some with text beyond ASCII. */
function notification(count: number): unknown {
  const diagnostics = Array.from({ length: count }, (_, i) => ({
    range: { start: { line: i, character: 8 }, end: { line: i, character: 30 } },
    severity: 1,
    code: 'resource-policy/unsupported-action',
    codeDescription: { href: 'file:///ext/docs/rules.md#resource-policy/unsupported-action' },
    source: 'kinesis-policy',
    message: i % 7 === 0 ? `Politique « ${i} » 😀 ${'é'.repeat(i % 50)}` : `dynamodb:GetItem cannot be granted (${i})`,
    tags: undefined,
    data: i % 3 === 0 ? undefined : { action: 'dynamodb:GetItem', list: [i, null, undefined] },
  }));
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///w/policy.json', version: 3, diagnostics } };
}

describe('the stream transport', () => {
  it('encodes small messages as JSON.stringify does, in one buffer', () => {
    for (const message of [
      { jsonrpc: '2.0', id: 1, result: null },
      { jsonrpc: '2.0', id: 2, result: { contents: { kind: 'markdown', value: 'é 😀 \u2028' }, range: undefined } },
      { jsonrpc: '2.0', id: 3, result: [1, undefined, () => 1, 'x'], skipped: () => 1 },
      { jsonrpc: '2.0', id: 4, result: { at: new Date(0), list: Array.from({ length: 70 }, (_, i) => (i % 2 ? i : undefined)) } },
    ]) {
      const buffers = encodeMessage(message);
      assert.equal(buffers.length, 1);
      assert.deepEqual(buffers[0], expected(message));
    }
  });

  it('encodes thousands of diagnostics in pieces, byte for byte as JSON.stringify does', () => {
    const message = notification(5_000);
    const buffers = encodeMessage(message);
    assert.ok(buffers.length > 2, 'more than one piece');
    assert.ok(buffers.every((b) => b.length <= 64 * 1024 || b === buffers[0]));
    assert.deepEqual(Buffer.concat(buffers), expected(message));
  });

  it('encodes a long text in parts without splitting a character', () => {
    for (const text of ['😀'.repeat(40_000), `x${'😀'.repeat(40_000)}`, 'é'.repeat(70_000), `${'a'.repeat(21_844)}😀${'b'.repeat(50_000)}`]) {
      const message = { jsonrpc: '2.0', id: 9, result: { newText: text, more: Array.from({ length: 70 }, () => text.slice(0, 500)) } };
      assert.deepEqual(Buffer.concat(encodeMessage(message)), expected(message));
    }
  });

  it('writes each message whole and in order', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new StreamMessageWriter(stream);
    const messages = [notification(300), { jsonrpc: '2.0', id: 1, result: 'é' }, notification(2)] as Parameters<StreamMessageWriter['write']>[0][];
    await Promise.all(messages.map((m) => writer.write(m)));
    assert.deepEqual(Buffer.concat(chunks), Buffer.concat(messages.map(expected)));
  });

  it('answers a request before a large notification still being encoded, and keeps notifications in order', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new StreamMessageWriter(stream);
    type Written = Parameters<StreamMessageWriter['write']>[0];
    const large = notification(5_000) as Written;
    const after = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'after' } } as Written;
    const response = { jsonrpc: '2.0', id: 7, result: { items: [] } } as Written;
    const written = [writer.write(large), writer.write(after), writer.write(response)];
    // The response is on the stream at once; the notifications follow, in their order.
    assert.deepEqual(Buffer.concat(chunks), expected(response));
    await Promise.all(written);
    assert.deepEqual(Buffer.concat(chunks), Buffer.concat([response, large, after].map(expected)));
  });

  it('writes the diagnostics published before from their first JSON, each message as JSON.stringify has it', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new StreamMessageWriter(stream);
    type Written = Parameters<StreamMessageWriter['write']>[0] & { params: { version: number; diagnostics: { message: string }[] } };
    const first = notification(2_000) as Written;
    await writer.write(first);
    // The next keystroke's: most diagnostics the same objects, a few new, in another order.
    const fresh = (notification(300) as Written).params.diagnostics;
    const kept = first.params.diagnostics.slice(0, 1_500);
    const second = { ...first, params: { ...first.params, version: 4, diagnostics: [...fresh.slice(0, 100), ...kept, ...fresh.slice(100)] } } as Written;
    await writer.write(second);
    assert.deepEqual(Buffer.concat(chunks), Buffer.concat([first, second].map(expected)));
    // A published diagnostic does not change: one that did would be written as it was first published.
    const was = kept[0].message;
    kept[0].message = 'changed';
    chunks.length = 0;
    await writer.write({ ...second, params: { ...second.params, version: 5 } } as Written);
    const text = Buffer.concat(chunks).toString('utf8');
    assert.ok(text.includes(JSON.stringify(was)) && !text.includes('"changed"'));
    // Other messages' long arrays are written as they are.
    chunks.length = 0;
    const list = { jsonrpc: '2.0', id: 7, result: kept } as unknown as Written;
    await writer.write(list);
    assert.deepEqual(Buffer.concat(chunks), expected(list));
  });

  it('uses the buffers of a large message again once it is written, each message written as JSON.stringify has it', async () => {
    // Like a file descriptor: the bytes are copied out before a write's callback, a little later.
    const copied: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        copied.push(Buffer.from(chunk));
        setImmediate(callback);
      },
    });
    const pool = new PieceBuffers();
    const writer = new StreamMessageWriter(stream, pool);
    type Written = Parameters<StreamMessageWriter['write']>[0];
    const first = notification(4_000) as Written;
    await writer.write(first);
    const kept = pool.size;
    assert.ok(kept > 10, `the first message's buffers are given back (${kept})`);
    const second = notification(3_000) as Written;
    const third = { jsonrpc: '2.0', id: 1, result: 'é' } as Written;
    await Promise.all([writer.write(second), writer.write(third)]);
    assert.ok(pool.size <= kept + 1, 'the second message took buffers from those given back');
    assert.deepEqual(Buffer.concat(copied), Buffer.concat([first, third, second].map(expected)));
  });
});
