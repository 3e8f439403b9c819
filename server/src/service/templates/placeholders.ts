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

/**
 * Ours, and the ones documentation and tutorials leave for the reader: `<stream-name>`,
 * `REGION_HERE`, `YOUR_ACCOUNT_ID`.
 */
const PATTERN = new RegExp(`\\b(?:${Object.values(PLACEHOLDERS).join('|')})\\b|<[^<>\\s]+>|\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_HERE\\b|\\bYOUR_[A-Z0-9_]+\\b`, 'g');

/** A placeholder in a value: its text and where it starts. */
export interface PlaceholderAt {
  name: string;
  index: number;
}

/** Every placeholder a value still contains, in order. */
export function placeholdersIn(value: string): PlaceholderAt[] {
  if (!/[A-Z<]/.test(value)) return [];
  return [...value.matchAll(PATTERN)].map((m) => ({ name: m[0], index: m.index }));
}

/** The first placeholder a value still contains, if any. */
export function placeholderIn(value: string): string | undefined {
  return placeholdersIn(value)[0]?.name;
}

/**
 * Whether a value holds a part that a template fills in when it is deployed: CloudFormation's
 * `${AWS::AccountId}` and `${Parameter}` (and `${Resource.Attribute}`), as the template host writes
 * them. IAM's own policy variables are `${service:key}` (`${aws:username}`, IAM User Guide,
 * "IAM policy elements: Variables and tags") or `${*}`, `${?}`, `${$}`, and stay policy variables.
 */
export function templateValueIn(value: string): boolean {
  for (const match of value.matchAll(/\$\{([^}]*)\}/g)) {
    const name = match[1];
    if (name.includes('::') || !/^[^:]+:[^:]/.test(name)) {
      if (name !== '*' && name !== '?' && name !== '$') return true;
    }
  }
  return false;
}
