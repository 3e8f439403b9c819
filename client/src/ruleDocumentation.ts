import * as vscode from 'vscode';

const SOURCE = 'kinesis-policy';

/**
 * "Kinesis Policy: Show Rule Documentation": opens the rules documentation that ships with the
 * extension at the rule's section: the given code, the diagnostic under the cursor, or a pick.
 */
export async function showRuleDocumentation(context: vscode.ExtensionContext, code?: unknown): Promise<vscode.TextEditor | undefined> {
  const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  const document = await vscode.workspace.openTextDocument(uri);
  const chosen = typeof code === 'string' ? code : (codeAtCursor() ?? (await pickCode(document)));
  if (!chosen) return undefined;
  const line = document.getText().split('\n').findIndex((l) => l === `## \`${chosen}\``);
  const position = new vscode.Position(Math.max(line, 0), 0);
  const editor = await vscode.window.showTextDocument(document, { preview: true, selection: new vscode.Range(position, position) });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  return editor;
}

function codeAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const diagnostic = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((d) => d.source === SOURCE && d.range.contains(editor.selection.active));
  const code = diagnostic?.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

async function pickCode(document: vscode.TextDocument): Promise<string | undefined> {
  const codes = [...document.getText().matchAll(/^## `([^`]+)`$/gm)].map((m) => m[1]);
  return vscode.window.showQuickPick(codes, { title: 'Kinesis Policy rules', placeHolder: 'Which rule?' });
}
