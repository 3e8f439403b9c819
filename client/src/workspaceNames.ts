import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { KnownNamesRequest, type KnownNamesResult } from '../../common/src/protocol';

/** Enough JSON files to see which names a workspace's policies use, few enough to read at once. */
const MAX_FILES = 500;
/** IAM's largest policy quota is 20 KB (a Kinesis resource policy); anything much larger is not a policy. */
const MAX_FILE_BYTES = 64 * 1024;

/**
 * The names (regions, accounts, streams...) a document and the workspace's JSON policy files
 * already use, most used first, and the document's placeholders. The files are only read, as text.
 */
export async function knownNames(client: BaseLanguageClient, uri?: vscode.Uri): Promise<KnownNamesResult> {
  const texts: string[] = [];
  if (vscode.workspace.workspaceFolders?.length) {
    // The user's files.exclude applies; dependencies are never a workspace's own policies.
    const files = (await vscode.workspace.findFiles('**/*.json', undefined, MAX_FILES)).filter((f) => !f.path.includes('/node_modules/'));
    const decoder = new TextDecoder();
    await Promise.all(
      files
        .filter((file) => file.toString() !== uri?.toString())
        .map(async (file) => {
          try {
            if ((await vscode.workspace.fs.stat(file)).size > MAX_FILE_BYTES) return;
            const text = decoder.decode(await vscode.workspace.fs.readFile(file));
            // Only policies go to the server.
            if (text.includes('"Statement"')) texts.push(text);
          } catch {
            // A file that went away or cannot be read names nothing.
          }
        }),
    );
  }
  return client.sendRequest(KnownNamesRequest.type, { uri: uri?.toString(), texts });
}
