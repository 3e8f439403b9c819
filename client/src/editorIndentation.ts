import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { EditorIndentationNotification } from '../../common/src/protocol';

const LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

/**
 * Tells the server how each visible JSON editor indents (VS Code's own, after its detection from
 * the text and the `editor.tabSize` / `editor.insertSpaces` settings), so that the statements a
 * code action inserts are indented as a snippet would be.
 */
export function reportEditorIndentation(client: BaseLanguageClient): vscode.Disposable {
  const report = (editor: vscode.TextEditor | undefined) => {
    if (!editor || !LANGUAGES.has(editor.document.languageId)) return;
    const { tabSize, indentSize, insertSpaces } = editor.options;
    if (typeof tabSize !== 'number' || typeof insertSpaces !== 'boolean') return;
    // Spaces indent by `editor.indentSize`, which may differ from the tab size.
    const size = insertSpaces && typeof indentSize === 'number' ? indentSize : tabSize;
    void client.sendNotification(EditorIndentationNotification.type, { uri: editor.document.uri.toString(), tabSize: size, insertSpaces });
  };
  vscode.window.visibleTextEditors.forEach(report);
  return vscode.Disposable.from(
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(report)),
    vscode.window.onDidChangeTextEditorOptions((event) => report(event.textEditor)),
    // A document's language can change after its editor shows (an untitled file saved as .json).
    vscode.workspace.onDidOpenTextDocument((document) => report(vscode.window.visibleTextEditors.find((e) => e.document === document))),
    // A restarted server starts knowing nothing.
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) vscode.window.visibleTextEditors.forEach(report);
    }),
  );
}
