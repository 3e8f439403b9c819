import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeCatalogSource } from './nodeCatalogSource';
import { startServer } from './server';

// Started by the extension over IPC, or by any LSP client with `--stdio`, `--node-ipc` or `--socket=N`.
declare const SERVER_VERSION: string | undefined;

const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  catalogSource: nodeCatalogSource(join(__dirname, 'data')),
  version: typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'dev',
});
