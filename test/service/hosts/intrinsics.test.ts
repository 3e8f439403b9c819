import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { service } from '../../support/service';
import { alarms, parsedTemplate, templateDocument } from '../../support/templates';

/** Every intrinsic form in the places a policy takes strings, in YAML's short and long forms. */
const INTRINSICS = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  PartnerAccount: {Type: String}
  StreamName: {Type: String}
Conditions:
  Prod: !Equals [!Ref AWS::StackName, prod]
Mappings:
  Accounts: {prod: {id: '111122223333'}}
Resources:
  Orders:
    Type: AWS::Kinesis::Stream
    Properties: {Name: orders, ShardCount: 1}
  Unnamed:
    Type: AWS::Kinesis::Stream
    Properties: {ShardCount: 1}
  Fanout:
    Type: AWS::Kinesis::StreamConsumer
    Properties: {ConsumerName: analytics, StreamARN: !GetAtt Orders.Arn}
  Leases:
    Type: AWS::DynamoDB::Table
    Properties: {TableName: orders-app}
  Key:
    Type: AWS::KMS::Key
  Reader:
    Type: AWS::IAM::Role
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: everything
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [kinesis:GetRecords, kinesis:GetShardIterator, kinesis:DescribeStreamSummary, kinesis:ListShards]
                Resource:
                  - !GetAtt Orders.Arn
                  - Fn::GetAtt: [Unnamed, Arn]
                  - !Sub 'arn:\${AWS::Partition}:kinesis:\${AWS::Region}:\${AWS::AccountId}:stream/\${StreamName}'
                  - !Sub ['arn:\${AWS::Partition}:kinesis:\${AWS::Region}:\${AWS::AccountId}:stream/\${Name}', {Name: !Ref StreamName}]
                  - !Join ['', ['arn:', !Ref AWS::Partition, ':kinesis:', !Ref AWS::Region, ':', !Ref AWS::AccountId, ':stream/orders']]
                  - !If [Prod, !GetAtt Orders.Arn, !GetAtt Unnamed.Arn]
                  - !ImportValue shared-stream-arn
                  - !Select [0, !Split [',', !ImportValue stream-arns]]
                  - !FindInMap [Streams, !Ref AWS::Region, arn]
              - Effect: Allow
                Action: [kinesis:DescribeStreamConsumer, kinesis:SubscribeToShard]
                Resource:
                  - !GetAtt Fanout.ConsumerARN
                  - !Ref Fanout
                  - !Sub '\${Orders.Arn}/consumer/*'
              - Effect: Allow
                Action: [dynamodb:CreateTable, dynamodb:DescribeTable, dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem, dynamodb:DeleteItem, dynamodb:Scan]
                Resource: [!GetAtt Leases.Arn, !Sub 'arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${Leases}']
              - Effect: Allow
                Action: kms:Decrypt
                Resource: !GetAtt Key.Arn
              - Effect: Allow
                Action: sts:AssumeRole
                Resource: !GetAtt Reader.Arn
              - Effect: Allow
                Action: cloudwatch:PutMetricData
                Resource: '*'
                Condition:
                  StringEquals:
                    aws:RequestedRegion: !Ref AWS::Region
                    aws:PrincipalAccount: !FindInMap [Accounts, prod, id]
  Share:
    Type: AWS::Kinesis::ResourcePolicy
    Properties:
      ResourceArn: !GetAtt Orders.Arn
      ResourcePolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS:
                - !Sub 'arn:\${AWS::Partition}:iam::\${PartnerAccount}:root'
                - !Ref PartnerAccount
                - !GetAtt Reader.Arn
            Action: [kinesis:GetRecords, kinesis:GetShardIterator, kinesis:DescribeStreamSummary, kinesis:ListShards]
            Resource: !GetAtt Orders.Arn
`;

function readAs(text: string, marker: string): string {
  const document = templateDocument(text);
  const at = text.indexOf(marker);
  assert.ok(at >= 0, marker);
  const offset = at + 2;
  const hover = service.templateHover(document, document.positionAt(offset), parsedTemplate(document));
  const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  return /^Read as `([^`]*)`/.exec(value)?.[1] ?? `no reading in: ${value}`;
}

describe('intrinsic functions in template policies', () => {
  it('give no false alarm in any form, in resources, principals and condition values', () => {
    assert.deepEqual(alarms(INTRINSICS), []);
  });

  it('stand for what the template says of the value, shown on hover', () => {
    const partitioned = 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}';
    assert.equal(readAs(INTRINSICS, '!GetAtt Orders.Arn\n                  - Fn'), `${partitioned}:stream/orders`);
    assert.equal(readAs(INTRINSICS, '[Unnamed, Arn]'), `${partitioned}:stream/\${Unnamed}`);
    assert.equal(readAs(INTRINSICS, "['arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${Name}'"), `${partitioned}:stream/\${StreamName}`);
    assert.equal(readAs(INTRINSICS, "!Join ['', ['arn:'"), 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/orders');
    assert.equal(readAs(INTRINSICS, '!ImportValue shared'), '${unknown}');
    assert.equal(readAs(INTRINSICS, '!GetAtt Fanout.ConsumerARN'), `${partitioned}:stream/orders/consumer/analytics:\${unknown}`);
    assert.equal(readAs(INTRINSICS, "!Sub '${Orders.Arn}/consumer/*'"), `${partitioned}:stream/orders/consumer/*`);
    assert.equal(readAs(INTRINSICS, '!GetAtt Leases.Arn'), 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-app');
    assert.equal(readAs(INTRINSICS, '!GetAtt Reader.Arn\n              - Effect'), 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Reader}');
    assert.equal(readAs(INTRINSICS, "!Sub 'arn:${AWS::Partition}:iam::${PartnerAccount}:root'"), 'arn:${AWS::Partition}:iam::${PartnerAccount}:root');
  });

  it('keep the known parts deciding: a table ARN is no role to assume', () => {
    const text = INTRINSICS.replace('Resource: !GetAtt Reader.Arn', 'Resource: !GetAtt Leases.Arn');
    assert.deepEqual(
      alarms(text).map((a) => a.split(' ')[1]),
      ['iam/action-resource-mismatch'],
    );
  });
});
