import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { PolicyKindNotification, type PolicyKindStatus } from '../../common/src/protocol';

const TEXT: Record<NonNullable<PolicyKindStatus['kind']>, string> = {
  identity: 'Identity policy',
  'kinesis-resource': 'Kinesis resource policy',
  'other-resource': 'Resource policy',
  'vpc-endpoint': 'VPC endpoint policy',
};

const READ_AS: Record<NonNullable<PolicyKindStatus['kind']>, string> = {
  identity: 'an identity policy (attached to a user, group or role): producer, consumer and KCL checks apply',
  'kinesis-resource': 'a Kinesis resource policy',
  'other-resource': 'a resource-based policy for another service (a trust policy, for example): only the general IAM checks apply',
  'vpc-endpoint': 'a VPC endpoint policy: only the general IAM checks apply',
};

const DECIDED_BY: Record<NonNullable<PolicyKindStatus['decidedBy']>, string> = {
  content: 'from its content (a statement with a Principal makes it resource-based)',
  setting: 'by the kinesisPolicy.policyKind setting',
  'file pattern': "by its file name, matched by one of the kinesisPolicy.files settings' patterns",
  terraform: 'by the Terraform file that reads it with file() (where its policy goes)',
};

/**
 * A status bar item on the active policy saying how it is read (identity, Kinesis stream or
 * consumer resource policy, another resource policy, VPC endpoint policy) and what decided it;
 * a click opens the setting that changes it.
 */
export class PolicyKindStatusItem implements vscode.Disposable {
  private readonly statuses = new Map<string, PolicyKindStatus>();
  private readonly item = vscode.window.createStatusBarItem('kinesisPolicy.policyKind', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(client: BaseLanguageClient) {
    this.item.name = 'Kinesis Policy: Policy Kind';
    this.subscriptions = [
      // A stopped server's word no longer holds; a restarted one says it again.
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Stopped) {
          this.statuses.clear();
          this.update();
        }
      }),
      client.onNotification(PolicyKindNotification.type, (status) => {
        this.statuses.set(status.uri, status);
        this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((document) => this.statuses.delete(document.uri.toString())),
    ];
  }

  /** What the item shows, if it shows: for the extension's tests. */
  get shown(): { text: string; tooltip: string } | undefined {
    const status = this.activeStatus();
    return status ? { text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '' } : undefined;
  }

  private activeStatus(): PolicyKindStatus | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.statuses.get(uri) : undefined;
    return status?.kind ? status : undefined;
  }

  private update(): void {
    const status = this.activeStatus();
    if (!status?.kind) {
      this.item.hide();
      return;
    }
    const on = status.resource ? ` (${status.resource})` : '';
    this.item.text = `$(shield) ${TEXT[status.kind]}${on}`;
    // The setting that decided, or would change, how this file is read.
    const setting = status.decidedBy === 'file pattern' ? 'kinesisPolicy.files' : 'kinesisPolicy.policyKind';
    this.item.command = { title: 'Change how policies are read', command: 'workbench.action.openSettings', arguments: [setting] };
    const what = status.kind === 'kinesis-resource' ? `${READ_AS[status.kind]} on a ${status.resource === 'consumer' ? 'registered consumer' : 'stream'}` : READ_AS[status.kind];
    this.item.tooltip = [
      `Kinesis Policy reads this file as ${what}, ${DECIDED_BY[status.decidedBy ?? 'content']}.`,
      status.mayBeEndpointPolicy ? 'Every statement allows everyone ("Principal": "*"): if this is a VPC endpoint policy, say so in the setting or name the file *.vpce-policy.json.' : '',
      'Click to change how policies are read.',
    ]
      .filter(Boolean)
      .join('\n\n');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
