import { parseArn } from '../../catalog/arn';

/**
 * What a reference to a resource of the configuration stands for (`aws_kinesis_stream.orders.arn`
 * is a stream ARN), from each resource's "Attribute Reference" in the Terraform AWS provider
 * documentation (registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/...). The
 * partition, region and account are known only when Terraform runs: they are written as the data
 * sources that give them (`${data.aws_partition.current.partition}`), which the checks read as
 * unknown text, and which a statement written into the file may use where the file declares them.
 * A name written as a literal is used; otherwise it is unknown too.
 */

/** What a resource's attributes are read from: its attributes written as literals, and what its links name (a consumer's `stream_arn`). */
export interface ResourceFacts {
  literal(key: string): string | undefined;
  linked(key: string): string | undefined;
}

type Attributes = Readonly<Record<string, (name: string, facts: ResourceFacts) => string>>;

const PARTITION = '${data.aws_partition.current.partition}';
const REGION = '${data.aws_region.current.name}';
const ACCOUNT = '${data.aws_caller_identity.current.account_id}';
const PREFIX = (service: string, region = true) => `arn:${PARTITION}:${service}:${region ? REGION : ''}:${ACCOUNT}`;

const VALUES: Readonly<Record<string, { name: string; attributes: Attributes }>> = {
  aws_kinesis_stream: { name: 'name', attributes: { arn: (n) => `${PREFIX('kinesis')}:stream/${n}`, name: (n) => n } },
  // A consumer's ARN is its stream's, then `/consumer/NAME:TIMESTAMP` (Kinesis Data Streams API Reference, RegisterStreamConsumer).
  aws_kinesis_stream_consumer: { name: 'name', attributes: { arn: (n, facts) => `${streamArn(facts.linked('stream_arn')) ?? `${PREFIX('kinesis')}:stream/\${stream}`}/consumer/${n}:\${creation_timestamp}`, name: (n) => n } },
  aws_dynamodb_table: { name: 'name', attributes: { arn: (n) => `${PREFIX('dynamodb')}:table/${n}`, name: (n) => n, id: (n) => n } },
  aws_iam_role: { name: 'name', attributes: { arn: (n) => `${PREFIX('iam', false)}:role/${n}`, name: (n) => n } },
  aws_kms_key: { name: '', attributes: { arn: () => `${PREFIX('kms')}:key/\${key_id}` } },
};

/** The resource types whose `arn` a policy names, for completion: `aws_kinesis_stream`, ... */
export const ARN_TYPES: readonly string[] = Object.keys(VALUES);

/** The name of the resource an instance is of, as `referencePath` gives an instance: `orders[0]` is of `orders`. */
export function resourceName(instance: string): string {
  const key = instance.indexOf('[');
  return key < 0 ? instance : instance.slice(0, key);
}

/**
 * The value of `type.name.attribute` (`name` may hold an instance's key, `orders[0]`), with
 * `facts` giving the resource's literal attributes and what its links name; undefined where not known. A name that is
 * not a literal is the instance's own `name` attribute, known when Terraform runs: of a resource
 * with `count` or `for_each`, with its instance's key (Terraform refuses
 * `aws_kinesis_stream.orders.name` there).
 */
export function referenceValue(type: string, name: string, attribute: string, facts: ResourceFacts): string | undefined {
  const values = VALUES[type];
  const write = values?.attributes[attribute];
  if (!values || !write) return undefined;
  return write((values.name && facts.literal(values.name)) || `\${${type}.${name}.name}`, facts);
}

/** The value if it is a stream's ARN (`arn:...:kinesis:REGION:ACCOUNT:stream/NAME`). */
function streamArn(value: string | undefined): string | undefined {
  const arn = value === undefined ? undefined : parseArn(value);
  return arn?.service === 'kinesis' && /^stream\/[^/]+$/.test(arn.resource) ? value : undefined;
}
