import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kinesis-policy.kinesis-policy';
/** The `source` of the server's diagnostics. */
export const DIAGNOSTIC_SOURCE = 'kinesis-policy';
/** The name of the language client's output channel, and so of its log file. */
const OUTPUT_CHANNEL = 'Kinesis Policy';

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded`);
  return found;
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/**
 * Resolves with the first truthy value of `condition`, checked again every 50 ms: the state
 * these tests wait for (an activation, a log line) has no event of its own in the API.
 */
export async function waitFor<T>(what: string, condition: () => T | Promise<T>, timeoutMs = 20_000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a workspace file in an editor that stays open (not a preview, which the next file replaces). */
export async function openFile(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Opening a policy activates the extension, whose activation ends once its server has started. */
export async function openPolicy(name: string): Promise<vscode.TextEditor> {
  const editor = await openFile(name);
  await waitFor(`${EXTENSION_ID} to activate`, () => extension().isActive);
  return editor;
}

/** The position just after the `occurrence`-th (from 0) appearance of `text`. */
export function positionAfter(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = document.getText().indexOf(text, offset + 1);
    assert.ok(offset >= 0, `"${text}" (#${occurrence}) is not in ${document.uri.path}`);
  }
  return document.positionAt(offset + text.length);
}

export async function completionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items;
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function findItem(items: vscode.CompletionItem[], label: string): vscode.CompletionItem {
  const item = items.find((i) => labelOf(i) === label);
  assert.ok(item, `no completion "${label}" among ${items.length}: ${items.slice(0, 10).map(labelOf).join(', ')}`);
  return item;
}

/** Applies a completion as the editor does on accept: its text, or snippet, over its replace range. */
export async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem): Promise<void> {
  const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
  assert.ok(range, `completion "${labelOf(item)}" has no range`);
  const text = item.insertText ?? labelOf(item);
  const applied =
    text instanceof vscode.SnippetString ? await editor.insertSnippet(text, range) : await editor.edit((edit) => edit.replace(range, text));
  assert.ok(applied, `the editor did not apply "${labelOf(item)}"`);
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** A diagnostic's code as text: VS Code gives `{ value, target }` when the code links to its documentation. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

export function withCode(diagnostics: vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => codeOf(d) === code);
}

/** Our errors and warnings: what a finished policy must not have (information and hints may stay). */
export function problems(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
}

/**
 * Resolves with the server's diagnostics for `uri` once `accept` holds for them, checked now and
 * on every change: the server publishes them when it is done, not in answer to a request.
 */
export function diagnosticsWhere(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      const found = ourDiagnostics(uri);
      if (!accept(found)) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(found);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) settle();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const now = ourDiagnostics(uri).map((d) => `${codeOf(d)}: ${d.message}`);
      reject(new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what} on ${uri.path}; now: ${JSON.stringify(now)}`));
    }, timeoutMs);
    settle();
  });
}

/** Resolves with the server's diagnostics for `uri` once there are any. */
export function diagnosticsArrive(uri: vscode.Uri, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return diagnosticsWhere(uri, `${DIAGNOSTIC_SOURCE} diagnostics`, (found) => found.length > 0, timeoutMs);
}

/**
 * The server's diagnostics for the editor's text as it is now, even when that is none: through the
 * API "not checked yet" and "nothing found" look the same. So a probe: an invalid Version that must
 * be reported, then the real one back. The publication that drops the probe's error was computed
 * on the text as it is now, which is the same as before the probe.
 */
export async function checkedDiagnostics(editor: vscode.TextEditor): Promise<vscode.Diagnostic[]> {
  const { document } = editor;
  const version = rangeOf(document, '"2012-10-17"');
  const hasProbe = (found: vscode.Diagnostic[]) => withCode(found, 'iam/invalid-version').length > 0;
  assert.ok(await editor.edit((edit) => edit.replace(version, '"2000-01-01"')), 'the probe edit failed');
  await diagnosticsWhere(document.uri, "the probe's iam/invalid-version", hasProbe);
  assert.ok(await editor.edit((edit) => edit.replace(version, '"2012-10-17"')), 'undoing the probe failed');
  return diagnosticsWhere(document.uri, "the probe's error to go", (found) => !hasProbe(found));
}

/** The range of the `occurrence`-th (from 0) appearance of `text`. */
export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  const end = positionAfter(document, text, occurrence);
  return new vscode.Range(document.positionAt(document.offsetAt(end) - text.length), end);
}

/**
 * The code actions at `range` (of `kind`, e.g. "quickfix"), resolved: the server sends an action's
 * edit only on codeAction/resolve, which VS Code runs for as many actions as the count says.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  // VS Code has answered this query with a cancellation now and then, with nothing of the
  // document changed that the test can see; asked again, it answers.
  let actions: (vscode.CodeAction | vscode.Command)[] | undefined;
  for (let attempt = 1; !actions; attempt++) {
    try {
      actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind, 100);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || error.message !== 'Canceled') throw error;
    }
  }
  // A bare Command (its `command` a string) is not a code action; the server sends none, but the API allows them.
  return actions.filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
}

export function findAction(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no code action "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

/** Applies a code action as the editor does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit after resolving`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `the workspace did not apply "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
}

export async function hoverTextAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/**
 * What the language client wrote to its output channel. The launcher names the user-data logs
 * folder (KINESIS_E2E_LOGS); the extension host writes each extension's channels below it, in
 * a folder named after the extension.
 */
export async function serverOutput(): Promise<string> {
  const logs = process.env.KINESIS_E2E_LOGS;
  assert.ok(logs, 'KINESIS_E2E_LOGS is not set: start the suite through one of the launchers');
  const file = await findFile(vscode.Uri.file(logs), `/${EXTENSION_ID}/${OUTPUT_CHANNEL}.log`);
  return file ? new TextDecoder().decode(await vscode.workspace.fs.readFile(file)) : '';
}

async function findFile(dir: vscode.Uri, pathEnd: string): Promise<vscode.Uri | undefined> {
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    const uri = vscode.Uri.joinPath(dir, name);
    if (type === vscode.FileType.File && uri.path.endsWith(pathEnd)) return uri;
    const found = type === vscode.FileType.Directory ? await findFile(uri, pathEnd) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Reverts and closes every editor, so that each test starts from the files as they are on disk. */
export async function closeAllEditors(): Promise<void> {
  // Closing a changed editor, or an untitled one with text, would ask whether to save it, and wait for an answer.
  const changed = vscode.workspace.textDocuments.filter((d) => d.isDirty && (d.uri.scheme === 'file' || d.uri.scheme === 'untitled'));
  for (const document of changed) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
