import { AbstractMessageWriter, Disposable, type Message, type MessageReader, type MessageWriter, type RAL, ReadableStreamMessageReader } from 'vscode-languageserver-protocol';
import { encodeMessage } from './jsonPieces';

/** The server's stdin and stdout as JSON-RPC, for editors that start it with `--stdio`. */
export function stdioTransport(): { reader: MessageReader; writer: MessageWriter } {
  return { reader: new ReadableStreamMessageReader(readable(process.stdin)), writer: new StreamMessageWriter(process.stdout) };
}

/**
 * Writes JSON-RPC messages to a stream, header and body, encoded in pieces (see jsonPieces.ts).
 * Each message is written whole before `write` returns, so messages keep their order.
 */
export class StreamMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let buffers: Buffer[];
    try {
      buffers = encodeMessage(message);
    } catch (error) {
      this.fireError(error, message, ++this.errors);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errors);
        reject(error);
      };
      const last = buffers.length - 1;
      for (let i = 0; i < last; i++) this.stream.write(buffers[i]);
      this.stream.write(buffers[last], done);
    });
  }

  end(): void {
    this.stream.end();
  }
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
