import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { RunAccessTestsRequest } from '../../../common/src/protocol';
import { read } from './policySources';

const DELAY_MS = 500;

/**
 * Runs the access tests of every open `*.access.json` file and shows its problems and failing
 * tests as diagnostics on it; runs them again when the file or any JSON policy changes.
 */
export class AccessTestRunner implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('kinesis-policy-access-tests');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** How the last run of each file went: for the extension's tests. */
  readonly lastRun = new Map<string, { passed: number; failed: number }>();

  constructor(private readonly client: BaseLanguageClient) {
    const soon = (document: vscode.TextDocument) => {
      if (!document.fileName.toLowerCase().endsWith('.json')) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.runAll(), DELAY_MS);
    };
    this.subscriptions = [
      this.diagnostics,
      vscode.workspace.onDidOpenTextDocument(soon),
      vscode.workspace.onDidChangeTextDocument((e) => soon(e.document)),
      vscode.workspace.onDidSaveTextDocument(soon),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.diagnostics.delete(d.uri);
        this.lastRun.delete(d.uri.toString());
      }),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) void this.runAll();
      }),
    ];
    void this.runAll();
  }

  private async runAll(): Promise<void> {
    const tests = vscode.workspace.textDocuments.filter((d) => d.fileName.toLowerCase().endsWith('.access.json'));
    await Promise.all(tests.map((d) => this.run(d)));
  }

  private async run(document: vscode.TextDocument): Promise<void> {
    const text = document.getText();
    const policies: Record<string, string> = {};
    for (const path of policyPaths(text)) {
      // As the command line reads them: relative to the test file, or absolute; "\\" as "/".
      const written = path.split('\\').join('/');
      const uri = /^(?:\/|[a-zA-Z]:\/)/.test(written) ? vscode.Uri.file(written) : vscode.Uri.joinPath(document.uri, '..', written);
      // Unreadable: the server says so on the tests that need it.
      const source = await read(uri);
      if (source) policies[path] = source.text;
    }
    try {
      const result = await this.client.sendRequest(RunAccessTestsRequest.type, { uri: document.uri.toString(), text, policies });
      this.diagnostics.set(document.uri, await this.client.protocol2CodeConverter.asDiagnostics(result.diagnostics));
      this.lastRun.set(document.uri.toString(), { passed: result.passed, failed: result.failed });
    } catch {
      // A server that is restarting answers nothing; the restart runs the tests again.
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The policy files an access-test file names, as written. */
function policyPaths(text: string): string[] {
  const value = parse(text) as { policies?: { identity?: unknown; resource?: unknown } } | undefined;
  const maps = [value?.policies?.identity, value?.policies?.resource];
  const paths = maps.flatMap((m): unknown[] => (m && typeof m === 'object' ? Object.values(m as Record<string, unknown>).flat() : []));
  return [...new Set(paths.filter((p): p is string => typeof p === 'string'))];
}
