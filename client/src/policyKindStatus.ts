import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { PolicyKindNotification, type PolicyKindStatus } from '../../common/src/protocol';

type Kind = NonNullable<PolicyKindStatus['kind']>;

/** The status bar's word for each kind of policy. */
function kindText(kind: Kind): string {
  return { identity: vscode.l10n.t('Identity policy'), 'kinesis-resource': vscode.l10n.t('Kinesis resource policy'), 'other-resource': vscode.l10n.t('Resource policy'), 'vpc-endpoint': vscode.l10n.t('VPC endpoint policy') }[kind];
}

/** What a file is read as, and what that means for the checks. */
function readAs(kind: Kind, resource: PolicyKindStatus['resource']): string {
  switch (kind) {
    case 'identity':
      return vscode.l10n.t('an identity policy (attached to a user, group or role): producer, consumer and KCL checks apply');
    case 'kinesis-resource':
      return resource === 'consumer' ? vscode.l10n.t('a Kinesis resource policy on a registered consumer') : vscode.l10n.t('a Kinesis resource policy on a stream');
    case 'other-resource':
      return vscode.l10n.t('a resource-based policy for another service (a trust policy, for example): only the general IAM checks apply');
    case 'vpc-endpoint':
      return vscode.l10n.t('a VPC endpoint policy: only the general IAM checks apply');
  }
}

function decidedBy(by: NonNullable<PolicyKindStatus['decidedBy']>): string {
  return {
    content: vscode.l10n.t('from its content (a statement with a Principal makes it resource-based)'),
    setting: vscode.l10n.t('by the kinesisPolicy.policyKind setting'),
    'file pattern': vscode.l10n.t("by its file name, matched by one of the kinesisPolicy.files settings' patterns"),
    terraform: vscode.l10n.t('by the Terraform file that reads it with file() (where its policy goes)'),
  }[by];
}

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
    this.item.name = vscode.l10n.t('Kinesis Policy: Policy Kind');
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
    const on = status.resource ? ` (${status.resource === 'consumer' ? vscode.l10n.t('consumer') : vscode.l10n.t('stream')})` : '';
    this.item.text = `$(shield) ${kindText(status.kind)}${on}`;
    // The setting that decided, or would change, how this file is read.
    const setting = status.decidedBy === 'file pattern' ? 'kinesisPolicy.files' : 'kinesisPolicy.policyKind';
    this.item.command = { title: vscode.l10n.t('Change how policies are read'), command: 'workbench.action.openSettings', arguments: [setting] };
    this.item.tooltip = [
      vscode.l10n.t('Kinesis Policy reads this file as {0}, {1}.', readAs(status.kind, status.resource), decidedBy(status.decidedBy ?? 'content')),
      status.mayBeEndpointPolicy ? vscode.l10n.t('Every statement allows everyone ("Principal": "*"): if this is a VPC endpoint policy, say so in the setting or name the file *.vpce-policy.json.') : '',
      vscode.l10n.t('Click to change how policies are read.'),
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
