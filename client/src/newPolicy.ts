import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { KCL_VERSIONS } from '../../common/src/choices';
import { namePrompt, nameProblem, type NameKind } from '../../common/src/names';
import { NewPolicyRequest, type NewPolicyParams } from '../../common/src/protocol';
import type { DocumentAnswersStore } from './documentAnswers';
import { knownNames } from './workspaceNames';

/** The names the command asks for. */
type AskedName = Exclude<NameKind, 'other'>;

type Role = NewPolicyParams['role'];

interface RoleChoice extends vscode.QuickPickItem {
  role: Role;
  kclVersion?: NewPolicyParams['kclVersion'];
  /** Which names the role's policy needs. */
  asks: ('application' | 'consumer' | 'otherAccount' | 'stream')[];
  encryptable: boolean;
}

/** The roles a policy can be for, in the display language. */
function roles(): RoleChoice[] {
  return [
    { label: vscode.l10n.t('Producer'), description: vscode.l10n.t('writes records to a stream'), role: 'producer', asks: ['stream'], encryptable: true },
    ...KCL_VERSIONS.map((v) => ({
      label: vscode.l10n.t('KCL consumer (KCL {0})', v),
      description: vscode.l10n.t('reads with the Kinesis Client Library: stream, lease table, metrics'),
      role: 'kcl-consumer' as const,
      kclVersion: v,
      asks: ['stream' as const, 'application' as const],
      encryptable: true,
    })),
    { label: vscode.l10n.t('Enhanced fan-out consumer'), description: vscode.l10n.t('registers and subscribes as a consumer'), role: 'efo-consumer', asks: ['stream', 'consumer'], encryptable: true },
    { label: vscode.l10n.t('Cross-account reader'), description: vscode.l10n.t('resource policy: another account reads this stream'), role: 'cross-account-read', asks: ['stream', 'otherAccount'], encryptable: false },
    { label: vscode.l10n.t('Cross-account writer'), description: vscode.l10n.t('resource policy: another account writes to this stream'), role: 'cross-account-write', asks: ['stream', 'otherAccount'], encryptable: false },
    { label: vscode.l10n.t('Consumer share: stream policy'), description: vscode.l10n.t("resource policy on the stream, for another account's consumer"), role: 'consumer-share-stream', asks: ['stream', 'otherAccount'], encryptable: false },
    { label: vscode.l10n.t('Consumer share: consumer policy'), description: vscode.l10n.t('resource policy on the registered consumer'), role: 'consumer-share-consumer', asks: ['stream', 'consumer', 'otherAccount'], encryptable: false },
    { label: vscode.l10n.t('Stream administrator'), description: vscode.l10n.t('creates, scales, tags and deletes streams'), role: 'stream-admin', asks: [], encryptable: false },
  ];
}

/** Answers the command can be given instead of asking, e.g. by tests or by other commands. */
export type NewPolicyAnswers = Partial<NewPolicyParams> & { encrypted?: boolean };

/** "Kinesis Policy: New Policy...": asks for the role and names, opens the policy in a new editor. */
export async function newPolicy(client: BaseLanguageClient, told: DocumentAnswersStore, given: NewPolicyAnswers = {}): Promise<vscode.TextEditor | undefined> {
  const choices = roles();
  const choice = given.role
    ? choices.find((r) => r.role === given.role && (!given.kclVersion || r.kclVersion === given.kclVersion))
    : await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('New Kinesis Policy (1 of 2 or more)'), placeHolder: vscode.l10n.t('Who is the policy for?') });
  if (!choice) return undefined;
  const { encrypted: givenEncryption, ...givenNames } = given;
  const answers: NewPolicyParams = { ...givenNames, role: choice.role, kclVersion: given.kclVersion ?? choice.kclVersion };
  // The region and account the workspace's policies use are the likely ones for this policy too.
  const known = await knownNames(client);
  const names = (['region', 'account', ...choice.asks] as const).filter((n) => !(choice.role === 'stream-admin' && n === 'region'));
  let encrypted = givenEncryption ?? (given.keyId ? true : undefined);
  // Steps still to ask, after the role: the encryption question, the key id, the names not given.
  const keyStep = (isEncrypted: boolean | undefined) => (isEncrypted && given.keyId === undefined ? 1 : 0);
  const asked = names.filter((n) => given[n] === undefined).length;
  const steps = { at: 1, total: 1 + (choice.encryptable && encrypted === undefined ? 1 : 0) + keyStep(encrypted) + asked };
  const title = () => vscode.l10n.t('New Kinesis Policy ({0} of {1})', ++steps.at, steps.total);
  if (choice.encryptable && encrypted === undefined) {
    const encryption = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Not encrypted, or with the AWS-managed key'), encrypted: false },
        { label: vscode.l10n.t('Encrypted with a customer-managed KMS key'), encrypted: true, description: vscode.l10n.t('adds kms:GenerateDataKey or kms:Decrypt') },
      ],
      { title: title(), placeHolder: vscode.l10n.t('How is the stream encrypted?') },
    );
    if (!encryption) return undefined;
    encrypted = encryption.encrypted;
    steps.total += keyStep(encrypted);
  }
  if (encrypted && !(await ask(answers, 'keyId', title))) return undefined;
  for (const name of names) {
    if (!(await ask(answers, name, title, known.names[name]?.[0] ?? (name === 'region' ? 'us-east-1' : undefined)))) return undefined;
  }
  if (!encrypted) delete answers.keyId;
  const { text } = await client.sendRequest(NewPolicyRequest.type, answers);
  // In a folder, the editor saves as the suggested name there; without one, as the user chooses.
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content: text }));
  const uri = await untitledUri(folder, suggestedFileName(answers));
  // Said before the document opens, so its first check already knows: no KMS hint for a stream
  // the user said is not encrypted with a customer-managed key.
  if (choice.encryptable) await told.tell({ uri: uri.toString(), streamEncrypted: encrypted === true });
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), text));
  return editor;
}

/** Asks for one name unless it was given; false when the user cancels. */
async function ask(answers: NewPolicyParams, name: AskedName, title: () => string, value?: string): Promise<boolean> {
  if (answers[name] !== undefined) return true;
  const answer = await vscode.window.showInputBox({
    title: title(),
    prompt: namePrompt(name),
    value,
    ignoreFocusOut: true,
    validateInput: (v) => nameProblem(name, v.trim()),
  });
  if (answer === undefined) return false;
  answers[name] = answer.trim();
  return true;
}

/**
 * The name the policy is offered to be saved as: after its stream (or consumer) and its job, with
 * the endings the extension reads by default as stream and consumer resource policies.
 */
export function suggestedFileName(p: NewPolicyParams): string {
  const stream = (p.stream ?? 'stream').toLowerCase();
  const names: Record<NewPolicyParams['role'], string> = {
    producer: `${stream}-producer.policy.json`,
    'kcl-consumer': `${stream}-consumer.policy.json`,
    'efo-consumer': `${stream}-efo-consumer.policy.json`,
    'cross-account-read': `${stream}-cross-account-read.stream-policy.json`,
    'cross-account-write': `${stream}-cross-account-write.stream-policy.json`,
    'consumer-share-stream': `${stream}.stream-policy.json`,
    'consumer-share-consumer': `${(p.consumer ?? 'consumer').toLowerCase()}.consumer-policy.json`,
    'stream-admin': 'kinesis-stream-admin.policy.json',
  };
  return names[p.role];
}

/** An untitled document that saves as `name` in the folder (a free name: -2, -3... when taken). */
async function untitledUri(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let i = 1; ; i++) {
    const target = vscode.Uri.joinPath(folder, i === 1 ? name : name.replace(/^([^.]+)/, `$1-${i}`));
    if (!open.has(target.path) && !(await exists(target))) return target.with({ scheme: 'untitled' });
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
