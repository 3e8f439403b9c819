import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ResponseError,
  type Diagnostic,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runSafe } from './runner';
import { CheckAccessRequest, RunAccessTestsRequest, DocumentAnswersNotification, EditorIndentationNotification, FillPlaceholdersRequest, KnownNamesRequest, NewPolicyRequest } from '../../common/src/protocol';
import {
  createLanguageService,
  isTerraform,
  fillEdits,
  FIX_ALL_KIND,
  CORE_SERVICES,
  IamCatalog,
  INSERT_KIND,
  namesInUse,
  parsePolicy,
  PieceDocument,
  textLength,
  partitionOfRegion,
  PLACEHOLDER_PARAMS,
  placeholderSlots,
  policyFor,
  type CatalogSource,
} from './service';
import { pathOf, patternKind, readSettings, settingsFor, type RawSettings, type ServerSettings } from './settings';
import { ValidationScheduler, type Timers } from './validationScheduler';
import { checkProgress } from './checkProgress';
import { letRequestsIn, SLICE_MS } from './slices';
import { fileTooLarge } from './fileTooLarge';
import { TypingHold } from './typingHold';
import { DocumentHosts, type Host } from './documentHosts';
import { answerAccess, runAccessTestsFor } from './accessRequest';
import { PolicyKindReporter, policyKindStatus } from './policyKindStatus';
import type { Parser } from 'web-tree-sitter';
import { useLanguage, type Bundle } from './service/l10n';
import type { PolicyKindSetting } from '../../common/src/choices';

export interface ServerRuntime {
  catalogSource: CatalogSource;
  version: string;
  /** Where docs/rules.md is, for the links in diagnostics. */
  rulesDocumentation: string;
  timers: Timers;
  /** Loads the HCL parser for Terraform files (see `hcl.ts`); without it, no Terraform is read. */
  hcl?: () => Promise<Parser | undefined>;
  /** The package's message bundle of a locale, for a client that sends none (see `l10nFiles.ts`). */
  l10nBundle?: (locale: string) => Bundle | undefined;
}


/** Wires the language service to an LSP connection. Handlers only find the document and delegate. */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  // The services most policies name are read once the client is answered (see `onInitialized`).
  const catalog = new IamCatalog(runtime.catalogSource, []);
  let hcl: Parser | undefined;
  let hclLoading: Promise<void> | undefined;
  const service = createLanguageService({ catalog, hcl: () => hcl });
  /** Loads the grammar once; then reads again the Terraform files read without it. */
  const loadHcl = () => {
    hclLoading ??= (runtime.hcl?.() ?? Promise.resolve(undefined)).then((parser) => {
      hcl = parser;
      if (!parser) return;
      for (const document of documents.all()) {
        if (!isTerraform(document)) continue;
        hosts.readAgain(document);
        validation.schedule(document, true);
      }
    });
  };
  const hold = new TypingHold();
  // The editor's changes pass through here on their way into the document: where the user typed.
  // Each document's text is held in pieces: an edit does not copy a large document whole (see PieceText).
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, text) => new PieceDocument(uri, languageId, version, text),
    update: (document, changes, version) => {
      hold.noteEdit(document, changes, version);
      (document as PieceDocument).update(changes, version);
      return document;
    },
  });
  const hosts = new DocumentHosts(service, { ready: () => hcl !== undefined, load: () => loadHcl() }, (document) => tooLarge(document));
  let settings: ServerSettings = readSettings(undefined);
  /** What the user told New Policy about documents, by path (see DocumentAnswersNotification). */
  const answers = new Map<string, { streamEncrypted: boolean }>();
  let pullConfiguration = false;
  let resolveSupport = false;

  /** Documents over the size limit get no analysis at all: parsing them would stall the server. */
  const tooLarge = (document: TextDocument) => textLength(document) > settings.maxFileSize;

  const kinds = new PolicyKindReporter(connection);
  /** The policy files open Terraform files read (`file(...)`), by URI: the kind their use makes them, and the Terraform file. */
  const readByTerraform = new Map<string, { kind: Exclude<PolicyKindSetting, 'auto'>; by: string }>();
  /** Records what a Terraform file reads; the files whose kind that changes are checked again. */
  const noteTerraformReads = (terraform: string, files: readonly { path: string; kind: Exclude<PolicyKindSetting, 'auto'> }[]) => {
    const now = new Map(files.map((f) => [new URL(f.path, terraform).href, f.kind] as const));
    const changed: string[] = [];
    for (const [uri, read] of readByTerraform) {
      if (read.by === terraform && now.get(uri) !== read.kind) {
        readByTerraform.delete(uri);
        changed.push(uri);
      }
    }
    for (const [uri, kind] of now) {
      if (readByTerraform.get(uri)?.kind === kind) continue;
      readByTerraform.set(uri, { kind, by: terraform });
      changed.push(uri);
    }
    for (const document of documents.all()) if (changed.includes(document.uri)) validation.schedule(document, true);
  };

  /**
   * Answers a request on a document from what it holds (a policy or a template's policies), once
   * a reading of it under way has ended; null for a document that holds neither, or is too large.
   */
  const onHost = async <R>(uri: string, token: CancellationToken, what: string, answer: (document: TextDocument, host: Host) => R) => {
    const opened = documents.get(uri);
    if (opened) await hosts.ready(opened);
    return runSafe(connection, token, what, null, () => {
      const document = documents.get(uri);
      const host = document && !tooLarge(document) ? hosts.hostOf(document) : undefined;
      return document && host ? answer(document, host) : null;
    });
  };

  function* validate(document: TextDocument): Generator<void, Diagnostic[], void> {
    if (tooLarge(document)) {
      kinds.report({ uri: document.uri });
      return fileTooLarge(document, settings.maxFileSize);
    }
    const host = yield* hosts.hostSteps(document);
    yield;
    // A policy file a Terraform file reads is of the kind its use there makes it, unless the settings say otherwise.
    const byPattern = patternKind(document.uri, settings) !== undefined;
    const read = !byPattern && settings.diagnostics.policyKind === 'auto' ? readByTerraform.get(document.uri) : undefined;
    const ownSettings = settingsFor(document.uri, settings, answers);
    const documentSettings = read ? { ...ownSettings, policyKind: read.kind } : ownSettings;
    if (!host || 'template' in host) {
      kinds.report({ uri: document.uri });
      if (host && isTerraform(document)) noteTerraformReads(document.uri, host.template.policyFiles ?? []);
      if (!host) return [];
      return yield* service.templateDiagnosticsSteps(document, host.template, { settings: documentSettings, rulesDocumentation: runtime.rulesDocumentation });
    }
    const model = host.policy;
    const result = yield* service.validationSteps(document, model, { settings: documentSettings, rulesDocumentation: runtime.rulesDocumentation });
    kinds.report(policyKindStatus(document.uri, result, model, byPattern ? 'file pattern' : read ? 'terraform' : undefined, documentSettings));
    return result.diagnostics;
  }

  const timing = { delay: () => settings.validationDelay, quickCheck: () => settings.quickCheck, typingPause: () => settings.typingPause, maxProblems: () => settings.maxProblems, hold };
  const validation = new ValidationScheduler(connection, documents, validate, timing, runtime.timers, (uri) => checkProgress(connection, uri));

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    resolveSupport = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    const options = params.initializationOptions as { settings?: RawSettings; l10nBundle?: Bundle } | undefined;
    if (options?.settings) settings = readSettings(options.settings);
    // Messages in the client's display language: from the bundle it sends (VS Code's, for this
    // extension), else from the package's own.
    useLanguage(params.locale, options?.l10nBundle ?? (params.locale ? runtime.l10nBundle?.(params.locale) : undefined));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, INSERT_KIND, FIX_ALL_KIND], resolveProvider: true },
      },
      serverInfo: { name: 'kinesis-policy', version: runtime.version },
    };
  });

  connection.onInitialized(() => {
    // Before the first document arrives, after the client's wait for the server to start.
    for (const prefix of CORE_SERVICES) catalog.service(prefix);
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
  documents.onDidChangeContent((event) => {
    hosts.changed(event.document);
    validation.schedule(event.document);
  });
  documents.onDidClose((event) => {
    hosts.closed(event.document.uri);
    validation.clear(event.document.uri);
    indentation.delete(event.document.uri);
    kinds.forget(event.document.uri);
    // A closed Terraform file no longer says what the files it reads are.
    if (isTerraform(event.document)) noteTerraformReads(event.document.uri, []);
  });

  connection.onCompletion((params, token) =>
    onHost(params.textDocument.uri, token, 'Completion', (document, host) =>
      'template' in host ? service.templateCompletion(document, params.position, host.template) : service.doComplete(document, params.position, host.policy),
    ),
  );

  connection.onCompletionResolve((item, token) => runSafe(connection, token, 'Completion item', item, () => service.resolveCompletionItem(item)));

  connection.onHover((params, token) =>
    onHost(params.textDocument.uri, token, 'Hover', (document, host) =>
      'template' in host ? service.templateHover(document, params.position, host.template) : service.doHover(document, params.position, host.policy),
    ),
  );

  /** How each document's editor indents, as the client last said. */
  const indentation = new Map<string, { tabSize: number; insertSpaces: boolean }>();
  connection.onNotification(EditorIndentationNotification.type, ({ uri, tabSize, insertSpaces }) => {
    if (Number.isInteger(tabSize) && tabSize > 0 && tabSize <= 16) indentation.set(uri, { tabSize, insertSpaces: insertSpaces !== false });
  });

  const actionOptions = (uri: string) => ({
    settings: settingsFor(uri, settings, answers),
    rulesDocumentation: runtime.rulesDocumentation,
    indentation: indentation.get(uri),
  });

  connection.onCodeAction((params, token) =>
    onHost(params.textDocument.uri, token, 'Code actions', (document, host) => {
      // A template's actions come resolved, their edits made in the template's own syntax.
      if ('template' in host) {
        const options = { ...actionOptions(document.uri), only: params.context.only, allDiagnostics: validation.current(document) };
        const actions = service.templateCodeActions(document, host.template, params.range, params.context.diagnostics, options);
        // Clients that cannot resolve get a fix-all's edits at once.
        return resolveSupport ? actions : actions.map((a) => service.resolveTemplateCodeAction(document, host.template, a, options));
      }
      const model = host.policy;
      const options = { ...actionOptions(document.uri), only: params.context.only, allDiagnostics: validation.current(document) };
      const actions = service.getCodeActions(document, model, params.context.diagnostics, options);
      // Clients that cannot resolve get the edits at once.
      return resolveSupport ? actions : actions.map((a) => service.resolveCodeAction(document, model, a, options));
    }),
  );

  // Resolved in steps, letting other requests in every few milliseconds: fix-all on a large
  // document checks it several times. The action is left without an edit if the document changes
  // meanwhile (an edit changes the document object in place: its version is read first).
  connection.onCodeActionResolve(async (action, token) => {
    const uri = (action.data as { uri?: string } | undefined)?.uri;
    // A template's fix-all: made in every policy of the template that has a finding it fixes.
    if (uri && (action.data as { type?: string }).type === 'templateFixAll') {
      const resolved = await onHost(uri, token, 'Code action', (document, host) => ('template' in host ? service.resolveTemplateCodeAction(document, host.template, action, actionOptions(document.uri)) : action));
      return resolved ?? action;
    }
    const document = uri ? documents.get(uri) : undefined;
    if (!document || tooLarge(document)) return action;
    const { version } = document;
    const started = runSafe(connection, token, 'Code action', undefined, () => service.resolveCodeActionSteps(document, hosts.models.get(document), action, actionOptions(document.uri)));
    if (!started || started instanceof ResponseError) return started ?? action;
    const steps = started;
    let sliceStart = runtime.timers.now();
    for (;;) {
      const step = runSafe(connection, token, 'Code action', { done: true as const, value: action }, () => steps.next());
      if (step instanceof ResponseError) return step;
      if (step.done) return step.value;
      if (runtime.timers.now() - sliceStart >= SLICE_MS) {
        await letRequestsIn(runtime.timers);
        if (documents.get(document.uri) !== document || document.version !== version) return { ...action, edit: { changes: { [document.uri]: [] } } };
        sliceStart = runtime.timers.now();
      }
    }
  });

  connection.onRequest(NewPolicyRequest.type, (params) => {
    const { role, kclVersion, ...names } = params;
    const defined = Object.fromEntries(Object.entries(names).filter(([, v]) => typeof v === 'string' && v !== ''));
    // The partition follows the region: arn:aws-cn: in cn-north-1, arn:aws-us-gov: in us-gov-west-1.
    const partition = names.partition ?? (names.region ? partitionOfRegion(names.region) : undefined);
    return { text: `${JSON.stringify(policyFor(role, { ...PLACEHOLDER_PARAMS, ...defined, ...(partition ? { partition } : {}) }, kclVersion), null, 2)}\n` };
  });

  connection.onNotification(DocumentAnswersNotification.type, ({ uri, streamEncrypted }) => {
    const path = pathOf(uri);
    answers.set(path, { streamEncrypted });
    for (const document of documents.all()) if (pathOf(document.uri) === path) validation.schedule(document, true);
  });

  connection.onRequest(KnownNamesRequest.type, (params) => {
    const own = params.uri ? documents.get(params.uri) : undefined;
    const parsed = own && !tooLarge(own) ? hosts.models.get(own) : undefined;
    // Only a policy's placeholders are ours to fill in.
    const ownModel = parsed?.isPolicy ? parsed : undefined;
    const others = [
      ...documents.all().filter((d) => d !== own && d.languageId !== 'yaml' && !isTerraform(d) && !tooLarge(d)).map((d) => hosts.models.get(d)),
      ...params.texts.filter((t) => t.length <= settings.maxFileSize).map((t) => parsePolicy(t)),
    ].filter((m) => m.isPolicy);
    return { names: namesInUse(ownModel, others), placeholders: ownModel ? placeholderSlots(ownModel) : [] };
  });

  connection.onRequest(FillPlaceholdersRequest.type, (params) => {
    const document = documents.get(params.uri);
    if (!document || document.version !== params.version || tooLarge(document)) return [];
    return fillEdits(hosts.models.get(document), params.values).map((e) => ({
      range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
      newText: e.text,
    }));
  });

  connection.onRequest(CheckAccessRequest.type, (params) => answerAccess(params));
  connection.onRequest(RunAccessTestsRequest.type, (params) => runAccessTestsFor(params));

  documents.listen(connection);
  connection.listen();
}
