import { AbstractMessageWriter, Disposable, Message, PublishDiagnosticsNotification, type MessageReader, type MessageWriter, type RAL, ReadableStreamMessageReader } from 'vscode-languageserver-protocol';
import { encodeInto, PieceBuffers, type ElementJson, type Encoded } from './jsonPieces';
import { finish } from '../service/steps';
import { letRequestsIn } from '../slices';

/** The server's stdin and stdout as JSON-RPC, for editors that start it with `--stdio`. */
export function stdioTransport(): { reader: MessageReader; writer: MessageWriter } {
  // Written to a file descriptor, whose bytes are copied out before the write's callback: the
  // buffers of a large message can be used again for the next.
  return { reader: new ReadableStreamMessageReader(readable(process.stdin)), writer: new StreamMessageWriter(process.stdout, new PieceBuffers()) };
}

/**
 * Writes JSON-RPC messages to a stream, header and body, encoded in pieces (see jsonPieces.ts).
 * A message is written whole, and messages in the order they come, except that a response does
 * not wait behind a large notification still being encoded: thousands of diagnostics take some
 * 20 ms to encode, in steps with other work between them, and a completion asked meanwhile in
 * another document is answered first. (A response belongs to no notification's order; requests
 * and notifications keep theirs.)
 */
export class StreamMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;
  /** The messages being encoded in steps or waiting to be, in order; settled when the last is written. */
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  /** The JSON of the diagnostics published so far, which nothing changes once published (see `ElementJson`). */
  private readonly diagnosticsJson: ElementJson = new WeakMap();

  /**
   * `pieces`: where a large message's buffers come from and go back to once written; only for a
   * stream that has copied a buffer's bytes when it calls a write's callback (a file descriptor).
   */
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly pieces?: PieceBuffers,
  ) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const steps = encodeInto(message, this.pieces, Message.isNotification(message) && message.method === PublishDiagnosticsNotification.method ? this.diagnosticsJson : undefined);
    if (this.queued === 0 || Message.isResponse(message)) {
      // Encoded at once if it is small; otherwise in steps, behind what is queued.
      let encoded: Encoded | undefined;
      try {
        const first = steps.next();
        encoded = first.done ? first.value : Message.isResponse(message) ? finish(steps) : undefined;
      } catch (error) {
        return this.failed(error, message);
      }
      if (encoded) return this.send(encoded, message);
    }
    this.queued++;
    const written = this.queue.then(() => encodeInSteps(steps)).then(
      (encoded) => this.send(encoded, message),
      (error: unknown) => this.failed(error, message),
    );
    const settled = () => {
      this.queued--;
    };
    this.queue = written.then(settled, settled);
    return written;
  }

  private send({ buffers, taken }: Encoded, message: Message): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => {
        // Written in order: when the last piece is, every piece is.
        this.pieces?.giveBack(taken);
        if (!error) return resolve();
        this.fireError(error, message, ++this.errors);
        reject(error);
      };
      const last = buffers.length - 1;
      for (let i = 0; i < last; i++) this.stream.write(buffers[i]);
      this.stream.write(buffers[last], done);
    });
  }

  private failed(error: unknown, message: Message): Promise<void> {
    this.fireError(error, message, ++this.errors);
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
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

/** The rest of an encoding's steps, with a pause between two of them for other work. */
async function encodeInSteps(steps: Generator<void, Encoded, void>): Promise<Encoded> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await letRequestsIn();
  }
}

