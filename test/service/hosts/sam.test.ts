import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type MarkupContent } from 'vscode-languageserver-types';
import { service } from '../../support/service';
import { alarms, messageText, parsedTemplate, templateDiagnostics, templateDocument } from '../../support/templates';

const FUNCTION = `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Kinesis::Stream
    Properties: {Name: orders, ShardCount: 1}
  Leases:
    Type: AWS::DynamoDB::Table
    Properties: {TableName: orders-app}
  Reader:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Policies:
        - AWSLambdaBasicExecutionRole
        - arn:aws:iam::aws:policy/AmazonKinesisReadOnlyAccess
        - KinesisStreamReadPolicy:
            StreamName: !Ref Orders
        - DynamoDBCrudPolicy: {TableName: !Ref Leases}
        - Version: '2012-10-17'
          Statement:
            - Effect: Allow
              Action: kinesis:ListShards
              Resource: !GetAtt Orders.Arn
`;

describe('SAM policy templates', () => {
  it('are expanded with the function’s values and read as its policies', () => {
    const template = parsedTemplate(templateDocument(FUNCTION));
    assert.deepEqual(
      template.policies.map((p) => `${p.path} ${p.samTemplate?.name ?? 'written'}`),
      ['Properties.Policies[2].KinesisStreamReadPolicy KinesisStreamReadPolicy', 'Properties.Policies[3].DynamoDBCrudPolicy DynamoDBCrudPolicy', 'Properties.Policies[4] written'],
    );
    const read = JSON.parse(template.policies[0].document.getText()) as { Statement: { Action: string[]; Resource: string }[] };
    assert.deepEqual(read.Statement[1].Action, ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator']);
    assert.equal(read.Statement[1].Resource, 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/orders');
    assert.deepEqual(template.principals.map((p) => `${p.label} ${p.policies.length} ${p.unknown.join(',')}`), ['the role of function Reader 3 arn:aws:iam::aws:policy/AmazonKinesisReadOnlyAccess']);
    assert.deepEqual(alarms(FUNCTION), []);
  });

  it('show what they grant on hover over their name', () => {
    const document = templateDocument(FUNCTION);
    const hover = service.templateHover(document, document.positionAt(FUNCTION.indexOf('KinesisStreamReadPolicy') + 3), parsedTemplate(document));
    const text = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(text, /^\*\*SAM policy template `KinesisStreamReadPolicy`\*\*: Gives permission to list and read a Kinesis stream\./);
    assert.match(text, /"kinesis:GetShardIterator"/);
    assert.match(text, /stream\/orders"/);
    assert.equal(document.getText(hover?.range), 'KinesisStreamReadPolicy');
  });

  it('count with the function’s other policies, and what policies out of sight may grant makes a finding a note', () => {
    // A KPL producer (PutRecords and metrics): KinesisCrudPolicy grants no kinesis:ListShards.
    const producer = FUNCTION.replace('KinesisStreamReadPolicy:', 'KinesisCrudPolicy:').replace('Action: kinesis:ListShards', 'Action: cloudwatch:PutMetricData').replace('Resource: !GetAtt Orders.Arn', "Resource: '*'");
    const [uncertain] = templateDiagnostics(producer).diagnostics.filter((d) => d.code === 'producer/missing-list-shards');
    assert.equal(uncertain?.severity, DiagnosticSeverity.Information);
    assert.match(messageText(uncertain), /\(the role of function Reader, with all its policies but arn:aws:iam::aws:policy\/AmazonKinesisReadOnlyAccess, which the template does not hold and which may grant this\)$/);
    // AWSLambdaBasicExecutionRole grants only CloudWatch Logs: it leaves nothing unknown.
    const known = producer.replace('        - arn:aws:iam::aws:policy/AmazonKinesisReadOnlyAccess\n', '');
    const [warning] = templateDiagnostics(known).diagnostics.filter((d) => d.code === 'producer/missing-list-shards');
    assert.equal(warning?.severity, DiagnosticSeverity.Warning);
    assert.match(messageText(warning), /\(the role of function Reader, with all its policies\)$/);
  });
});
