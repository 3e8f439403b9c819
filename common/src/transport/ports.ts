import { AbstractMessageReader, AbstractMessageWriter, Disposable, type DataCallback, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver-protocol';

/** A worker thread, or a worker's `parentPort`: both post and receive structured messages. */
export interface MessageEndpoint {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit' | 'close', listener: () => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/** Reads JSON-RPC messages posted by the other end of a worker thread. */
export class PortMessageReader extends AbstractMessageReader implements MessageReader {
  constructor(
    private readonly endpoint: MessageEndpoint,
    closeEvent: 'exit' | 'close',
  ) {
    super();
    endpoint.on('error', (error) => this.fireError(error));
    endpoint.on(closeEvent, () => this.fireClose());
  }

  listen(callback: DataCallback): Disposable {
    const listener = (message: unknown) => callback(message as Message);
    this.endpoint.on('message', listener);
    return Disposable.create(() => this.endpoint.off('message', listener));
  }
}

/** Posts JSON-RPC messages to the other end of a worker thread. */
export class PortMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly endpoint: MessageEndpoint) {
    super();
  }

  write(message: Message): Promise<void> {
    try {
      this.endpoint.postMessage(message);
      return Promise.resolve();
    } catch (error) {
      this.fireError(error, message, ++this.errors);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  end(): void {}
}
