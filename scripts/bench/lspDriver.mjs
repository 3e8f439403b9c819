// Drives a language server over stdio as an editor does: a child `node` process, JSON-RPC on its
// stdin and stdout, incremental edits, push diagnostics. Every wait is bounded, so a server that
// never answers fails the run instead of hanging it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

export const now = () => process.hrtime.bigint();
/** Milliseconds between two `now()` readings. */
export const ms = (from, to = now()) => Number(to - from) / 1e6;
export const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

const TIMEOUT_MS = 60_000;

/**
 * One server process and the editor's side of its connection.
 * `server` is `{ name, command: [script, ...args], initializationOptions?, afterInitialized? }`.
 */
export class LspSession {
  /** Every diagnostics notification with its arrival time, in arrival order. */
  published = [];
  /** What the server gets when it pulls its settings (`workspace/configuration`). */
  settings = {};
  configurationRequests = 0;
  #waiters = new Set();
  #versions = new Map();

  constructor(child, connection, spawnedAt) {
    this.child = child;
    this.connection = connection;
    this.spawnedAt = spawnedAt;
  }

  /** Spawns the server and answers nothing yet; `initialize()` is the first message. */
  static spawn(server, extraNodeArgs = []) {
    const spawnedAt = now();
    const child = spawn(process.execPath, [...extraNodeArgs, ...server.command, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 10_000) stderr += chunk;
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const session = new LspSession(child, connection, spawnedAt);
    session.stderr = () => stderr;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      session.published.push({ at: now(), params });
      for (const wake of session.#waiters) wake();
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      session.configurationRequests++;
      for (const wake of session.#waiters) wake();
      return params.items.map(() => session.settings);
    });
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onNotification(() => undefined); // log messages, telemetry: not measured
    connection.onError(([error]) => {
      session.error ??= error;
    });
    child.on('exit', (code, signal) => {
      session.exited = { code, signal };
      for (const wake of session.#waiters) wake();
    });
    connection.listen();
    return session;
  }

  /** Sends `initialize` as VS Code does and resolves with the time from spawn to its answer. */
  async initialize(server) {
    const result = await this.#bounded(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        initializationOptions: server.initializationOptions,
        capabilities: {
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: false },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            publishDiagnostics: { versionSupport: true, relatedInformation: true },
            codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
          },
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        },
      }),
      'initialize',
    );
    const startMs = ms(this.spawnedAt);
    await this.connection.sendNotification(InitializedNotification.type, {});
    return { startMs, result };
  }

  async open(uri, text, languageId = 'json') {
    this.#versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return 1;
  }

  async close(uri) {
    this.#versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** One incremental change; resolves with the document's new version once it is written out. */
  async change(uri, range, text) {
    const version = this.#versions.get(uri) + 1;
    this.#versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  version(uri) {
    return this.#versions.get(uri);
  }

  /** Says the settings changed; a server that pulls them asks with `workspace/configuration`. */
  async pushSettings(settings) {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  async notify(method, params) {
    await this.connection.sendNotification(method, params);
  }

  completion(uri, position) {
    return this.#bounded(this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }), 'completion');
  }

  /** The code actions of a range, of the kinds in `only`. */
  codeActions(uri, range, diagnostics, only) {
    return this.#bounded(this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } }), 'codeAction');
  }

  resolveCodeAction(action) {
    return this.#bounded(this.connection.sendRequest(CodeActionResolveRequest.type, action), 'codeAction/resolve');
  }

  hover(uri, position) {
    return this.#bounded(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover');
  }

  /** Resolves with the first publish at index `from` or later that `accept` takes. */
  async nextPublish(accept, from = 0, timeout = TIMEOUT_MS) {
    return this.until(() => this.published.slice(from).find((p) => accept(p.params, p.at)), `diagnostics`, timeout);
  }

  /** Waits until `check()` returns something, re-checking on every message that could change it. */
  async until(check, what, timeout = TIMEOUT_MS) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = check();
      if (found) return found;
      if (this.exited) throw new Error(`server exited (${JSON.stringify(this.exited)}) while waiting for ${what}: ${this.stderr()}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeout} ms`);
      await new Promise((resolve) => {
        const timer = setTimeout(done, left);
        const self = this;
        function done() {
          clearTimeout(timer);
          self.#waiters.delete(done);
          resolve();
        }
        this.#waiters.add(done);
      });
    }
  }

  /** The server's peak resident memory so far (VmHWM), in MB; undefined where /proc is missing. */
  peakMemoryMb() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
      return Number.isFinite(kb) ? kb / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** Shuts the server down as an editor does; kills it if it does not exit within 5 s. */
  async stop() {
    const exited = this.exited ? Promise.resolve() : new Promise((resolve) => this.child.once('exit', resolve));
    try {
      if (!this.exited) {
        await this.#bounded(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 5_000);
        await this.connection.sendNotification(ExitNotification.type);
      }
    } catch {
      // An unresponsive server is killed below.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }

  #bounded(promise, what, timeout = TIMEOUT_MS) {
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${timeout} ms`)), timeout);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
  }
}
