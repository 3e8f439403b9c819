import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from './documentCache';
import { runSafe } from './runner';
import { createLanguageService, IamCatalog, type CatalogSource, type PolicyModel } from './service';
import { readSettings, settingsFor, type RawSettings, type ServerSettings } from './settings';
import { ValidationScheduler, type Timers } from './validation';

export interface ServerRuntime {
  catalogSource: CatalogSource;
  version: string;
  /** Where docs/rules.md is, for the links in diagnostics. */
  rulesDocumentation: string;
  timers: Timers;
}

/** Wires the language service to an LSP connection. Handlers only find the document and delegate. */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const catalog = new IamCatalog(runtime.catalogSource);
  const service = createLanguageService({ catalog });
  const documents = new TextDocuments(TextDocument);
  const models = new DocumentCache<PolicyModel>((document) => service.parsePolicy(document));
  let settings: ServerSettings = readSettings(undefined);
  let pullConfiguration = false;

  const validation = new ValidationScheduler(
    connection,
    documents,
    (document) =>
      service.doValidation(document, models.get(document), {
        settings: settingsFor(document.uri, settings),
        rulesDocumentation: runtime.rulesDocumentation,
      }),
    () => settings.validationDelay,
    runtime.timers,
  );

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as { settings?: RawSettings } | undefined;
    if (options?.settings) settings = readSettings(options.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'kinesis-policy', version: runtime.version },
    };
  });

  connection.onInitialized(() => {
    connection.console.info(`Kinesis Policy server ${runtime.version}; IAM data of ${catalog.dataDate} (${catalog.dataPackage} ${catalog.dataVersion}).`);
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kinesisPolicy' });
      void refreshSettings();
    }
  });

  /** Settings are pulled where the client can answer, else taken from what it pushes. */
  async function refreshSettings(pushed?: unknown): Promise<void> {
    try {
      const raw = pullConfiguration
        ? ((await connection.workspace.getConfiguration('kinesisPolicy')) as RawSettings)
        : (pushed as { kinesisPolicy?: RawSettings } | undefined)?.kinesisPolicy;
      settings = readSettings(raw);
    } catch (error) {
      connection.console.error(`Reading the settings failed: ${String(error)}`);
    }
    validation.scheduleAll();
  }

  connection.onDidChangeConfiguration((params) => void refreshSettings(params.settings));

  // Fires on open too: the scheduler validates a newly opened document at once.
  documents.onDidChangeContent((event) => validation.schedule(event.document));
  documents.onDidClose((event) => {
    models.delete(event.document.uri);
    validation.clear(event.document.uri);
  });

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
