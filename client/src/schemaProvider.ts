import * as vscode from 'vscode';

export const SCHEME = 'kinesis-policy';

/**
 * Serves the extension's schemas at `kinesis-policy:///schemas/NAME.json`, so users can point
 * `json.schemas` at them for files the built-in associations do not cover. VS Code's JSON support
 * reads schemas with other schemes through the workspace's document providers.
 */
export function registerSchemaProvider(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
    async provideTextDocumentContent(uri) {
      const name = /^\/schemas\/([\w.-]+\.json)$/.exec(uri.path)?.[1];
      if (!name) throw new Error(`No Kinesis Policy schema at ${uri.toString()}`);
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'schemas', name));
      return new TextDecoder().decode(bytes);
    },
  });
}
