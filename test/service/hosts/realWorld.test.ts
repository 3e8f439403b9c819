import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { alarms, covered, parsedTemplate, templateDiagnostics, templateDocument } from '../../support/templates';

/** Shapes found in public templates that IAM and CloudFormation accept. */
const role = (statements: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Actions: {Type: CommaDelimitedList}
  Cidr: {Type: String}
  MaxAge: {Type: Number}
Conditions:
  IsProd: !Equals [!Ref AWS::StackName, prod]
Resources:
  Stream:
    Type: AWS::Kinesis::Stream
    Properties: {ShardCount: 1}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: &trust
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${statements}${extra}`;

describe('templates as people write them', () => {
  it('reads values known only when deployed without calling them wrong: an Effect, actions, condition values', () => {
    const text = role(`              - Effect: !If [IsProd, Allow, Deny]
                Action: !Ref Actions
                Resource: '*'
              - Effect: Allow
                Action: kinesis:ListStreams
                Resource: '*'
                Condition:
                  IpAddress: {aws:SourceIp: !Ref Cidr}
                  NumericLessThan: {aws:MultiFactorAuthAge: !Ref MaxAge}
                  NotIpAddress: {aws:SourceIp: !If [IsProd, 10.0.0.0/8, !Ref AWS::NoValue]}
                  StringEquals: {aws:PrincipalTag/team: !Ref AWS::NoValue}
`);
    assert.deepEqual(alarms(text), []);
  });

  it('leaves out what AWS::NoValue stands in, as CloudFormation does', () => {
    const text = role(`              - Effect: Allow
                Action: [kinesis:ListStreams, !Ref AWS::NoValue]
                Resource: '*'
                Sid: !Ref AWS::NoValue
`);
    const policy = parsedTemplate(templateDocument(text)).policies[1];
    assert.deepEqual(JSON.parse(policy.document.getText()), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kinesis:ListStreams'], Resource: '*' }] });
  });

  it('follows YAML anchors, aliases and merge keys, as the SAM CLI expands them', () => {
    const text = role(`              - &producer
                Effect: Allow
                Action: [kinesis:PutRecord, kinesis:PutRecords, kinesis:ListShards]
                Resource: &arn !GetAtt Stream.Arn
              - <<: *producer
                Sid: Describe
                Action: kinesis:DescribeStreamSummary
              - *producer
`, `  Other:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: *trust
      Policies:
        - PolicyName: q
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: kinesis:PutRecordz
                Resource: *arn
`);
    const template = parsedTemplate(templateDocument(text));
    const merged = JSON.parse(template.policies[1].document.getText()) as { Statement: Record<string, unknown>[] };
    assert.deepEqual(merged.Statement[1], { Effect: 'Allow', Action: 'kinesis:DescribeStreamSummary', Resource: 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${Stream}', Sid: 'Describe' });
    assert.equal(merged.Statement.length, 3);
    // The trust policy reached through an alias is read too, and only the real mistake is reported.
    assert.deepEqual(template.policies.map((p) => `${p.resource} ${p.path}`), ['Role Properties.AssumeRolePolicyDocument', 'Role Properties.Policies[0].PolicyDocument', 'Other Properties.AssumeRolePolicyDocument', 'Other Properties.Policies[0].PolicyDocument']);
    const { document, diagnostics } = templateDiagnostics(text);
    assert.deepEqual(
      diagnostics.filter((d) => (d.severity ?? 1) <= 2).map((d) => `${String(d.code)} ${covered(document, d)}`),
      ['iam/unknown-action kinesis:PutRecordz'],
    );
  });

  it('reads both branches of an Fn::If that chooses a policy', () => {
    const text = role(`              - Effect: Allow
                Action: kinesis:ListStreams
                Resource: '*'
`).replace(
      '      Policies:\n        - PolicyName: p',
      "      Policies:\n        - !If\n          - IsProd\n          - PolicyName: prod\n            PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Action: kinesis:PutRecordz, Resource: '*'}]}\n          - !Ref AWS::NoValue\n        - PolicyName: p",
    );
    const template = parsedTemplate(templateDocument(text));
    assert.deepEqual(template.policies.map((p) => p.path), ['Properties.AssumeRolePolicyDocument', 'Properties.Policies[0].PolicyDocument', 'Properties.Policies[1].PolicyDocument']);
    assert.ok(alarms(text).some((a) => a.includes('iam/unknown-action')));
  });

  it('waits for broken YAML to be mended rather than read a policy as other than written', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - Statement:
          - Effect: Allow
            Action: 'kinesis:GetRecords' (read)
            Resource: '*'
`;
    const template = parsedTemplate(templateDocument(text));
    assert.equal(template.broken, true);
    assert.deepEqual(template.policies, []);
  });

  it('reads a flow collection closed at its key’s column, as the SAM CLI (PyYAML) does, though YAML 1.2 wants it indented', () => {
    // As templates AWS publishes write it; offsets stay where they are written.
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - Statement:
          - Effect: Allow
            Action: 'kinesis:GetRecordz'
            Resource: [
            !Sub "arn:\${AWS::Partition}:kinesis:\${AWS::Region}:\${AWS::AccountId}:stream/a"
            ]
`;
    const { document, diagnostics } = templateDiagnostics(text);
    assert.equal(parsedTemplate(document).broken, false);
    const [unknown] = diagnostics.filter((d) => d.code === 'iam/unknown-action');
    assert.equal(covered(document, unknown), "'kinesis:GetRecordz'");
  });

  it('shows a finding on a whole block map, such as a missing Version, on its first key', () => {
    const text = role('').replace("            Version: '2012-10-17'\n            Statement:\n", '            Statement:\n              - {Effect: Allow, Action: kinesis:ListStreams, Resource: "*"}\n');
    const { document, diagnostics } = templateDiagnostics(text);
    const version = diagnostics.find((d) => d.code === 'iam/invalid-version');
    assert.ok(version);
    assert.equal(covered(document, version), 'Statement');
  });

  it('knows a Lambda function’s role by the function that names it: the KCL checks do not speak to it', () => {
    const text = role(`              - Effect: Allow
                Action: [kinesis:GetRecords, kinesis:GetShardIterator, kinesis:DescribeStreamSummary, kinesis:ListShards]
                Resource: !GetAtt Stream.Arn
              - Effect: Allow
                Action: [dynamodb:PutItem, dynamodb:UpdateItem]
                Resource: !Sub 'arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/orders'
`, `  Reader:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
      Runtime: python3.12
      Handler: app.handler
`);
    assert.deepEqual(templateDiagnostics(text).diagnostics.filter((d) => String(d.code).startsWith('kcl/')).map((d) => d.code), []);
    const notLambda = text.replace('      Role: !GetAtt Role.Arn\n', '      Role: arn:aws:iam::111122223333:role/elsewhere\n');
    assert.ok(templateDiagnostics(notLambda).diagnostics.some((d) => d.code === 'kcl/missing-lease-table-permissions'));
  });
});
