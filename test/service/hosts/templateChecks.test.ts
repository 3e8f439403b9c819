import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { service } from '../../support/service';
import { applied, covered, messageText, OPTIONS, parsedTemplate, templateDiagnostics, templateDocument } from '../../support/templates';

const STREAM = `  Orders:
    Type: AWS::Kinesis::Stream
    Properties: {Name: orders, ShardCount: 1}
`;

const ROLE = (actions: string, extra = '') => `  ReaderRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
${extra}      Policies:
        - PolicyName: read
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [${actions}]
                Resource: !GetAtt Orders.Arn
`;

const MAPPING = (source: string) => `  Reader:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt ReaderRole.Arn
      Runtime: python3.12
      Handler: app.handler
      Code: {ZipFile: 'def handler(e, c): pass'}
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Reader
      EventSourceArn: ${source}
      StartingPosition: LATEST
`;

const findings = (text: string, code: string) => templateDiagnostics(text).diagnostics.filter((d) => d.code === code);

describe('checks across a template’s resources', () => {
  it('template/ref-not-arn: a !Ref that gives a name where an ARN belongs, fixed to !GetAtt, and reported once', () => {
    const text = `Resources:\n${STREAM}${ROLE('kinesis:ListShards').replace('Resource: !GetAtt Orders.Arn', 'Resource: !Ref Orders')}`;
    const { document, diagnostics } = templateDiagnostics(text);
    const [ref] = diagnostics.filter((d) => d.code === 'template/ref-not-arn');
    assert.equal(covered(document, ref), '!Ref Orders');
    assert.equal(messageText(ref), `!Ref Orders gives the stream's name, not its ARN, and IAM takes only ARNs (or "*") in a Resource: it rejects the policy. Use !GetAtt Orders.Arn.`);
    assert.ok(!diagnostics.some((d) => d.code === 'iam/invalid-arn'), 'not also an invalid ARN');
    const actions = service.templateCodeActions(document, parsedTemplate(document), ref.range, [ref], { ...OPTIONS, only: ['quickfix'] });
    assert.equal(applied(document, actions.find((a) => a.title === 'Change to !GetAtt Orders.Arn')), text.replace('Resource: !Ref Orders', 'Resource: !GetAtt Orders.Arn'));

    const json = JSON.stringify({ Resources: { Orders: { Type: 'AWS::Kinesis::Stream' }, P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:ListShards', Resource: { Ref: 'Orders' } }] } } } } }, null, 2);
    const jsonDocument = templateDocument(json, 'file:///ws/t.json');
    const [jsonRef] = service.templateDiagnostics(jsonDocument, parsedTemplate(jsonDocument), OPTIONS).filter((d) => d.code === 'template/ref-not-arn');
    const fix = service.templateCodeActions(jsonDocument, parsedTemplate(jsonDocument), jsonRef.range, [jsonRef], { ...OPTIONS, only: ['quickfix'] }).find((a) => a.edit);
    assert.deepEqual((JSON.parse(applied(jsonDocument, fix)) as { Resources: { P: { Properties: { PolicyDocument: { Statement: { Resource: unknown }[] } } } } }).Resources.P.Properties.PolicyDocument.Statement[0].Resource, { 'Fn::GetAtt': ['Orders', 'Arn'] });
  });

  it('template/lambda-cannot-read: what a function’s role lacks to read the stream its mapping names', () => {
    const text = `Resources:\n${STREAM}${ROLE('kinesis:GetRecords, kinesis:ListShards')}${MAPPING('!GetAtt Orders.Arn')}`;
    const { document, diagnostics } = templateDiagnostics(text);
    const [finding] = diagnostics.filter((d) => d.code === 'template/lambda-cannot-read');
    assert.equal(covered(document, finding), '!GetAtt Orders.Arn');
    assert.equal(finding.severity, DiagnosticSeverity.Warning);
    assert.match(messageText(finding), /^Lambda reads this stream for function Reader with its role ReaderRole, which cannot kinesis:DescribeStream or kinesis:DescribeStreamSummary, kinesis:GetShardIterator on it: the event source mapping fails\./);
    const complete = text.replace('kinesis:ListShards]', 'kinesis:ListShards, kinesis:DescribeStreamSummary, kinesis:GetShardIterator]');
    assert.deepEqual(findings(complete, 'template/lambda-cannot-read'), []);
    // A managed policy the template does not hold may grant it: a note that names it.
    const managed = text.replace('      Policies:', '      ManagedPolicyArns: [arn:aws:iam::111122223333:policy/stream-readers]\n      Policies:');
    const [note] = findings(managed, 'template/lambda-cannot-read');
    assert.equal(note.severity, DiagnosticSeverity.Information);
    assert.match(messageText(note), /unless arn:aws:iam::111122223333:policy\/stream-readers, which the template does not hold, grants it/);
    // AWSLambdaKinesisExecutionRole is published: it grants what Lambda needs.
    const kinesisRole = text.replace('      Policies:', '      ManagedPolicyArns: [!Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole"]\n      Policies:');
    assert.deepEqual(findings(kinesisRole, 'template/lambda-cannot-read'), []);
  });

  it('template/lambda-cannot-read: an enhanced fan-out consumer needs SubscribeToShard on the consumer, and SAM events count', () => {
    const consumer = `  Fanout:
    Type: AWS::Kinesis::StreamConsumer
    Properties: {ConsumerName: reader, StreamARN: !GetAtt Orders.Arn}
`;
    const all = 'kinesis:GetRecords, kinesis:GetShardIterator, kinesis:DescribeStreamSummary, kinesis:DescribeStream, kinesis:ListShards';
    const text = `Resources:\n${STREAM}${consumer}${ROLE(all)}${MAPPING('!GetAtt Fanout.ConsumerARN')}`;
    const [finding] = findings(text, 'template/lambda-cannot-read');
    assert.match(messageText(finding), /cannot kinesis:SubscribeToShard on it/);

    const sam = `Transform: AWS::Serverless-2016-10-31
Resources:
${STREAM}  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Events:
        Orders:
          Type: Kinesis
          Properties: {Stream: !GetAtt Orders.Arn, StartingPosition: LATEST}
`;
    // SAM gives the role it makes AWSLambdaKinesisExecutionRole for a Kinesis event: nothing to say.
    assert.deepEqual(findings(sam, 'template/lambda-cannot-read'), []);
    const ownRole = sam.replace('      Runtime: python3.12', '      Role: !GetAtt ReaderRole.Arn\n      Runtime: python3.12') + ROLE('kinesis:GetRecords, kinesis:GetShardIterator');
    assert.match(messageText(findings(ownRole, 'template/lambda-cannot-read')[0]), /^Lambda reads this stream for function Fn with its role ReaderRole, which cannot kinesis:DescribeStream or kinesis:DescribeStreamSummary on it/);
  });

  it('template/consumer-cannot-subscribe: a role that names a registered consumer needs SubscribeToShard on it', () => {
    const consumer = `  Fanout:
    Type: AWS::Kinesis::StreamConsumer
    Properties: {ConsumerName: analytics, StreamARN: !GetAtt Orders.Arn}
`;
    const text = `Resources:\n${STREAM}${consumer}${ROLE('kinesis:DescribeStreamConsumer').replace('Resource: !GetAtt Orders.Arn', 'Resource: !GetAtt Fanout.ConsumerARN')}`;
    const { document, diagnostics } = templateDiagnostics(text);
    const [finding] = diagnostics.filter((d) => d.code === 'template/consumer-cannot-subscribe');
    assert.equal(covered(document, finding), '!GetAtt Fanout.ConsumerARN');
    assert.match(messageText(finding), /^ReaderRole names the enhanced fan-out consumer Fanout but cannot kinesis:SubscribeToShard on it/);
    assert.deepEqual(findings(text.replace('[kinesis:DescribeStreamConsumer]', '[kinesis:DescribeStreamConsumer, kinesis:SubscribeToShard]'), 'template/consumer-cannot-subscribe'), []);
    // !Ref of a consumer is its ARN too.
    assert.equal(findings(text.replace('!GetAtt Fanout.ConsumerARN', '!Ref Fanout'), 'template/consumer-cannot-subscribe').length, 1);
  });

  it('template/stream-key-access: readers need kms:Decrypt on the stream’s own key; the AWS managed key needs nothing', () => {
    const encrypted = (key: string) => `Resources:
  StreamKey:
    Type: AWS::KMS::Key
  Orders:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
      StreamEncryption: {EncryptionType: KMS, KeyId: ${key}}
${ROLE('kinesis:GetRecords, kinesis:GetShardIterator, kinesis:DescribeStreamSummary, kinesis:ListShards')}`;
    const text = encrypted('!Ref StreamKey');
    const { document, diagnostics } = templateDiagnostics(text);
    const [finding] = diagnostics.filter((d) => d.code === 'template/stream-key-access');
    assert.equal(covered(document, finding), '!Ref StreamKey');
    assert.match(messageText(finding), /^Stream Orders is encrypted with this key, and ReaderRole reads it but cannot kms:Decrypt on the key/);
    const granted = text.replace('Resource: !GetAtt Orders.Arn', 'Resource: !GetAtt Orders.Arn\n              - Effect: Allow\n                Action: kms:Decrypt\n                Resource: !GetAtt StreamKey.Arn');
    assert.deepEqual(findings(granted, 'template/stream-key-access'), []);
    assert.deepEqual(findings(encrypted('alias/aws/kinesis'), 'template/stream-key-access'), []);
    // The key's own policy may grant it instead, naming the role.
    const keyPolicy = text.replace('    Type: AWS::KMS::Key\n', `    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - {Effect: Allow, Principal: {AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root'}, Action: 'kms:*', Resource: '*'}
          - {Effect: Allow, Principal: {AWS: !GetAtt ReaderRole.Arn}, Action: kms:Decrypt, Resource: '*'}
`);
    assert.deepEqual(findings(keyPolicy, 'template/stream-key-access'), []);
  });

  it('kinesis/kms-permissions: no hint of a key where every stream a policy names is the template’s, with no key of its own or one the template judges', () => {
    const reader = ROLE('kinesis:GetRecords, kinesis:GetShardIterator, kinesis:DescribeStreamSummary, kinesis:ListShards');
    const hints = (text: string) => findings(text, 'kinesis/kms-permissions').map(messageText);
    assert.deepEqual(hints(`Resources:\n${STREAM}${reader}`), []);
    const managed = STREAM.replace('ShardCount: 1}', 'ShardCount: 1, StreamEncryption: {EncryptionType: KMS, KeyId: alias/aws/kinesis}}');
    assert.deepEqual(hints(`Resources:\n${managed}${reader}`), []);
    // The stream named as templates write it: by its name (`!Ref` of a stream), with what lies under it.
    const bySub = reader.replace('Resource: !GetAtt Orders.Arn', "Resource: !Sub 'arn:aws:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${Orders}*'");
    assert.deepEqual(hints(`Resources:\n${STREAM}${bySub}`), []);
    // An alias: the template does not say which key, so nothing judges it.
    const ownKey = STREAM.replace('ShardCount: 1}', 'ShardCount: 1, StreamEncryption: {EncryptionType: KMS, KeyId: alias/orders}}');
    assert.match(hints(`Resources:\n${ownKey}${reader}`)[0], /kms:Decrypt on that key is needed to read from it/);
    // A stream outside the template, or any stream, may have a key of its own whatever the template's streams use.
    const elsewhere = reader.replace('Resource: !GetAtt Orders.Arn', "Resource: [!GetAtt Orders.Arn, 'arn:aws:kinesis:us-east-1:111122223333:stream/payments']");
    assert.equal(hints(`Resources:\n${STREAM}${elsewhere}`).length, 1);
    assert.equal(hints(`Resources:\n${STREAM}${reader.replace('Resource: !GetAtt Orders.Arn', "Resource: '*'")}`).length, 1);
    // The template's own key: template/stream-key-access judges the role, with the key's own policy, and the hint would only repeat it.
    const keyed = (keyProperties: string, policy = reader) => `Resources:
  StreamKey:
    Type: AWS::KMS::Key
${keyProperties}  Orders:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
      StreamEncryption: {EncryptionType: KMS, KeyId: !GetAtt StreamKey.Arn}
${policy}`;
    assert.deepEqual(hints(keyed('')), []);
    assert.deepEqual(
      findings(keyed(''), 'template/stream-key-access').map(messageText).map((m) => m.split(':')[0]),
      ['Stream Orders is encrypted with this key, and ReaderRole reads it but cannot kms'],
    );
    const keyPolicy = `    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - {Effect: Allow, Principal: {AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root'}, Action: 'kms:*', Resource: '*'}
          - {Effect: Allow, Principal: {AWS: !GetAtt ReaderRole.Arn}, Action: kms:Decrypt, Resource: '*'}
`;
    assert.deepEqual(hints(keyed(keyPolicy)), []);
    assert.deepEqual(findings(keyed(keyPolicy), 'template/stream-key-access'), []);
    // The check judges the grant of `!GetAtt Orders.Arn` itself, unconditioned: any other, and the hint stays.
    for (const resource of [
      "!Sub 'arn:aws:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${Orders}'",
      "!Sub '${Orders.Arn}*'",
      "!GetAtt Orders.Arn\n                Condition: {Bool: {aws:SecureTransport: 'true'}}",
    ]) {
      assert.equal(hints(keyed('', reader.replace('Resource: !GetAtt Orders.Arn', `Resource: ${resource}`))).length, 1, resource);
    }
    // So it does where that check is turned off.
    const checkOff = templateDocument(keyed(''));
    const quiet = service.templateDiagnostics(checkOff, parsedTemplate(checkOff), { ...OPTIONS, settings: { ...OPTIONS.settings, rules: { 'template/stream-key-access': 'off' } } });
    assert.deepEqual(quiet.filter((d) => d.code === 'kinesis/kms-permissions').length, 1);
    // A wildcard over the template's streams: all of them must need no grant.
    const secure = `  OrdersSecure:\n    Type: AWS::Kinesis::Stream\n    Properties: {Name: orders-secure, ShardCount: 1, StreamEncryption: {EncryptionType: KMS, KeyId: alias/secure}}\n`;
    const prefix = reader.replace('Resource: !GetAtt Orders.Arn', "Resource: !Sub 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/orders*'");
    assert.deepEqual(hints(`Resources:\n${STREAM}${prefix}`), []);
    assert.equal(hints(`Resources:\n${STREAM}${secure}${prefix}`).length, 1);
    // A lease table beside the stream is no stream.
    const withTable = reader.replace('Resource: !GetAtt Orders.Arn', "Resource: [!GetAtt Orders.Arn, !Sub 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/app']");
    assert.deepEqual(hints(`Resources:\n${STREAM}${withTable}`), []);
    // A managed policy no principal of the template holds is judged by nothing in it: the hint stays.
    const unattached = `  ReadPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: [kinesis:GetRecords, kinesis:GetShardIterator, kinesis:DescribeStreamSummary, kinesis:ListShards]
            Resource: !GetAtt Orders.Arn
`;
    assert.equal(hints(keyed('', unattached)).length, 1);
  });

  it('are turned off and made louder by the same rule settings', () => {
    const text = `Resources:\n${STREAM}${ROLE('kinesis:ListShards').replace('Resource: !GetAtt Orders.Arn', 'Resource: !Ref Orders')}`;
    const document = templateDocument(text);
    const off = service.templateDiagnostics(document, parsedTemplate(document), { ...OPTIONS, settings: { ...OPTIONS.settings, rules: { 'template/ref-not-arn': 'off' } } });
    assert.ok(!off.some((d) => d.code === 'template/ref-not-arn'));
  });
});
