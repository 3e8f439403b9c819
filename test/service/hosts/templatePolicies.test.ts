import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { service } from '../../support/service';
import { alarms, covered, OPTIONS, parsedTemplate, templateDiagnostics, templateDocument } from '../../support/templates';

const fixture = (name: string) => readFileSync(`test/fixtures/templates/${name}`, 'utf8');

const EVERY_LOCATION = fixture('every-location.yaml');

describe('policies in CloudFormation and SAM templates', () => {
  it('finds every policy document a template can hold, and reads each as its place says', () => {
    const template = parsedTemplate(templateDocument(EVERY_LOCATION));
    assert.deepEqual(
      template.policies.map((p) => `${p.resource} ${p.path} ${p.kind}`),
      [
        'Role Properties.AssumeRolePolicyDocument resource',
        'Role Properties.Policies[0].PolicyDocument identity',
        'Role Properties.Policies[1].PolicyDocument identity',
        'Policy Properties.PolicyDocument identity',
        'Managed Properties.PolicyDocument identity',
        'User Properties.Policies[0].PolicyDocument identity',
        'Group Properties.Policies[0].PolicyDocument identity',
        'Share Properties.ResourcePolicy resource',
        'Key Properties.KeyPolicy resource',
        'Endpoint Properties.PolicyDocument vpc-endpoint',
        'Function Properties.Policies[1].KinesisStreamReadPolicy identity',
        'Function Properties.Policies[2] identity',
        'OneDocument Properties.Policies identity',
      ],
    );
    // A VPC endpoint policy names everyone as a matter of course; a trust policy has no Resource.
    assert.deepEqual(alarms(EVERY_LOCATION), []);
  });

  it('offers only the statements each place takes: none in a trust or key policy, sharing in a stream policy', () => {
    const document = templateDocument(EVERY_LOCATION);
    const template = parsedTemplate(document);
    const insertsAt = (word: string, nth = 0) => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = EVERY_LOCATION.indexOf(word, at + 1);
      const position = document.positionAt(at);
      return service.templateCodeActions(document, template, { start: position, end: position }, [], { ...OPTIONS, only: ['refactor.insert'] }).map((a) => a.title);
    };
    assert.deepEqual(insertsAt('sts:AssumeRole'), []);
    assert.deepEqual(insertsAt("'kms:*'"), []);
    assert.deepEqual(insertsAt('kinesis:GetRecords'), [
      'Add cross-account read access (resource policy)',
      'Add cross-account write access (resource policy)',
      "Share an enhanced fan-out consumer (resource policies): the stream's statement",
    ]);
    const identity = insertsAt('kinesis:ListStreams', 2);
    assert.ok(identity.includes('Add Kinesis producer statement'), identity.join(', '));
    assert.ok(!identity.some((t) => t.includes('resource polic')), identity.join(', '));
  });

  it('judges an action on the template’s resource by its type: SubscribeToShard on a stream is granted nowhere', () => {
    const text = `Resources:
  Orders:
    Type: AWS::Kinesis::Stream
    Properties: {ShardCount: 1}
  P:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - {Effect: Allow, Action: [kinesis:SubscribeToShard, kinesis:ListShards], Resource: !GetAtt Orders.Arn}
`;
    const { document, diagnostics } = templateDiagnostics(text);
    const mismatch = diagnostics.filter((d) => d.code === 'iam/action-resource-mismatch');
    assert.deepEqual(mismatch.map((d) => covered(document, d)), ['kinesis:SubscribeToShard']);
    assert.match(typeof mismatch[0].message === 'string' ? mismatch[0].message : mismatch[0].message.value, /^kinesis:SubscribeToShard applies to kinesis consumer ARNs/);
  });

  it('is recognised by its format version, the SAM transform or AWS resource types, and nothing else is', () => {
    const yes = [
      'AWSTemplateFormatVersion: 2010-09-09\nResources: {}\n',
      'Transform: AWS::Serverless-2016-10-31\nResources: {}\n',
      'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n',
      'Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n',
      '{"Resources": {"S": {"Type": "AWS::Kinesis::Stream"}}}',
    ];
    for (const text of yes) assert.ok(service.parseTemplate(templateDocument(text)), text);
    const no = [
      'version: "3"\nservices:\n  web:\n    image: nginx\n',
      'apiVersion: v1\nkind: Policy\nmetadata:\n  name: x\nStatement: []\n',
      'Resources:\n  S:\n    Type: Custom::Thing\n',
      '{"name": "x", "Resources": {"a": 1}}',
      '- a\n- b\n',
      '',
      'key: [unclosed\n  "also: {broken',
    ];
    for (const text of no) assert.equal(service.parseTemplate(templateDocument(text)), undefined, text);
  });

  it('reports a mistake where the template has it, with the rule code', () => {
    const text = fixture('broken-producer.yaml');
    const { document, diagnostics } = templateDiagnostics(text);
    const unknown = diagnostics.find((d) => d.code === 'iam/unknown-action');
    assert.ok(unknown);
    assert.equal(covered(document, unknown), 'kinesis:PutRecordz');
    assert.deepEqual(unknown.range.start, { line: 10, character: 16 });
    const arn = diagnostics.find((d) => d.code === 'iam/invalid-arn');
    assert.ok(arn);
    assert.equal(covered(document, arn), 'arn:aws:kinesis:cn-north-1:111122223333:stream/orders');
  });

  it('reports mistakes in a JSON template with the construct path the CDK recorded', () => {
    const text = fixture('producer.template.json');
    const document = TextDocument.create('file:///ws/cdk.out/Producer.template.json', 'json', 1, text);
    const diagnostics = service.templateDiagnostics(document, parsedTemplate(document), { settings: { ...templateOptions() }, rulesDocumentation: '' });
    const unknown = diagnostics.find((d) => d.code === 'iam/unknown-action');
    assert.ok(unknown);
    assert.equal(covered(document, unknown), '"kinesis:PutRecordz"');
    assert.match(typeof unknown.message === 'string' ? unknown.message : unknown.message.value, /\(ProducerStack\/ProducerPolicy\/Resource\)$/);
    // sts:AssumeRole on the role ARN built with Fn::Join is no mismatch.
    assert.ok(!diagnostics.some((d) => d.code === 'iam/action-resource-mismatch'));
  });

  it('says that a principal has no place in an identity policy because of where the policy sits', () => {
    const text = 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - {Effect: Allow, Principal: {AWS: "111122223333"}, Action: kinesis:ListStreams, Resource: "*"}\n';
    const [finding] = templateDiagnostics(text).diagnostics.filter((d) => d.code === 'iam/principal-in-identity-policy');
    assert.equal(
      typeof finding?.message === 'string' ? finding.message : finding?.message.value,
      '"Principal" has no place in an identity policy: IAM rejects it. A template\'s AWS::IAM::Policy PolicyDocument is an identity policy; remove the principal.',
    );
  });

  it('reads an unquoted Version: 2012-10-17 as the version string, as CloudFormation does', () => {
    const text = 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Version: 2012-10-17\n        Statement:\n          - Effect: Allow\n            Action: kinesis:ListStreams\n            Resource: "*"\n';
    const { diagnostics } = templateDiagnostics(text);
    assert.deepEqual(diagnostics.map((d) => d.code), []);
    assert.equal(parsedTemplate(templateDocument(text)).policies[0].model.version?.value, '2012-10-17');
  });

  it('checks a KCL consumer template with intrinsic functions without a false alarm', () => {
    assert.deepEqual(alarms(fixture('kcl-consumer.yaml')), []);
  });
});

function templateOptions() {
  return { enable: true, rules: {}, kclVersion: 'auto' as const, assumeKcl: false, policyKind: 'auto' as const };
}
