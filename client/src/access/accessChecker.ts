import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CheckAccessRequest, type CheckAccessResult, type PolicySource } from '../../../common/src/protocol';
import type { AccessView } from './accessView';
import { identityPoliciesFor, read, resourcePoliciesFor } from './policySources';
import type { AccessQuestion } from '../../../common/src/access';
import { askQuestion } from './question';

/** How long edits settle before the question is asked again. */
const RECHECK_DELAY_MS = 400;

/**
 * "Kinesis Policy: Check Access...": asks the question (or takes it given), finds the policies that
 * apply, has the server answer, and shows the answers in the Kinesis Access view; asks again as the
 * policies change.
 */
export class AccessChecker implements vscode.Disposable {
  private question: AccessQuestion | undefined;
  /** The identity policies taken from the editor that was active when the question was asked. */
  private pinnedIdentity: string[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts the runs: an answer that comes after a later run started is not shown. */
  private runs = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly view: AccessView,
  ) {
    const recheck = (document: vscode.TextDocument) => {
      if (!this.question || !document.fileName.toLowerCase().endsWith('.json')) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.run(), RECHECK_DELAY_MS);
    };
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => recheck(e.document)),
      vscode.workspace.onDidSaveTextDocument(recheck),
    ];
  }

  /** Applies a fix the view offers, then asks again. */
  async applyFix(fix: CheckAccessResult['fixes'][number]): Promise<boolean> {
    const uri = vscode.Uri.parse(fix.uri);
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, await this.client.protocol2CodeConverter.asTextEdits(fix.edits));
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) await vscode.window.showTextDocument(uri, { preview: false });
    await this.run();
    return applied;
  }

  async check(given?: AccessQuestion): Promise<CheckAccessResult | undefined> {
    const question = given ?? (await askQuestion());
    if (!question) return undefined;
    this.question = question;
    this.pinnedIdentity = undefined;
    if (this.timer) clearTimeout(this.timer);
    const result = await this.run();
    await vscode.commands.executeCommand('kinesisPolicy.access.focus');
    return result;
  }

  private async run(): Promise<CheckAccessResult | undefined> {
    const question = this.question;
    if (!question) return undefined;
    const ticket = ++this.runs;
    const identity = this.pinnedIdentity ? await readAll(this.pinnedIdentity) : await identityPoliciesFor(question.principal);
    const resources = [question.resource, ...(question.table ? [question.table] : [])];
    const resourcePolicies = await resourcePoliciesFor(resources);
    const result = await this.client.sendRequest(CheckAccessRequest.type, { ...question, identityPolicies: identity, resourcePolicies });
    const problems = [...result.problems];
    if (identity.length === 0) {
      problems.push(vscode.l10n.t('No identity policy applies: map the principal to its policy files in kinesisPolicy.access.identityPolicies, or open its policy before checking.'));
    }
    const shown = { answers: result.answers, problems, fixes: result.fixes };
    if (ticket !== this.runs) return shown;
    // The policies taken from the active editor stay the question's while other editors come and go.
    if (!this.pinnedIdentity && identity.length > 0) this.pinnedIdentity = identity.map((s) => s.uri);
    this.view.show(question, shown);
    return shown;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

async function readAll(uris: readonly string[]): Promise<PolicySource[]> {
  const sources = await Promise.all(uris.map((uri) => read(vscode.Uri.parse(uri))));
  return sources.filter((s): s is PolicySource => s !== undefined);
}
