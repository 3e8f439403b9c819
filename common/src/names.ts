import * as l10n from '@vscode/l10n';

/**
 * The names a Kinesis policy is written with (region, account, stream...), what each must look
 * like, and how to ask for one: shared by the New Policy command, the placeholder quick fix and
 * the server that fills placeholders in, so that every place accepts the same values.
 */

/** The kinds of name a placeholder stands for; `other` is a placeholder whose place says nothing. */
export const NAME_KINDS = ['region', 'account', 'otherAccount', 'stream', 'consumer', 'application', 'keyId', 'other'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

const ACCOUNT = /^\d{12}$/;
// Stream and consumer names: CreateStream and RegisterStreamConsumer's patterns
// (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html).
const RESOURCE_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;

/** Each kind's check, and what is said of it (in the display language: `@vscode/l10n`). */
const CHECKS: Record<NameKind, { valid: (v: string) => boolean; hint: () => string; prompt: () => string }> = {
  region: { valid: (v) => /^[a-z]{2}(-[a-z]+)+-\d+$/.test(v), hint: () => l10n.t('A region code, such as us-east-1.'), prompt: () => l10n.t('Region of the stream') },
  account: { valid: (v) => ACCOUNT.test(v), hint: () => l10n.t('An AWS account id: 12 digits.'), prompt: () => l10n.t('Account id that owns the stream') },
  otherAccount: { valid: (v) => ACCOUNT.test(v), hint: () => l10n.t('An AWS account id: 12 digits.'), prompt: () => l10n.t('Account id to share the stream with') },
  stream: { valid: (v) => RESOURCE_NAME.test(v), hint: () => l10n.t('A stream name: 1 to 128 letters, digits, _ . or -.'), prompt: () => l10n.t('Stream name') },
  consumer: { valid: (v) => RESOURCE_NAME.test(v), hint: () => l10n.t('A consumer name: 1 to 128 letters, digits, _ . or -.'), prompt: () => l10n.t('Consumer name') },
  // The KCL names its lease table after the application; DynamoDB table names are 3 to 255 of these.
  application: {
    valid: (v) => /^[a-zA-Z0-9_.-]{3,255}$/.test(v),
    hint: () => l10n.t('The KCL application name (the lease table): 3 to 255 letters, digits, _ . or -.'),
    prompt: () => l10n.t('KCL application name (names the DynamoDB lease table)'),
  },
  keyId: {
    valid: (v) => /^[a-zA-Z0-9-]{1,128}$/.test(v) || /^alias\/[a-zA-Z0-9/_-]+$/.test(v),
    hint: () => l10n.t('A KMS key id, such as 1234abcd-12ab-34cd-56ef-1234567890ab.'),
    prompt: () => l10n.t('KMS key id of the stream'),
  },
  // A value inside a JSON string of an ARN: no quotes, no white space, no ARN separator.
  other: { valid: (v) => /^[^\s"\\:]+$/.test(v), hint: () => l10n.t('A value without spaces, quotes or colons.'), prompt: () => l10n.t('Value') },
};

/** Why a value cannot be this kind of name, or undefined when it can. */
export function nameProblem(kind: NameKind, value: string): string | undefined {
  const check = CHECKS[kind];
  return check.valid(value) ? undefined : check.hint();
}

/** What to ask for, in a few words: "Stream name". */
export function namePrompt(kind: NameKind): string {
  return CHECKS[kind].prompt();
}
