import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from './documentCache';
import { runSafe } from './runner';
import { createLanguageService, IamCatalog, type CatalogSource, type PolicyModel } from './service';

export interface ServerRuntime {
  catalogSource: CatalogSource;
  version: string;
}

/** Wires the language service to an LSP connection. Handlers only find the document and delegate. */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const catalog = new IamCatalog(runtime.catalogSource);
  const service = createLanguageService({ catalog });
  const documents = new TextDocuments(TextDocument);
  const models = new DocumentCache<PolicyModel>((document) => service.parsePolicy(document));

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'kinesis-policy', version: runtime.version },
    }),
  );

  connection.onInitialized(() => {
    connection.console.info(`Kinesis Policy server ${runtime.version}; IAM data of ${catalog.dataDate} (${catalog.dataPackage} ${catalog.dataVersion}).`);
  });

  documents.onDidClose((event) => models.delete(event.document.uri));

  connection.onCompletion((params, token) =>
    runSafe(connection, token, 'Completion', null, () => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.doComplete(document, params.position, models.get(document)) : null;
    }),
  );

  connection.onHover((params, token) =>
    runSafe(connection, token, 'Hover', null, () => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.doHover(document, params.position, models.get(document)) : null;
    }),
  );

  documents.listen(connection);
  connection.listen();
}
