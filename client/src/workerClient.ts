import { Worker } from 'node:worker_threads';
import { BaseLanguageClient, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient';
import { PortMessageReader, PortMessageWriter } from '../../common/src/transport/ports';
import { installRuntime } from '../../common/src/transport/runtime';

/**
 * The server's young generation, in MB: V8's default lets it grow to 48 (two semi-spaces of 16
 * and the young large objects), and reading a large policy always grows it that far, since more
 * of what the reading builds survives each scavenge than the semi-spaces hold. At 12 (semi-spaces
 * of 4 MB, as `node --max-semi-space-size=4` gives a server started with `--stdio`) the 2 MB
 * policy's session peaks some 20 MB lower; docs/benchmarks.md weighs what the more frequent
 * scavenges cost. The old generation is left as V8 sizes it.
 */
const SERVER_YOUNG_GENERATION_MB = 12;

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
    const worker = new Worker(this.serverModule, { stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: SERVER_YOUNG_GENERATION_MB } });
    this.worker = worker;
    return Promise.resolve({ reader: new PortMessageReader(worker, 'exit'), writer: new PortMessageWriter(worker) });
  }

  /** Stops the server's thread at once, as a crash would. For the crash-recovery test. */
  async terminateServer(): Promise<void> {
    await this.worker?.terminate();
  }
}
