import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeCatalogSource } from './nodeCatalogSource';
import { startServer } from './server';

// Started by the extension over IPC, or by any LSP client with `--stdio`, `--node-ipc` or `--socket=N`.
declare const SERVER_VERSION: string | undefined;

const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
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
