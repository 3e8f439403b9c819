// The benchmark's policy documents: generated from a fixed seed, so every run and every machine
// measures the same bytes. Their shape is that of a real stream policy grown large: statements
// mixing Kinesis, DynamoDB, CloudWatch and KMS actions, stream, consumer, table and key ARNs,
// conditions and principals, pretty-printed as an editor formats JSON.

/** The sizes of the issue: a small policy, the Kinesis resource-policy limit, and two large files. */
export const SIZES = [
  { name: '1KB', bytes: 1024 },
  { name: '20KB', bytes: 20 * 1024 },
  { name: '200KB', bytes: 200 * 1024 },
  { name: '2MB', bytes: 2 * 1024 * 1024 },
];

/** A small deterministic generator (mulberry32): the same seed gives the same documents. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'];
const ACCOUNTS = ['111122223333', '444455556666', '777788889999'];
const STREAMS = ['orders', 'payments', 'clickstream', 'inventory', 'audit-log', 'shipments'];
const ROLES = ['order-analytics', 'fraud-detection', 'billing-export', 'search-indexer', 'ops-dashboard'];
const KINESIS_READ = ['kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:DescribeStream'];
const KINESIS_WRITE = ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DescribeStreamSummary'];
const KINESIS_EFO = ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'];
const LEASE_TABLE = ['dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Scan'];

const pick = (next, list) => list[Math.floor(next() * list.length)];
const some = (next, list, min) => list.filter((_, i) => i < min || next() < 0.6);

/** One statement of the kind at `index`, with names drawn from `next`. */
function statement(next, index) {
  const region = pick(next, REGIONS);
  const account = pick(next, ACCOUNTS);
  const stream = `${pick(next, STREAMS)}-${index}`;
  const streamArn = `arn:aws:kinesis:${region}:${account}:stream/${stream}`;
  const principal = { AWS: `arn:aws:iam::${pick(next, ACCOUNTS)}:role/${pick(next, ROLES)}` };
  const sid = `Statement${index}`;
  switch (index % 6) {
    case 0:
      return {
        Sid: sid,
        Effect: 'Allow',
        Principal: principal,
        Action: some(next, KINESIS_READ, 2),
        Resource: streamArn,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': `o-${Math.floor(next() * 1e10).toString(36)}` } },
      };
    case 1:
      return {
        Sid: sid,
        Effect: 'Allow',
        Principal: principal,
        Action: some(next, KINESIS_WRITE, 2),
        Resource: [streamArn, `arn:aws:kinesis:${region}:${account}:stream/${stream}-retry`],
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      };
    case 2:
      return {
        Sid: sid,
        Effect: 'Allow',
        Action: some(next, LEASE_TABLE, 3),
        Resource: `arn:aws:dynamodb:${region}:${account}:table/${stream}-leases`,
      };
    case 3:
      return {
        Sid: sid,
        Effect: 'Allow',
        Action: 'cloudwatch:PutMetricData',
        Resource: '*',
        Condition: { StringEquals: { 'cloudwatch:namespace': `${stream}-consumer` } },
      };
    case 4:
      return {
        Sid: sid,
        Effect: 'Allow',
        Principal: principal,
        Action: KINESIS_EFO,
        Resource: `${streamArn}/consumer/${pick(next, ROLES)}:${1700000000 + index}`,
      };
    default:
      return {
        Sid: sid,
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: ['kinesis:DeleteStream', 'kinesis:DecreaseStreamRetentionPeriod'],
        Resource: streamArn,
        Condition: { StringNotEquals: { 'aws:PrincipalAccount': account } },
      };
  }
}

/**
 * The statement every measurement points at: the last one, so that a server which works from
 * the start of the document up to the cursor pays for the whole file. Its `Action` list ends in
 * `"kinesis:"`, a name being typed.
 */
const LAST_STATEMENT = {
  Sid: 'TypedLast',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::444455556666:role/order-analytics' },
  Action: ['kinesis:GetRecords', 'kinesis:'],
  Resource: 'arn:aws:kinesis:eu-west-1:111122223333:stream/orders',
};

/** A statement as it appears in the pretty-printed document: indented under `"Statement": [`. */
const renderStatement = (s) => JSON.stringify(s, null, 2).replace(/^/gm, '    ');
const HEADER = '{\n  "Version": "2012-10-17",\n  "Id": "benchmark-policy",\n  "Statement": [\n';
const FOOTER = '\n  ]\n}\n';

/** The largest document of this shape that fits in `bytes` (what `JSON.stringify(policy, null, 2)` gives). */
export function generatePolicy(bytes, seed = 6) {
  const next = random(seed);
  const last = renderStatement(LAST_STATEMENT);
  const parts = [];
  let length = HEADER.length + last.length + FOOTER.length;
  for (;;) {
    const part = renderStatement(statement(next, parts.length));
    if (length + part.length + 2 > bytes) break;
    parts.push(part);
    length += part.length + 2;
  }
  return HEADER + [...parts, last].join(',\n') + FOOTER;
}

/** Line and character of an offset, as LSP counts them (UTF-16 units; the text is ASCII). */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** A benchmark document and the places the measurements act on, all in its last statement. */
export function benchDocument(size) {
  const text = generatePolicy(size.bytes);
  const last = text.lastIndexOf('"Sid": "TypedLast"');
  const typed = text.indexOf('"kinesis:"', last) + '"kinesis:'.length;
  const hover = text.indexOf('"kinesis:GetRecords"', last) + '"kinesis:Get'.length;
  const sidEnd = last + '"Sid": "TypedLast'.length;
  return {
    name: size.name,
    uri: `file:///bench/policy-${size.name.toLowerCase()}.json`,
    text,
    bytes: Buffer.byteLength(text),
    statements: (text.match(/"Sid": /g) ?? []).length,
    /** Where completion is asked: just after `kinesis:` in the last `Action` list. */
    completion: positionAt(text, typed),
    /** Where hover is asked: inside `kinesis:GetRecords` of the last statement. */
    hover: positionAt(text, hover),
    /** Where edits that should change nothing but the text go: the end of the last `Sid`. */
    sidEnd: positionAt(text, sidEnd),
  };
}

/** The template of the benchmark: a CloudFormation stack of about 1 MB, in YAML. */
export const TEMPLATE_SIZE = { name: 'YAML 1MB', bytes: 1024 * 1024 };

/**
 * One resource group of the template: a stream, its KCL application's lease table, the consumer's
 * role with its policy (intrinsic functions in its ARNs), and the stream's resource policy.
 */
function templateResources(i) {
  return `  Stream${i}:
    Type: AWS::Kinesis::Stream
    Properties:
      Name: stream-${i}
      ShardCount: 2
  Table${i}:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: app-${i}
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{AttributeName: leaseKey, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: leaseKey, AttributeType: S}]
  Role${i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: consumer-${i}
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Sid: Read
                Effect: Allow
                Action:
                  - kinesis:GetRecords
                  - kinesis:GetShardIterator
                  - kinesis:DescribeStreamSummary
                  - kinesis:ListShards
                Resource: !GetAtt Stream${i}.Arn
              - Sid: Leases
                Effect: Allow
                Action: [dynamodb:DescribeTable, dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem, dynamodb:DeleteItem, dynamodb:Scan]
                Resource: !Sub 'arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${Table${i}}'
              - Sid: Metrics
                Effect: Allow
                Action: cloudwatch:PutMetricData
                Resource: '*'
  Share${i}:
    Type: AWS::Kinesis::ResourcePolicy
    Properties:
      ResourceArn: !GetAtt Stream${i}.Arn
      ResourcePolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {AWS: !Sub 'arn:\${AWS::Partition}:iam::\${PartnerAccount}:root'}
            Action: [kinesis:GetRecords, kinesis:GetShardIterator, kinesis:DescribeStreamSummary, kinesis:ListShards]
            Resource: !GetAtt Stream${i}.Arn
`;
}

/** The resource the measurements act on, in the middle of the template: its Action list ends in a name being typed. */
const TYPED_RESOURCE = `  TypedRole:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: TypedLast
            Effect: Allow
            Action: [kinesis:GetRecords, 'kinesis:']
            Resource: !GetAtt Stream0.Arn
`;

/**
 * `head`, then groups `groupAt(0)`, `groupAt(1)`, ... as many as fit in `bytes`, with `typed` (what
 * the measurements act on) among them in the middle.
 */
export function aroundTheMiddle(head, typed, groupAt, bytes) {
  const groups = [];
  let length = head.length + typed.length;
  for (let i = 0; ; i++) {
    const group = groupAt(i);
    if (length + group.length > bytes) break;
    groups.push(group);
    length += group.length;
  }
  const middle = Math.floor(groups.length / 2);
  return head + groups.slice(0, middle).join('') + typed + groups.slice(middle).join('');
}

/** The benchmark template, with the places the measurements act on (in a resource in its middle). */
export function benchTemplate() {
  const head = "AWSTemplateFormatVersion: '2010-09-09'\nDescription: A large stack for the benchmark.\nParameters:\n  PartnerAccount: {Type: String}\nResources:\n";
  const text = aroundTheMiddle(head, TYPED_RESOURCE, templateResources, TEMPLATE_SIZE.bytes);
  const typed = text.indexOf("'kinesis:'") + "'kinesis:".length;
  const hover = text.indexOf('kinesis:GetRecords', text.indexOf('TypedLast')) + 'kinesis:Get'.length;
  const sidEnd = text.indexOf('Sid: TypedLast') + 'Sid: TypedLast'.length;
  return {
    name: TEMPLATE_SIZE.name,
    uri: 'file:///bench/stack.yaml',
    languageId: 'yaml',
    text,
    bytes: Buffer.byteLength(text),
    statements: (text.match(/Effect: /g) ?? []).length,
    resources: (text.match(/^ {4}Type: /gm) ?? []).length,
    completion: positionAt(text, typed),
    hover: positionAt(text, hover),
    sidEnd: positionAt(text, sidEnd),
  };
}
