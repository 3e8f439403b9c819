import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { KCL_VERSIONS } from '../../common/src/choices';
import { NewPolicyRequest, type NewPolicyParams } from '../../common/src/protocol';

type Role = NewPolicyParams['role'];

interface RoleChoice extends vscode.QuickPickItem {
  role: Role;
  kclVersion?: NewPolicyParams['kclVersion'];
  /** Which names the role's policy needs. */
  asks: ('application' | 'consumer' | 'otherAccount' | 'stream')[];
  encryptable: boolean;
}

const ROLES: RoleChoice[] = [
  { label: 'Producer', description: 'writes records to a stream', role: 'producer', asks: ['stream'], encryptable: true },
  ...KCL_VERSIONS.map((v) => ({
    label: `KCL consumer (KCL ${v})`,
    description: 'reads with the Kinesis Client Library: stream, lease table, metrics',
    role: 'kcl-consumer' as const,
    kclVersion: v,
    asks: ['stream' as const, 'application' as const],
    encryptable: true,
  })),
  { label: 'Enhanced fan-out consumer', description: 'registers and subscribes as a consumer', role: 'efo-consumer', asks: ['stream', 'consumer'], encryptable: true },
  { label: 'Cross-account reader', description: "resource policy: another account reads this stream", role: 'cross-account-read', asks: ['stream', 'otherAccount'], encryptable: false },
  { label: 'Cross-account writer', description: 'resource policy: another account writes to this stream', role: 'cross-account-write', asks: ['stream', 'otherAccount'], encryptable: false },
  { label: 'Consumer share: stream policy', description: "resource policy on the stream, for another account's consumer", role: 'consumer-share-stream', asks: ['stream', 'otherAccount'], encryptable: false },
  { label: 'Consumer share: consumer policy', description: 'resource policy on the registered consumer', role: 'consumer-share-consumer', asks: ['stream', 'consumer', 'otherAccount'], encryptable: false },
  { label: 'Stream administrator', description: 'creates, scales, tags and deletes streams', role: 'stream-admin', asks: [], encryptable: false },
];

/** Answers the command can be given instead of asking, e.g. by tests or by other commands. */
export type NewPolicyAnswers = Partial<NewPolicyParams>;

/** The names the command asks for, each validated as it is typed. */
type AskedName = 'region' | 'account' | 'otherAccount' | 'stream' | 'application' | 'consumer' | 'keyId';

const VALIDATORS: Record<AskedName, (value: string) => string | undefined> = {
  region: (v) => (/^[a-z]{2}(-[a-z]+)+-\d+$/.test(v) ? undefined : 'A region code, such as us-east-1.'),
  account: (v) => (/^\d{12}$/.test(v) ? undefined : 'An AWS account id: 12 digits.'),
  otherAccount: (v) => (/^\d{12}$/.test(v) ? undefined : 'An AWS account id: 12 digits.'),
  stream: (v) => (/^[a-zA-Z0-9_.-]{1,128}$/.test(v) ? undefined : 'A stream name: 1 to 128 letters, digits, _ . or -.'),
  application: (v) => (/^[a-zA-Z0-9_.-]{3,255}$/.test(v) ? undefined : 'The KCL application name (the lease table): 3 to 255 letters, digits, _ . or -.'),
  consumer: (v) => (/^[a-zA-Z0-9_.-]{1,128}$/.test(v) ? undefined : 'A consumer name: 1 to 128 letters, digits, _ . or -.'),
  keyId: (v) => (/^[a-zA-Z0-9-]{1,128}$/.test(v) || /^alias\/[a-zA-Z0-9/_-]+$/.test(v) ? undefined : 'A KMS key id, such as 1234abcd-12ab-34cd-56ef-1234567890ab.'),
};

const PROMPTS: Record<AskedName, string> = {
  region: 'Region of the stream',
  account: 'Account id that owns the stream',
  otherAccount: 'Account id to share the stream with',
  stream: 'Stream name',
  application: 'KCL application name (names the DynamoDB lease table)',
  consumer: 'Consumer name',
  keyId: 'KMS key id of the stream',
};

/** "Kinesis Policy: New Policy...": asks for the role and names, opens the policy in a new editor. */
export async function newPolicy(client: BaseLanguageClient, given: NewPolicyAnswers = {}): Promise<vscode.TextEditor | undefined> {
  const choice = given.role
    ? ROLES.find((r) => r.role === given.role && (!given.kclVersion || r.kclVersion === given.kclVersion))
    : await vscode.window.showQuickPick(ROLES, { title: 'New Kinesis Policy', placeHolder: 'Who is the policy for?' });
  if (!choice) return undefined;
  const answers: NewPolicyParams = { ...given, role: choice.role, kclVersion: given.kclVersion ?? choice.kclVersion };
  if (choice.encryptable && given.keyId === undefined) {
    const encryption = await vscode.window.showQuickPick(
      [
        { label: 'Not encrypted, or with the AWS-managed key', encrypted: false },
        { label: 'Encrypted with a customer-managed KMS key', encrypted: true, description: 'adds kms:GenerateDataKey or kms:Decrypt' },
      ],
      { title: 'New Kinesis Policy', placeHolder: 'How is the stream encrypted?' },
    );
    if (!encryption) return undefined;
    if (encryption.encrypted && !(await ask(answers, 'keyId'))) return undefined;
  }
  for (const name of ['region', 'account', ...choice.asks] as const) {
    if (choice.role === 'stream-admin' && name === 'region') continue;
    if (!(await ask(answers, name))) return undefined;
  }
  const { text } = await client.sendRequest(NewPolicyRequest.type, answers);
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: text });
  return vscode.window.showTextDocument(document);
}

/** Asks for one name unless it was given; false when the user cancels. */
async function ask(answers: NewPolicyParams, name: AskedName): Promise<boolean> {
  if (answers[name] !== undefined) return true;
  const value = await vscode.window.showInputBox({
    title: 'New Kinesis Policy',
    prompt: PROMPTS[name],
    value: name === 'region' ? 'us-east-1' : undefined,
    validateInput: (v) => VALIDATORS[name](v.trim()),
  });
  if (value === undefined) return false;
  answers[name] = value.trim();
  return true;
}
