import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { KnownNamesRequest, type KnownNamesResult } from '../../common/src/protocol';

/** Enough policy files to see which names a workspace uses, few enough to read at once. */
const MAX_FILES = 200;
/** A policy is a few kilobytes; larger JSON files are data, not policies. */
const MAX_FILE_BYTES = 256 * 1024;
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/cdk.out/**,**/.e2e/**}';

/**
 * The names (regions, accounts, streams...) a document and the workspace's JSON policy files
 * already use, most used first, and the document's placeholders. The files are only read, as text.
 */
export async function knownNames(client: BaseLanguageClient, uri?: vscode.Uri): Promise<KnownNamesResult> {
  const texts: string[] = [];
  if (vscode.workspace.workspaceFolders?.length) {
    const files = await vscode.workspace.findFiles('**/*.json', EXCLUDE, MAX_FILES);
    const decoder = new TextDecoder();
    await Promise.all(
      files
        .filter((file) => file.toString() !== uri?.toString())
        .map(async (file) => {
          try {
            if ((await vscode.workspace.fs.stat(file)).size > MAX_FILE_BYTES) return;
            texts.push(decoder.decode(await vscode.workspace.fs.readFile(file)));
          } catch {
            // A file that went away or cannot be read names nothing.
          }
        }),
    );
  }
  return client.sendRequest(KnownNamesRequest.type, { uri: uri?.toString(), texts });
}
