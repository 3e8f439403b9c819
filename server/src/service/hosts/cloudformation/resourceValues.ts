/**
 * What `!Ref` and `!GetAtt` give for the resource types a Kinesis policy points at, as the
 * CloudFormation resource reference documents them ("Return values" of each type,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html).
 * `{name}` is the resource's name: its name property where the template writes one, else unknown
 * (CloudFormation makes one up); `{id}` an id the service makes and `{url}` a queue's URL, unknown; all are written
 * `${LogicalId}`, and `${...}` stays an unknown segment, as a policy variable does.
 */
export interface ResourceValues {
  /** The property that names the resource, if the type has one. */
  nameProperty?: string;
  /** What `!Ref` gives. */
  ref?: string;
  /** What `!GetAtt R.Attribute` gives, by attribute. */
  attributes: Readonly<Record<string, string>>;
}

const REGIONAL = (service: string, resource: string) => `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}`;

export const RESOURCE_VALUES: Readonly<Record<string, ResourceValues>> = {
  // AWS::Kinesis::Stream: Ref is the stream name; Arn the stream ARN.
  'AWS::Kinesis::Stream': { nameProperty: 'Name', ref: '{name}', attributes: { Arn: REGIONAL('kinesis', 'stream/{name}') } },
  // AWS::Kinesis::StreamConsumer: Ref and ConsumerARN are the consumer ARN; StreamARN is its stream's.
  'AWS::Kinesis::StreamConsumer': {
    nameProperty: 'ConsumerName',
    ref: '{consumerArn}',
    attributes: { ConsumerARN: '{consumerArn}', ConsumerName: '{name}', StreamARN: '{streamArn}' },
  },
  // AWS::DynamoDB::Table: Ref is the table name; Arn the table ARN; StreamArn its DynamoDB stream.
  'AWS::DynamoDB::Table': { nameProperty: 'TableName', ref: '{name}', attributes: { Arn: REGIONAL('dynamodb', 'table/{name}'), StreamArn: REGIONAL('dynamodb', 'table/{name}/stream/${unknown}') } },
  'AWS::DynamoDB::GlobalTable': { nameProperty: 'TableName', ref: '{name}', attributes: { Arn: REGIONAL('dynamodb', 'table/{name}') } },
  // AWS::IAM::Role: Ref is the role name; Arn the role ARN (IAM ARNs have no region).
  'AWS::IAM::Role': { nameProperty: 'RoleName', ref: '{name}', attributes: { Arn: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/{name}', RoleId: '${unknown}' } },
  'AWS::IAM::User': { nameProperty: 'UserName', ref: '{name}', attributes: { Arn: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:user/{name}' } },
  'AWS::IAM::ManagedPolicy': { nameProperty: 'ManagedPolicyName', ref: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/{name}', attributes: { PolicyArn: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/{name}' } },
  // AWS::KMS::Key: Ref is the key id; Arn the key ARN. The id is made by KMS: `${LogicalId}` here.
  'AWS::KMS::Key': { ref: '{id}', attributes: { Arn: REGIONAL('kms', 'key/{id}'), KeyId: '{id}' } },
  'AWS::KMS::Alias': { nameProperty: 'AliasName', ref: '{name}', attributes: {} },
  // AWS::Lambda::Function: Ref is the function name; Arn the function ARN.
  'AWS::Lambda::Function': { nameProperty: 'FunctionName', ref: '{name}', attributes: { Arn: REGIONAL('lambda', 'function:{name}') } },
  'AWS::Serverless::Function': { nameProperty: 'FunctionName', ref: '{name}', attributes: { Arn: REGIONAL('lambda', 'function:{name}') } },
  // AWS::S3::Bucket: Ref is the bucket name; Arn the bucket ARN (no region, no account).
  'AWS::S3::Bucket': { nameProperty: 'BucketName', ref: '{name}', attributes: { Arn: 'arn:${AWS::Partition}:s3:::{name}' } },
  // AWS::SQS::Queue: Ref is the queue URL; Arn the queue ARN. AWS::SNS::Topic: Ref is the topic ARN.
  'AWS::SQS::Queue': { nameProperty: 'QueueName', ref: '{url}', attributes: { Arn: REGIONAL('sqs', '{name}') } },
  'AWS::SNS::Topic': { nameProperty: 'TopicName', ref: REGIONAL('sns', '{name}'), attributes: { TopicArn: REGIONAL('sns', '{name}') } },
  // AWS::Logs::LogGroup: Ref is the name; Arn ends in `:*`.
  'AWS::Logs::LogGroup': { nameProperty: 'LogGroupName', ref: '{name}', attributes: { Arn: REGIONAL('logs', 'log-group:{name}:*') } },
  'AWS::KinesisFirehose::DeliveryStream': { nameProperty: 'DeliveryStreamName', ref: '{name}', attributes: { Arn: REGIONAL('firehose', 'deliverystream/{name}') } },
};

/** The pseudo parameters (CloudFormation User Guide, "Pseudo parameters reference"): unknown segments of their own name. */
export const PSEUDO_PARAMETERS = ['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix'];
