import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TemplateDocument } from '../../../server/src/service';
import { service } from '../../support/service';
import { actionsFor, alarms, applied, OPTIONS, parsedTemplate, templateDiagnostics, templateDocument, yamlValue } from '../../support/templates';

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

describe("a principal's view across edits of the template", () => {
  /** SPREAD without the lease table's Scan, which the principal then lacks; and a stream after it, to edit. */
  const text = `${SPREAD.replace(', dynamodb:Scan]', ']')}  Other:\n    Type: AWS::Kinesis::Stream\n    Properties: {Name: other, ShardCount: 1}\n`;
  const version = (t: string, v: number) => TextDocument.create('file:///ws/template.yaml', 'yaml', v, t);
  const shown = (document: TextDocument, template: TemplateDocument) =>
    service.templateDiagnostics(document, template, OPTIONS).map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`);
  const fresh = (document: TextDocument) => shown(document, parsedTemplate(version(document.getText(), 1)));

  it('is kept, with its findings, while its policies are where they were, and written again when one of them changes', () => {
    const first = version(text, 1);
    const before = parsedTemplate(first);
    const found = shown(first, before);
    assert.ok(found.some((d) => d.includes('role ConsumerRole, with all its policies') && d.includes('dynamodb:Scan')), 'the principal lacks Scan');

    // An edit after the principal's policies: the same view, and the diagnostics a fresh read gives.
    const other = version(text.replace('{Name: other, ShardCount: 1}', '{Name: other, ShardCount: 2}'), 2);
    const kept = service.updateTemplate(before, other)!;
    assert.deepEqual(shown(other, kept), fresh(other));
    assert.equal(kept.principals[0], before.principals[0], 'the principal kept as it was');

    // An edit in one of them: written and checked again.
    const mended = version(other.getText().replace('dynamodb:DeleteItem]', 'dynamodb:DeleteItem, dynamodb:Scan]'), 3);
    const changed = service.updateTemplate(kept, mended)!;
    assert.deepEqual(shown(mended, changed), fresh(mended));
    assert.notEqual(changed.principals[0], kept.principals[0]);
    assert.ok(!shown(mended, changed).some((d) => d.includes('dynamodb:Scan')), 'Scan granted now');

    // A line added before them moves them: written again where they are now.
    const moved = version(`# a comment\n${mended.getText()}`, 4);
    const after = service.updateTemplate(changed, moved)!;
    assert.deepEqual(shown(moved, after), fresh(moved));
    assert.notEqual(after.principals[0], changed.principals[0]);

    // Characters typed on a line above them move them along their lines: the same view, its map following them.
    const longer = version(moved.getText().replace('# a comment', '# a longer comment'), 5);
    const shifted = service.updateTemplate(after, longer)!;
    assert.equal(shifted.principals[0], after.principals[0], 'the principal kept as it was');
    assert.deepEqual(shown(longer, shifted), fresh(longer));
    const anew = parsedTemplate(version(longer.getText(), 1)).principals[0];
    const scan = anew.document.getText().indexOf('dynamodb:DeleteItem');
    assert.equal(shifted.principals[0].map.toHost(scan), anew.map.toHost(scan));
    assert.equal(longer.getText().slice(anew.map.toHost(scan), anew.map.toHost(scan) + 19), 'dynamodb:DeleteItem');
  });
});
