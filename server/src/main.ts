import { join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { createConnection, createProtocolConnection, ProposedFeatures, type Logger, type MessageReader, type MessageWriter } from 'vscode-languageserver';
import { nodeCatalogSource } from './nodeCatalogSource';
import { startServer } from './server';
import { PortMessageReader, PortMessageWriter } from '../../common/src/transport/ports';
import { installRuntime } from '../../common/src/transport/runtime';
import { stdioTransport } from './transport/streams';
import { loadHcl } from './hcl';
import { packagedBundle } from './l10nFiles';

// The extension runs the server in a worker thread; other editors start it with `--stdio`.
declare const SERVER_VERSION: string | undefined;

/** The connection's ends, and whether they are the process's stdin and stdout. */
function transport(): { reader: MessageReader; writer: MessageWriter; stdio: boolean } | undefined {
  // The extension's worker is started without arguments. Checked first: a server on stdio does not
  // load Node's worker module, which took some 10 ms of its start.
  if (process.argv.includes('--stdio')) return { ...stdioTransport(), stdio: true };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isMainThread, parentPort } = require('node:worker_threads') as typeof WorkerThreads;
  if (!isMainThread && parentPort) return { reader: new PortMessageReader(parentPort, 'close'), writer: new PortMessageWriter(parentPort), stdio: false };
  return undefined;
}

installRuntime();
const channel = transport();
if (!channel) {
  process.stderr.write('Usage: node server.js --stdio\n(The Kinesis Policy language server speaks LSP over stdin and stdout.)\n');
  process.exit(2);
}

let shutdown = false;
const watchDog = {
  initialize: () => undefined,
  get shutdownReceived() {
    return shutdown;
  },
  set shutdownReceived(value: boolean) {
    shutdown = value;
  },
  // In a worker thread, process.exit ends the thread, not the editor.
  exit: (code: number) => process.exit(code),
};
const connection = createConnection((logger: Logger) => createProtocolConnection(channel.reader, channel.writer, logger), watchDog, ProposedFeatures.all);
// An editor that goes away without saying so closes our stdin: stop with it.
if (channel.stdio) process.stdin.on('end', () => process.exit(shutdown ? 0 : 1));

startServer(connection, {
  hcl: () => loadHcl(__dirname),
  l10nBundle: (locale) => packagedBundle(locale),
  catalogSource: nodeCatalogSource(join(__dirname, 'data')),
  version: typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'dev',
  // The bundle is dist/server.js; the rules documentation ships as docs/rules.md beside dist/.
  rulesDocumentation: pathToFileURL(join(__dirname, '..', 'docs', 'rules.md')).href,
  timers: {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    setImmediate: (callback) => setImmediate(callback),
    now: () => performance.now(),
  },
});
