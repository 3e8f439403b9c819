import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { AccessChecker } from './access/accessChecker';
import { AccessTestRunner } from './access/accessTests';
import { AccessView, APPLY_ACCESS_FIX } from './access/accessView';
import type { CheckAccessResult } from '../../common/src/protocol';
import type { AccessQuestion } from '../../common/src/access';
import { DocumentAnswersStore } from './documentAnswers';
import { reportEditorIndentation } from './editorIndentation';
import { fillPlaceholders } from './fillPlaceholders';
import { newPolicy, type NewPolicyAnswers } from './newPolicy';
import { PolicyKindStatusItem } from './policyKindStatus';
import { RestartingErrorHandler } from './restarts';
import { RuleDocumentation, ruleDocumentationLink } from './ruleDocumentation';
import { COMMANDS, DIAGNOSTIC_SOURCE } from '../../common/src/commands';
import { registerSchemaProvider } from './schemaProvider';
import { WorkerLanguageClient } from './workerClient';

/** What the extension gives other extensions and its own tests. */
export interface KinesisPolicyApi {
  client: WorkerLanguageClient;
  /** The status bar item saying how the active policy is read. */
  policyKind: PolicyKindStatusItem;
  /** The rule documentation panel. */
  ruleDocumentation: RuleDocumentation;
  /** The Kinesis Access view. */
  accessView: AccessView;
  /** The runner of the open access-test files. */
  accessTests: AccessTestRunner;
}


let client: WorkerLanguageClient | undefined;

/** Starts the Kinesis Policy language server for JSON and YAML documents (policies and templates) and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<KinesisPolicyApi> {
  // The code shared with the server (common/src) speaks through @vscode/l10n: the same bundle.
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
  const clientOptions: LanguageClientOptions = {
    // JSON in any scheme (files, unsaved editors, virtual workspaces): the server reads only what
    // the editor sends it, and answers only for documents that are IAM policies.
    documentSelector: [{ language: 'json' }, { language: 'jsonc' }, { language: 'yaml' }, { language: 'terraform' }, { language: 'hcl' }],
    errorHandler: new RestartingErrorHandler(),
    // The server speaks the display language with the messages VS Code loaded for this extension
    // (l10n/bundle.l10n.<locale>.json, which holds the server's messages too).
    initializationOptions: { l10nBundle: vscode.l10n.bundle },
    middleware: {
      // A rule code opens its documentation in the editor (the server's links point at the file).
      handleDiagnostics(uri, diagnostics, next) {
        for (const d of diagnostics) {
          if (d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'object') d.code = { value: d.code.value, target: ruleDocumentationLink(String(d.code.value)) };
        }
        next(uri, diagnostics);
      },
    },
  };
  const ruleDocumentation = new RuleDocumentation(context);
  const accessView = new AccessView();
  const languageClient = new WorkerLanguageClient('kinesisPolicy', vscode.l10n.t('Kinesis Policy'), context.asAbsolutePath('dist/server.js'), clientOptions);
  client = languageClient;
  const told = new DocumentAnswersStore(languageClient);
  const accessChecker = new AccessChecker(languageClient, accessView);
  context.subscriptions.push(
    told,
    vscode.commands.registerCommand(COMMANDS.newPolicy, (answers?: NewPolicyAnswers) => newPolicy(languageClient, told, answers)),
    vscode.commands.registerCommand(COMMANDS.fillPlaceholders, (uri?: unknown, name?: unknown, given?: Record<string, string>) =>
      fillPlaceholders(languageClient, uri, name, given),
    ),
    ruleDocumentation,
    vscode.commands.registerCommand(COMMANDS.showRuleDocumentation, (code?: unknown) => ruleDocumentation.show(code)),
    accessChecker,
    vscode.window.createTreeView('kinesisPolicy.access', { treeDataProvider: accessView, showCollapseAll: true }),
    vscode.commands.registerCommand(COMMANDS.checkAccess, (question?: AccessQuestion) => accessChecker.check(question)),
    vscode.commands.registerCommand(APPLY_ACCESS_FIX, (fix: CheckAccessResult['fixes'][number]) => accessChecker.applyFix(fix)),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
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
  // The Kinesis Access view shows once the extension runs, not in every workspace.
  await vscode.commands.executeCommand('setContext', 'kinesisPolicy.active', true);
  const accessTests = new AccessTestRunner(languageClient);
  context.subscriptions.push(accessTests);
  return { client: languageClient, policyKind, ruleDocumentation, accessView, accessTests };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
