import { AbstractMessageBuffer, Disposable, RAL, type Message } from 'vscode-languageserver-protocol';

/**
 * The runtime layer vscode-jsonrpc needs, for Node, without its `node` flavour: that one loads
 * `net` and `child_process` for sockets, pipes and spawning, which the extension never uses.
 * Messages travel over the stdio streams or a worker thread's port (see server/src/transport/streams.ts and ports.ts here).
 */
class MessageBuffer extends AbstractMessageBuffer {
  private static readonly empty = Buffer.allocUnsafe(0);

  protected emptyBuffer(): Uint8Array {
    return MessageBuffer.empty;
  }
  protected fromString(value: string, encoding: RAL.MessageBufferEncoding): Uint8Array {
    return Buffer.from(value, encoding);
  }
  protected toString(value: Uint8Array, encoding: RAL.MessageBufferEncoding): string {
    return value instanceof Buffer ? value.toString(encoding) : new TextDecoder(encoding).decode(value);
  }
  protected asNative(buffer: Uint8Array, length?: number): Uint8Array {
    const native = buffer instanceof Buffer ? buffer : Buffer.from(buffer);
    return length === undefined ? native : native.subarray(0, length);
  }
  protected allocNative(length: number): Uint8Array {
    return Buffer.allocUnsafe(length);
  }
}

const runtime: RAL = Object.freeze({
  messageBuffer: Object.freeze({ create: (encoding: RAL.MessageBufferEncoding) => new MessageBuffer(encoding) }),
  applicationJson: Object.freeze({
    encoder: Object.freeze({
      name: 'application/json',
      encode: (message: unknown, options: { charset: RAL.MessageBufferEncoding }) => Promise.resolve(Buffer.from(JSON.stringify(message), options.charset)),
    }),
    decoder: Object.freeze({
      name: 'application/json',
      decode: (buffer: Uint8Array, options: { charset: RAL.MessageBufferEncoding }) =>
        Promise.resolve(JSON.parse(new TextDecoder(options.charset).decode(buffer)) as Message),
    }),
  }),
  console,
  timer: Object.freeze({
    setTimeout: (callback: (...args: unknown[]) => void, ms: number, ...args: unknown[]): Disposable => {
      const handle = setTimeout(callback, ms, ...args);
      return Disposable.create(() => clearTimeout(handle));
    },
    setImmediate: (callback: (...args: unknown[]) => void, ...args: unknown[]): Disposable => {
      const handle = setImmediate(callback, ...args);
      return Disposable.create(() => clearImmediate(handle));
    },
    setInterval: (callback: (...args: unknown[]) => void, ms: number, ...args: unknown[]): Disposable => {
      const handle = setInterval(callback, ms, ...args);
      return Disposable.create(() => clearInterval(handle));
    },
  }),
});

let installed = false;

/** Installs the runtime layer once per bundle. */
export function installRuntime(): void {
  if (!installed) {
    RAL.install(runtime);
    installed = true;
  }
}
