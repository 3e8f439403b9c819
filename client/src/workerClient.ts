import { Worker } from 'node:worker_threads';
import { BaseLanguageClient, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient';
import { PortMessageReader, PortMessageWriter } from '../../common/src/transport/ports';
import { installRuntime } from '../../common/src/transport/runtime';

/**
 * A language client whose server runs in a worker thread of the extension host: no process is
 * spawned, and the extension loads no process or network module (see server/src/transport).
 * When the worker stops, the client's error handler decides whether to start a new one.
 */
export class WorkerLanguageClient extends BaseLanguageClient {
  private worker: Worker | undefined;

  constructor(
    id: string,
    name: string,
    private readonly serverModule: string,
    options: LanguageClientOptions,
  ) {
    installRuntime();
    super(id, name, options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    const worker = new Worker(this.serverModule, { stdout: false, stderr: false });
    this.worker = worker;
    return Promise.resolve({ reader: new PortMessageReader(worker, 'exit'), writer: new PortMessageWriter(worker) });
  }

  /** Stops the server's thread at once, as a crash would. For the crash-recovery test. */
  async terminateServer(): Promise<void> {
    await this.worker?.terminate();
  }
}
