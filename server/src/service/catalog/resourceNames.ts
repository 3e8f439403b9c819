/**
 * Resource names that can never contain `/` or `:`. An ARN template's placeholder for one of them
 * matches one run of other characters, so that `arn:aws:s3:::b/*` is no bucket (it names objects)
 * and `table/APP/index/*` is not the table `APP`. Placeholders not listed here match anything: a
 * log group name, a role name with its path, a Lambda function with its qualifier may all hold
 * separators, and matching too little would raise false alarms.
 *
 * By the service in the template's own ARN (`kms` for a Kinesis action's KMS key type), the
 * placeholders that stand for such names; `*` for every placeholder of the service. Sources:
 * - Kinesis: stream and consumer names are `[a-zA-Z0-9_.-]+` (Kinesis API Reference,
 *   CreateStream and RegisterStreamConsumer, "Pattern"); the creation timestamp is digits.
 * - DynamoDB: table and index names are `[a-zA-Z0-9_.-]` (DynamoDB Developer Guide, "Supported
 *   data types and naming rules").
 * - S3: bucket names are lowercase letters, digits, dots and hyphens (S3 User Guide, "General
 *   purpose bucket naming rules").
 * - KMS: a key id is a UUID or an `mrk-` id (KMS Developer Guide, "Key identifiers").
 * - SQS and SNS: queue and topic names are letters, digits, hyphens and underscores (CreateQueue,
 *   CreateTopic in their API References).
 */
const NAMES_WITHOUT_SEPARATORS: Readonly<Record<string, readonly string[]>> = {
  kinesis: ['*'],
  dynamodb: ['TableName', 'IndexName'],
  s3: ['BucketName'],
  kms: ['KeyId'],
  sqs: ['QueueName'],
  sns: ['TopicName'],
};

/** The placeholders of every ARN that stand for one colon-separated field. */
export const FIELD_PLACEHOLDERS: ReadonlySet<string> = new Set(['Partition', 'Region', 'Account']);

/** Whether a template's placeholder takes a single field or name, without `/` or `:`. */
export function isSeparatorFree(templateService: string, placeholder: string): boolean {
  if (FIELD_PLACEHOLDERS.has(placeholder)) return true;
  const names = NAMES_WITHOUT_SEPARATORS[templateService.toLowerCase()];
  return names !== undefined && (names.includes('*') || names.includes(placeholder));
}
