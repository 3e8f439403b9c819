import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  ShutdownRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Range,
  type Hover,
  type InitializeResult,
  type LogMessageParams,
  type PublishDiagnosticsParams,
  type Position,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ROOT } from './catalog';

/** The built server, started over stdio and spoken to as an editor does. */
export class LspClient {
  readonly logs: string[] = [];
  /** Every diagnostics notification, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** The work in progress the server has shown, each report with the token of its progress. */
  readonly progress: { token: string | number; value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }[] = [];
  /** What the server gets when it asks for the `kinesisPolicy` settings. */
  settings: unknown = {};
  private versions = new Map<string, number>();
  private waiters: (() => void)[] = [];
  private configurationWaiters: (() => void)[] = [];

  private constructor(
    private readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  /** `locale`: what the editor says in `initialize` (an editor's display language). */
  static async start({ locale }: { locale?: string } = {}): Promise<{ client: LspClient; initialize: InitializeResult }> {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection);
    connection.onNotification(LogMessageNotification.type, (p: LogMessageParams) => {
      client.logs.push(p.message);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      client.published.push(p);
      client.wake();
    });
    const firstConfiguration = client.nextConfigurationRequest();
    connection.onRequest(ConfigurationRequest.type, (p) => {
      client.onConfigurationRequest();
      return p.items.map(() => client.settings);
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      connection.onProgress(WorkDoneProgress.type, token, (value) => {
        client.progress.push({ token, value });
        client.wake();
      });
    });
    connection.listen();
    const initialize = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      ...(locale ? { locale } : {}),
      capabilities: {
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
        },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    // The server reads its settings once initialized; wait, so that no revalidation races a test.
    await firstConfiguration;
    return { client, initialize };
  }

  async open(uri: string, text: string, languageId = 'json'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return result === null ? [] : Array.isArray(result) ? result : result.items;
  }

  resolveCompletion(item: CompletionItem): Promise<CompletionItem> {
    return this.connection.sendRequest(CompletionResolveRequest.type, item);
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  resolve(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest(CodeActionResolveRequest.type, action);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /**
   * Changes the settings as an editor does: it says they changed, the server asks for them.
   * Resolves once the server has asked, so that later messages see the new settings.
   */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    const asked = this.nextConfigurationRequest();
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await asked;
  }

  private nextConfigurationRequest(): Promise<void> {
    return new Promise((resolve) => this.configurationWaiters.push(resolve));
  }

  private onConfigurationRequest(): void {
    const waiters = this.configurationWaiters;
    this.configurationWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /**
   * Waits for a diagnostics notification for `uri`, published after the first `after` ones, that
   * satisfies `accept`. Fails after `timeout` ms rather than hang the run.
   */
  async diagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    after = 0,
    timeout = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    return this.until(() => this.published.slice(after).find((p) => p.uri === uri && accept(p)), `diagnostics for ${uri}`, timeout);
  }

  /** Waits until `found` gives something, checked on each notification; fails after `timeout` ms. */
  async until<T>(found: () => T | undefined, what: string, timeout = 10_000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const result = found();
      if (result !== undefined) return result;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching ${what} within ${timeout} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Shuts the server down as an editor does and waits for the process to exit. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
