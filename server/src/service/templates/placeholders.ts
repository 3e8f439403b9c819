/**
 * Names written where the document did not tell us a value, e.g. `arn:aws:kinesis:REGION:...`.
 * They read as what to fill in, and the `iam/placeholder` rule points at each until it is.
 */
export const PLACEHOLDERS = {
  region: 'REGION',
  account: 'ACCOUNT_ID',
  stream: 'STREAM_NAME',
  application: 'APPLICATION_NAME',
  consumer: 'CONSUMER_NAME',
  creationTimestamp: 'CREATION_TIMESTAMP',
  otherAccount: 'OTHER_ACCOUNT_ID',
  keyId: 'KEY_ID',
} as const;

const PATTERN = new RegExp(`\\b(${Object.values(PLACEHOLDERS).join('|')})\\b`);

/** The placeholder a value still contains, if any. */
export function placeholderIn(value: string): string | undefined {
  return PATTERN.exec(value)?.[1];
}
