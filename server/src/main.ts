import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort } from 'node:worker_threads';
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

function transport(): { reader: MessageReader; writer: MessageWriter } | undefined {
  if (!isMainThread && parentPort) return { reader: new PortMessageReader(parentPort, 'close'), writer: new PortMessageWriter(parentPort) };
  if (process.argv.includes('--stdio')) return stdioTransport();
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
if (isMainThread) process.stdin.on('end', () => process.exit(shutdown ? 0 : 1));

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
