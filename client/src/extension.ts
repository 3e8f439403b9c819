import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { newPolicy, type NewPolicyAnswers } from './newPolicy';
import { showRuleDocumentation } from './ruleDocumentation';
import { registerSchemaProvider } from './schemaProvider';

let client: LanguageClient | undefined;

/** Starts the Kinesis Policy language server for JSON documents and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // JSON in any scheme (files, unsaved editors, virtual workspaces): the server reads only what
    // the editor sends it, and answers only for documents that are IAM policies.
    documentSelector: [{ language: 'json' }, { language: 'jsonc' }],
  };
  const languageClient = new LanguageClient('kinesisPolicy', 'Kinesis Policy', serverOptions, clientOptions);
  client = languageClient;
  context.subscriptions.push(
    vscode.commands.registerCommand('kinesisPolicy.newPolicy', (answers?: NewPolicyAnswers) => newPolicy(languageClient, answers)),
    vscode.commands.registerCommand('kinesisPolicy.showRuleDocumentation', (code?: unknown) => showRuleDocumentation(context, code)),
    registerSchemaProvider(context),
  );
  await languageClient.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
