import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { reportEditorIndentation } from './editorIndentation';
import { fillPlaceholders } from './fillPlaceholders';
import { newPolicy, type NewPolicyAnswers } from './newPolicy';
import { PolicyKindStatusItem } from './policyKindStatus';
import { RestartingErrorHandler } from './restarts';
import { showRuleDocumentation } from './ruleDocumentation';
import { registerSchemaProvider } from './schemaProvider';
import { WorkerLanguageClient } from './workerClient';

/** What the extension gives other extensions and its own tests. */
export interface KinesisPolicyApi {
  client: WorkerLanguageClient;
  /** The status bar item saying how the active policy is read. */
  policyKind: PolicyKindStatusItem;
}

let client: WorkerLanguageClient | undefined;

/** Starts the Kinesis Policy language server for JSON documents and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<KinesisPolicyApi> {
  const clientOptions: LanguageClientOptions = {
    // JSON in any scheme (files, unsaved editors, virtual workspaces): the server reads only what
    // the editor sends it, and answers only for documents that are IAM policies.
    documentSelector: [{ language: 'json' }, { language: 'jsonc' }],
    errorHandler: new RestartingErrorHandler(),
  };
  const languageClient = new WorkerLanguageClient('kinesisPolicy', 'Kinesis Policy', context.asAbsolutePath('dist/server.js'), clientOptions);
  client = languageClient;
  context.subscriptions.push(
    vscode.commands.registerCommand('kinesisPolicy.newPolicy', (answers?: NewPolicyAnswers) => newPolicy(languageClient, answers)),
    vscode.commands.registerCommand('kinesisPolicy.fillPlaceholders', (uri?: unknown, name?: unknown, given?: Record<string, string>) =>
      fillPlaceholders(languageClient, uri, name, given),
    ),
    vscode.commands.registerCommand('kinesisPolicy.showRuleDocumentation', (code?: unknown) => showRuleDocumentation(context, code)),
    vscode.commands.registerCommand('kinesisPolicy.restartServer', async () => {
      await languageClient.stop();
      await languageClient.start();
    }),
    registerSchemaProvider(context),
  );
  // Listening before the server starts: its first checks already say how each policy is read.
  const policyKind = new PolicyKindStatusItem(languageClient);
  context.subscriptions.push(policyKind);
  await languageClient.start();
  context.subscriptions.push(reportEditorIndentation(languageClient));
  return { client: languageClient, policyKind };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
