import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { service } from '../../support/service';
import { actionsFor, alarms, applied, parsedTemplate, templateDiagnostics, templateDocument, yamlValue } from '../../support/templates';

/** A KCL consumer's role whose permissions are spread over three policies, as templates often write them. */
const SPREAD = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Orders:
    Type: AWS::Kinesis::Stream
    Properties: {Name: orders, ShardCount: 1}
  Leases:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders-app
  ConsumerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}]
      ManagedPolicyArns: [!Ref MetricsPolicy]
      Policies:
        - PolicyName: read-stream
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [kinesis:GetRecords, kinesis:GetShardIterator, kinesis:DescribeStreamSummary, kinesis:ListShards]
                Resource: !GetAtt Orders.Arn
  LeasePolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: leases
      Roles: [!Ref ConsumerRole]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          # The template makes the table: no CreateTable needed.
          - Effect: Allow
            Action: [dynamodb:DescribeTable, dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem, dynamodb:DeleteItem, dynamodb:Scan]
            Resource: !GetAtt Leases.Arn
  MetricsPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: cloudwatch:PutMetricData
            Resource: '*'
`;

describe("a principal's policies in a template, judged together", () => {
  it('groups a role with its inline policies, the policies that name it and the managed policies it lists', () => {
    const template = parsedTemplate(templateDocument(SPREAD));
    assert.deepEqual(
      template.principals.map((p) => `${p.label}: ${p.policies.map((q) => q.resource).join(', ')}`),
      ['role ConsumerRole: ConsumerRole, LeasePolicy, MetricsPolicy'],
    );
    assert.deepEqual(template.tables, ['orders-app']);
  });

  it('finds a KCL consumer complete when its policies together are, and the table the template makes needs no CreateTable', () => {
    assert.deepEqual(alarms(SPREAD), []);
  });

  it('says what the role lacks, on the statement that shows the job, naming the role', () => {
    const text = SPREAD.replace('      ManagedPolicyArns: [!Ref MetricsPolicy]\n', '');
    const { document, diagnostics } = templateDiagnostics(text);
    const metrics = diagnostics.filter((d) => d.code === 'kcl/missing-metrics-permission');
    assert.equal(metrics.length, 1);
    assert.equal(document.getText(metrics[0].range), 'kinesis:GetRecords');
    assert.match(typeof metrics[0].message === 'string' ? metrics[0].message : '', /\(role ConsumerRole, with all its policies\)$/);
    // Each document alone would lack the lease table or the stream: only the role is judged.
    assert.ok(!diagnostics.some((d) => d.code === 'kcl/missing-lease-table-permissions' || d.code === 'consumer/incomplete-read'));
  });

  it('asks for CreateTable on a lease table the template does not make', () => {
    const text = SPREAD.replace('Resource: !GetAtt Leases.Arn', "Resource: !Sub 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/other-app'");
    const lease = templateDiagnostics(text).diagnostics.find((d) => d.code === 'kcl/missing-lease-table-permissions');
    assert.match(typeof lease?.message === 'string' ? lease.message : '', /dynamodb:CreateTable/);
  });

  it("fixes what the role lacks in the role's last policy, in YAML", () => {
    const text = SPREAD.replace('      ManagedPolicyArns: [!Ref MetricsPolicy]\n', '');
    const { document, actions } = actionsFor(text, 'kcl/missing-metrics-permission');
    const fix = actions.find((a) => a.edit);
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const result = applied(document, fix);
    const parsed = yamlValue(result) as { Resources: { LeasePolicy: { Properties: { PolicyDocument: { Statement: { Action: unknown }[] } } } } };
    assert.deepEqual(
      parsed.Resources.LeasePolicy.Properties.PolicyDocument.Statement.map((s) => s.Action),
      [['dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Scan'], 'cloudwatch:PutMetricData'],
    );
    assert.ok(!templateDiagnostics(result).diagnostics.some((d) => d.code === 'kcl/missing-metrics-permission'));
    assert.ok(result.includes('# The template makes the table'), 'comments kept');
  });

  it('judges a policy attached to nothing in the template on its own', () => {
    const text = SPREAD.replace('      Roles: [!Ref ConsumerRole]\n', '').replace('      ManagedPolicyArns: [!Ref MetricsPolicy]\n', '');
    const template = parsedTemplate(templateDocument(text));
    assert.deepEqual(template.principals, []);
    const codes = service.templateDiagnostics(templateDocument(text), template, { settings: { enable: true, rules: {}, kclVersion: 'auto', assumeKcl: false, policyKind: 'auto' }, rulesDocumentation: '' }).map((d) => d.code);
    assert.ok(codes.includes('kcl/missing-lease-table-permissions'), codes.join(', '));
  });
});
