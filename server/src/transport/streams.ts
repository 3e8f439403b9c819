import { Disposable, type RAL, ReadableStreamMessageReader, WriteableStreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver-protocol';

/** The server's stdin and stdout as JSON-RPC, for editors that start it with `--stdio`. */
export function stdioTransport(): { reader: MessageReader; writer: MessageWriter } {
  return { reader: new ReadableStreamMessageReader(readable(process.stdin)), writer: new WriteableStreamMessageWriter(writable(process.stdout)) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stream listeners take what the event carries
function on(stream: NodeJS.EventEmitter, event: string, listener: (...args: any[]) => void): Disposable {
  stream.on(event, listener);
  return Disposable.create(() => stream.off(event, listener));
}

function readable(stream: NodeJS.ReadableStream): RAL.ReadableStream {
  return {
    onData: (listener) => on(stream, 'data', listener),
    onClose: (listener) => on(stream, 'close', listener),
    onError: (listener) => on(stream, 'error', listener),
    onEnd: (listener) => on(stream, 'end', listener),
  };
}

function writable(stream: NodeJS.WritableStream): RAL.WritableStream {
  return {
    onClose: (listener) => on(stream, 'close', listener),
    onError: (listener) => on(stream, 'error', listener),
    onEnd: (listener) => on(stream, 'end', listener),
    write: (data: Uint8Array | string, encoding?: RAL.MessageBufferEncoding) =>
      new Promise<void>((resolve, reject) => {
        const done = (error?: Error | null) => (error ? reject(error) : resolve());
        if (typeof data === 'string') stream.write(data, encoding ?? 'utf-8', done);
        else stream.write(data, done);
      }),
    end: () => stream.end(),
  };
}
