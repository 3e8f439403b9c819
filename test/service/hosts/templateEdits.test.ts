import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { service } from '../../support/service';
import { actionsFor, alarms, applied, OPTIONS, parsedTemplate, templateDiagnostics, templateDocument, yamlValue } from '../../support/templates';
import { templateString } from '../../../server/src/service/hosts/cloudformation/writtenValues';

const fixture = (name: string) => readFileSync(`test/fixtures/templates/${name}`, 'utf8');

const producer = (action: string, resource: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Producer:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          # Writes to the orders stream
          - Effect: Allow
            Action: ${action}
            Resource: ${resource}${extra}
`;

/** The template after a quick fix: still YAML, and without the finding the fix was for. */
function fixedOnce(text: string, code: string, title: string): string {
  const { document, actions } = actionsFor(text, code);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `${title} among ${actions.map((a) => a.title).join(', ')}`);
  const result = applied(document, action);
  assert.doesNotThrow(() => yamlValue(result), 'the result is YAML');
  assert.ok(!templateDiagnostics(result).diagnostics.some((d) => d.code === code && d.message === action.diagnostics?.[0]?.message), 'fixed');
  return result;
}

describe('quick fixes and inserts in templates', () => {
  it('edit a plain YAML scalar in place, keeping the comment and the rest of the line', () => {
    const text = producer('[kinesis:PutRecordz, kinesis:ListShards]  # and PutRecords?', 'arn:aws:kinesis:us-east-1:111122223333:stream/orders');
    const result = fixedOnce(text, 'iam/unknown-action', 'Change to kinesis:PutRecord');
    assert.equal(result, text.replace('kinesis:PutRecordz', 'kinesis:PutRecord'));
  });

  it('keep quotes and a !Sub tag where the fix changes the value', () => {
    const quoted = producer("'kinesis:PutRecordz'", "'arn:aws:kinesis:cn-north-1:111122223333:stream/orders'");
    assert.equal(fixedOnce(quoted, 'iam/unknown-action', 'Change to kinesis:PutRecord'), quoted.replace('PutRecordz', 'PutRecord'));
    const sub = producer('kinesis:PutRecord', "!Sub 'arn:aws:kinesis:cn-north-1:${AWS::AccountId}:stream/orders'");
    const { diagnostics } = templateDiagnostics(sub);
    // The partition check reads the region the !Sub string names.
    assert.ok(!diagnostics.some((d) => d.code === 'iam/invalid-arn'), 'an unknown account leaves the ARN to the template');
    const literal = producer('kinesis:PutRecord', "!Sub 'arn:aws:kinesis:cn-north-1:111122223333:stream/orders'");
    assert.equal(fixedOnce(literal, 'iam/invalid-arn', 'Change the partition to aws-cn'), literal.replace('arn:aws:', 'arn:aws-cn:'));
  });

  it('add an action to a block list and to a flow list in the list style of the template', () => {
    const block = producer('\n              - kinesis:PutRecord', 'arn:aws:kinesis:us-east-1:111122223333:stream/orders');
    assert.equal(
      fixedOnce(block, 'producer/missing-describe-stream', 'Add kinesis:DescribeStreamSummary'),
      block.replace('- kinesis:PutRecord', '- kinesis:PutRecord\n              - kinesis:DescribeStreamSummary'),
    );
    // A comment after the last item stays on its line; the new item goes on the next.
    const commented = producer('\n              - kinesis:PutRecord  # the only write', 'arn:aws:kinesis:us-east-1:111122223333:stream/orders');
    assert.equal(
      fixedOnce(commented, 'producer/missing-describe-stream', 'Add kinesis:DescribeStreamSummary'),
      commented.replace('# the only write', '# the only write\n              - kinesis:DescribeStreamSummary'),
    );
    const flow = producer('[kinesis:PutRecord, kinesis:PutRecords]', 'arn:aws:kinesis:us-east-1:111122223333:stream/orders');
    assert.equal(
      fixedOnce(flow, 'producer/missing-describe-stream', 'Add kinesis:DescribeStreamSummary'),
      flow.replace('kinesis:PutRecords]', 'kinesis:PutRecords, kinesis:DescribeStreamSummary]'),
    );
  });

  it('insert whole statements as YAML blocks after the last one, comments kept', () => {
    const text = producer('kinesis:ListStreams', "'*'");
    const document = templateDocument(text);
    const offset = text.indexOf('Effect');
    const actions = service.templateCodeActions(document, parsedTemplate(document), { start: document.positionAt(offset), end: document.positionAt(offset) }, [], {
      ...OPTIONS,
      only: ['refactor.insert'],
    });
    const insert = actions.find((a) => a.title === 'Add KCL consumer statements (KCL 2.x)');
    assert.ok(insert, actions.map((a) => a.title).join(', '));
    const result = applied(document, insert);
    assert.ok(result.startsWith(text.trimEnd()), 'the existing text is kept as it was');
    const statements = (yamlValue(result) as { Resources: { Producer: { Properties: { PolicyDocument: { Statement: { Sid?: string }[] } } } } }).Resources.Producer.Properties.PolicyDocument.Statement;
    assert.deepEqual(statements.map((s) => s.Sid), [undefined, 'KclStream', 'KclEnhancedFanOut', 'KclLeaseTable', 'KclMetrics']);
    assert.match(result, /\n {10}- Sid: KclStream\n {12}Effect: Allow\n {12}Action:\n {14}- kinesis:DescribeStream\n/);
  });

  it('make a single statement a list by moving it behind a dash, as written: comments and intrinsic functions kept', () => {
    const reader = (statement: string) =>
      `Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n  Reader:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:${statement}\n`;
    const read = 'Action: [kinesis:DescribeStream, kinesis:GetShardIterator, kinesis:GetRecords, kinesis:ListShards]';
    const block = reader(`\n          # Reads the orders stream\n          Effect: Allow\n          ${read}\n          Resource: !GetAtt Stream.Arn  # the orders stream`);
    assert.equal(
      fixedOnce(block, 'kcl/missing-metrics-permission', 'Add cloudwatch:PutMetricData on "*"'),
      reader(
        `\n          # Reads the orders stream\n          - Effect: Allow\n            ${read}\n            Resource: !GetAtt Stream.Arn  # the orders stream\n          - Sid: KclMetrics\n            Effect: Allow\n            Action: cloudwatch:PutMetricData\n            Resource: "*"`,
      ),
    );
    const flow = reader(` {Effect: Allow, ${read}, Resource: !GetAtt Stream.Arn}`);
    assert.equal(
      fixedOnce(flow, 'kcl/missing-metrics-permission', 'Add cloudwatch:PutMetricData on "*"'),
      reader(` [{Effect: Allow, ${read}, Resource: !GetAtt Stream.Arn}, {Sid: KclMetrics, Effect: Allow, Action: cloudwatch:PutMetricData, Resource: '*'}]`),
    );
    const statement = { Effect: 'Allow', Action: 'kinesis:GetRecords', Resource: { 'Fn::GetAtt': ['Stream', 'Arn'] } };
    const json = (value: unknown) => `${JSON.stringify({ Resources: { Stream: { Type: 'AWS::Kinesis::Stream' }, Reader: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: value } } } } }, null, 2)}\n`;
    const { document, actions } = actionsFor(json(statement), 'kcl/missing-metrics-permission');
    const metrics = { Sid: 'KclMetrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' };
    assert.equal(applied(document, actions.find((a) => a.title === 'Add cloudwatch:PutMetricData on "*"')), json([statement, metrics]));
  });

  it('fix all in one list makes each change in its place, comments between them kept', () => {
    const statements = (effect: string) =>
      `Resources:\n  Reader:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n` +
      `          # Lists the streams\n          - Action: kinesis:ListStreams\n            Resource: '*'${effect}\n` +
      `          # Describes them\n          - Action: kinesis:DescribeStreamSummary\n            Resource: '*'${effect}\n`;
    assert.equal(fixedOnce(statements(''), 'iam/invalid-effect', 'Fix all iam/invalid-effect problems in the file'), statements('\n            Effect: Allow'));
    // Entries taken out here and there, after a finding no fix makes (the empty Action list).
    const entries = (resources: string) =>
      `Resources:\n  Reader:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Action: []\n            Resource:\n${resources}`;
    const { document, actions } = actionsFor(entries("              - ''\n              - '*'\n              - ''\n"), 'iam/empty-value');
    assert.equal(applied(document, actions.find((a) => a.title === 'Fix all iam/empty-value problems in the file')), entries("              - '*'\n"));
  });

  it('write YAML that reads back as the policy whatever its strings hold: block scalars, no-break spaces, line breaks in keys', () => {
    const policy = (document: string) => `Resources:\n  Reader:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n${document}`;
    // A block scalar holds the line break after it: the value written over it keeps it.
    const block = policy("        Version: |\n          2008-10-17\n        Statement: [{Effect: Allow, Action: 'kinesis:ListStreams', Resource: '*'}]\n");
    assert.equal(fixedOnce(block, 'iam/invalid-version', 'Set "Version": "2012-10-17"'), block.replace('|\n          2008-10-17', '2012-10-17'));
    // A no-break space ends a plain scalar's text: it is no white space to YAML.
    const nbsp = policy("        Version: '2012-10-17'\n        Statement: [{Action: 'kinesis:ListStreams', Resource: '*', Sid: Read\u00a0}]\n");
    assert.equal(fixedOnce(nbsp, 'iam/invalid-effect', 'Set "Effect": "Allow"'), nbsp.replace('Read\u00a0}', 'Read\u00a0, Effect: Allow}'));
    // A BOM at the end of a single statement's last value stays with it when the statement becomes a list.
    const bom = `Resources:\n  Orders:\n    Type: AWS::Kinesis::Stream\n  Writer:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          Action: kinesis:PutRecord\n          Effect: Allow\n          Sid: a\ufeff\n`;
    const kms = fixedOnce(bom, 'kinesis/kms-permissions', "Add kms:GenerateDataKey on the stream's KMS key");
    assert.ok(kms.includes('          - Action: kinesis:PutRecord\n            Effect: Allow\n            Sid: a\ufeff\n          - Sid: StreamKmsKey\n'), kms);
    // A key with a line break, in statements written anew, is double-quoted with its escape.
    const read = "Action: 'kinesis:ListStreams', Resource: '*'";
    const key = policy(`        Version: '2012-10-17'\n        Statement: [{${read}}, {${read}, Condition: {Bool: {"aws:SecureTransport\\n": true}}}]\n`);
    const fixed = fixedOnce(key, 'iam/invalid-effect', 'Fix all iam/invalid-effect problems in the file');
    assert.ok(fixed.includes('{Bool: {"aws:SecureTransport\\n": true}}'), fixed);
  });

  it('write the stack’s own values into what they insert, as !Sub (Fn::Sub in JSON), never as literal ${...}', () => {
    const text = readFileSync('test/fixtures/templates/kcl-consumer.yaml', 'utf8');
    const document = templateDocument(text);
    const offset = text.indexOf('kinesis:GetRecords');
    const actions = service.templateCodeActions(document, parsedTemplate(document), { start: document.positionAt(offset), end: document.positionAt(offset) }, [], { ...OPTIONS, only: ['refactor.insert'] });
    const result = applied(document, actions.find((a) => a.title === 'Add Kinesis producer statement'));
    assert.match(result, /\n {16}Resource: !Sub 'arn:\$\{AWS::Partition\}:kinesis:\$\{AWS::Region\}:\$\{AWS::AccountId\}:stream\/orders'\n/);
    assert.ok(!/^\s+Resource: arn:\$\{/m.test(result), 'no ${...} outside a !Sub');
    assert.deepEqual(alarms(result).filter((a) => /invalid-arn|unknown/.test(a)), []);

    const json = readFileSync('test/fixtures/templates/producer.template.json', 'utf8');
    const jsonDocument = templateDocument(json, 'file:///ws/producer.template.json');
    const at = json.indexOf('"kinesis:ListShards"');
    const jsonActions = service.templateCodeActions(jsonDocument, parsedTemplate(jsonDocument), { start: jsonDocument.positionAt(at), end: jsonDocument.positionAt(at) }, [], { ...OPTIONS, only: ['refactor.insert'] });
    const jsonResult = applied(jsonDocument, jsonActions.find((a) => a.title === 'Add Kinesis producer statement'));
    const statements = (JSON.parse(jsonResult) as { Resources: { ProducerPolicy: { Properties: { PolicyDocument: { Statement: { Resource: unknown }[] } } } } }).Resources.ProducerPolicy.Properties.PolicyDocument.Statement;
    // The region and account are the stack's; the stream is left to fill in (iam/placeholder points at it).
    assert.deepEqual(statements[statements.length - 1].Resource, { 'Fn::Sub': 'arn:aws:kinesis:${AWS::Region}:${AWS::AccountId}:stream/STREAM_NAME' });
  });

  it('escape IAM’s own variables inside the !Sub they write', () => {
    assert.deepEqual(templateString('arn:aws:s3:::bucket/${aws:username}/*'), { text: 'arn:aws:s3:::bucket/${aws:username}/*', sub: false });
    assert.deepEqual(templateString('arn:${AWS::Partition}:s3:::bucket/${aws:username}/*'), { text: 'arn:${AWS::Partition}:s3:::bucket/${!aws:username}/*', sub: true });
    assert.deepEqual(templateString('arn:aws:kinesis:REGION:ACCOUNT_ID:stream/orders'), { text: 'arn:aws:kinesis:${AWS::Region}:${AWS::AccountId}:stream/orders', sub: true });
    assert.equal(templateString('arn:aws:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${unknown}'), undefined);
  });

  it('edit a JSON template as a JSON policy file, indented as the template is', () => {
    const text = fixture('producer.template.json');
    const { document, actions } = actionsFor(text, 'iam/unknown-action');
    const result = applied(document, actions.find((a) => a.title === 'Change to kinesis:PutRecord'));
    assert.equal(result, text.replace('"kinesis:PutRecordz"', '"kinesis:PutRecord"'));
    const describe = actionsFor(text, 'producer/missing-describe-stream');
    const added = applied(describe.document, describe.actions.find((a) => a.title === 'Add kinesis:DescribeStreamSummary'));
    assert.match(added, /"kinesis:ListShards", "kinesis:DescribeStreamSummary"\]|"kinesis:ListShards",\n\s+"kinesis:DescribeStreamSummary"/);
    assert.doesNotThrow(() => JSON.parse(added) as unknown);
  });

  it('add a missing key to a block map indented as its siblings', () => {
    const text = producer('kinesis:ListStreams', "'*'").replace("        Version: '2012-10-17'\n", '');
    // After the block's last key, at its indentation: the comment and the statement stay as they were.
    assert.equal(fixedOnce(text, 'iam/invalid-version', 'Set "Version": "2012-10-17"'), `${text}        Version: 2012-10-17\n`);
  });

  it('make a check’s fix where the editor shows its finding, and none once the text there has changed', () => {
    const text = `Resources:\n  Orders:\n    Type: AWS::Kinesis::Stream\n${producer('kinesis:ListShards', '!Ref Orders').split('Resources:\n')[1]}`;
    const ref = templateDiagnostics(text).diagnostics.find((d) => d.code === 'template/ref-not-arn');
    assert.ok(ref);
    // The user typed elsewhere first: the finding's range still covers !Ref Orders.
    const typed = templateDocument(text.replace('Type: AWS::IAM::ManagedPolicy', 'Type: AWS::IAM::ManagedPolicy # shared'));
    const fix = service.templateCodeActions(typed, parsedTemplate(typed), ref.range, [ref], { ...OPTIONS, only: ['quickfix'] }).find((a) => a.edit);
    assert.equal(applied(typed, fix), typed.getText().replace('!Ref Orders', '!GetAtt Orders.Arn'));
    // The user changed the value itself: the fix is no longer offered rather than made on other text.
    const changed = templateDocument(text.replace('!Ref Orders', '!Ref Orderz'));
    const stale = service.templateCodeActions(changed, parsedTemplate(changed), ref.range, [ref], { ...OPTIONS, only: ['quickfix'] });
    assert.deepEqual(stale.filter((a) => a.title.startsWith('Change to !GetAtt')), []);
  });

  it('fix all in a template changes what can be changed exactly, and leaves intrinsic functions as written', () => {
    const text = producer('[kinesis:PutRecordz, !Sub "kinesis:${AWS::NoValue}"]', "!Join ['', ['arn:aws:kinesis:cn-north-1:111122223333:stream/', !Ref AWS::StackName]]");
    const document = templateDocument(text);
    const whole = { start: document.positionAt(0), end: document.positionAt(text.length) };
    const [fixAll] = service.templateCodeActions(document, parsedTemplate(document), whole, [], { ...OPTIONS, only: ['source.fixAll'] });
    assert.equal(fixAll?.title, 'Fix all Kinesis Policy problems');
    assert.equal(applied(document, fixAll), text.replace('kinesis:PutRecordz', 'kinesis:PutRecord'));
    // Renaming PutRecordz here leaves PutRecord twice, and removing one would rewrite a list that
    // holds a !Sub: rather than write the !Sub anew, fix all makes its first round alone, and the
    // duplicate stays for the user.
    const listed = producer('[kinesis:PutRecordz, kinesis:PutRecord, !Sub "kinesis:${Verb}"]', 'arn:aws:kinesis:us-east-1:111122223333:stream/orders');
    const listedDocument = templateDocument(listed);
    const everything = (d: TextDocument) => ({ start: d.positionAt(0), end: d.positionAt(d.getText().length) });
    const fixAllOf = (d: TextDocument) => service.templateCodeActions(d, parsedTemplate(d), everything(d), [], { ...OPTIONS, only: ['source.fixAll'] });
    const renamed = applied(listedDocument, fixAllOf(listedDocument)[0]);
    assert.equal(renamed, listed.replace('kinesis:PutRecordz', 'kinesis:PutRecord'));
    assert.ok(templateDiagnostics(renamed).diagnostics.some((d) => d.code === 'iam/redundant-action'));
    // Where not even the first round can be written, fix all changes nothing.
    const duplicated = templateDocument(listed.replace('kinesis:PutRecordz', 'kinesis:PutRecord'));
    assert.throws(() => applied(duplicated, fixAllOf(duplicated)[0]), /No edit/);
    // Several strings renamed in one list are written string by string, around the !Sub between them.
    const typos = producer('[kinesis:GetRecordz, !Sub "kinesis:${Verb}", kinesis:ListShardz, kinesis:DescribeStreamSummaryz]', 'arn:aws:kinesis:us-east-1:111122223333:stream/orders');
    const typosDocument = templateDocument(typos);
    assert.equal(applied(typosDocument, fixAllOf(typosDocument)[0]), typos.replace('GetRecordz', 'GetRecords').replace('ListShardz', 'ListShards').replace('DescribeStreamSummaryz', 'DescribeStreamSummary'));
    // Fix all is the template's: every policy with a finding is fixed, and the action is offered once.
    const second = producer('kinesis:GetRecordz', 'arn:aws:kinesis:us-east-1:111122223333:stream/clicks').split('Resources:\n')[1].replace('  Producer:', '  Reader:');
    const third = second.replace('  Reader:', '  Auditor:').replace('GetRecordz', 'ListShardz');
    const three = producer('kinesis:PutRecordz', 'arn:aws:kinesis:us-east-1:111122223333:stream/orders') + second + third;
    const threeDocument = templateDocument(three);
    const offered = fixAllOf(threeDocument);
    assert.deepEqual(offered.map((a) => a.title), ['Fix all Kinesis Policy problems']);
    assert.equal(applied(threeDocument, offered[0]), three.replace('PutRecordz', 'PutRecord').replace('GetRecordz', 'GetRecords').replace('ListShardz', 'ListShards'));
    // So is a rule's fix-all, offered at one finding.
    const { diagnostics } = templateDiagnostics(three);
    const typo = diagnostics.find((d) => d.code === 'iam/unknown-action');
    const byRule = service.templateCodeActions(threeDocument, parsedTemplate(threeDocument), typo!.range, [typo!], { ...OPTIONS, only: ['quickfix'] }).find((a) => a.title.startsWith('Fix all iam/unknown-action'));
    assert.equal(applied(threeDocument, byRule), applied(threeDocument, offered[0]));
  });

  it('offer the quick fixes of every finding a selection holds, over several policies, and no statements to insert outside a policy', () => {
    const second = producer('kinesis:GetRecordz', 'arn:aws:kinesis:us-east-1:111122223333:stream/clicks').split('Resources:\n')[1].replace('  Producer:', '  Reader:');
    const text = producer('kinesis:PutRecordz', 'arn:aws:kinesis:us-east-1:111122223333:stream/orders') + second;
    const { document, diagnostics } = templateDiagnostics(text);
    const unknown = diagnostics.filter((d) => d.code === 'iam/unknown-action');
    assert.equal(unknown.length, 2);
    // Selected from the top of the file, outside every policy, to its end.
    const all = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
    const actions = service.templateCodeActions(document, parsedTemplate(document), all, unknown, OPTIONS);
    assert.deepEqual(
      actions.filter((a) => a.edit).map((a) => a.title),
      ['Change to kinesis:PutRecord', 'Change to kinesis:GetRecords'],
    );
    assert.ok(!actions.some((a) => a.kind === 'refactor.insert'), 'nothing to insert: the selection starts outside every policy');
    const fixed = applied(document, actions.find((a) => a.title === 'Change to kinesis:GetRecords'));
    assert.equal(fixed, text.replace('kinesis:GetRecordz', 'kinesis:GetRecords'));
  });

  it('offer no edit of a value an intrinsic function stands for', () => {
    // The ARN is known only in part, and the fix would have to rewrite the !Join.
    const text = producer('kinesis:PutRecord', "!Join ['', ['arn:aws:kinesis:cn-north-1:111122223333:stream/', !Ref AWS::StackName]]");
    const { document, diagnostics } = templateDiagnostics(text);
    for (const diagnostic of diagnostics) {
      const actions = service.templateCodeActions(document, parsedTemplate(document), diagnostic.range, [diagnostic], { ...OPTIONS, only: ['quickfix'] });
      for (const action of actions.filter((a) => a.edit)) {
        const result = applied(document, action);
        assert.ok(result.includes("!Join ['', ['arn:aws:kinesis:cn-north-1:111122223333:stream/', !Ref AWS::StackName]]"), `${action.title} keeps the !Join`);
      }
    }
  });
});

describe('completion in templates', () => {
  it('completes an action in a YAML scalar without quotes, and in a JSON template with them', () => {
    const text = producer('kinesis:PutRec', "'*'");
    const document = templateDocument(text);
    const position = document.positionAt(text.indexOf('kinesis:PutRec') + 'kinesis:PutRec'.length);
    const list = service.templateCompletion(document, position, parsedTemplate(document));
    const item = list?.items.find((i) => i.label === 'kinesis:PutRecords');
    assert.ok(item?.textEdit && 'range' in item.textEdit);
    assert.equal(item.textEdit.newText, 'kinesis:PutRecords');
    assert.equal(document.getText().slice(document.offsetAt(item.textEdit.range.start), document.offsetAt(item.textEdit.range.end)), 'kinesis:PutRec');
    assert.ok(!list?.items.some((i) => i.textEdit && 'range' in i.textEdit && i.textEdit.newText.includes('"')), 'no JSON is written into YAML');

    // A quoted scalar in a flow list is replaced whole, in its own quotes.
    const quoted = producer("[kinesis:GetRecords, 'kinesis:']", "'*'");
    const quotedDocument = templateDocument(quoted);
    const inside = quotedDocument.positionAt(quoted.indexOf("'kinesis:'") + "'kinesis:".length);
    const quotedItem = service.templateCompletion(quotedDocument, inside, parsedTemplate(quotedDocument))?.items.find((i) => i.label === 'kinesis:PutRecords');
    const quotedEdit = quotedItem?.textEdit && 'range' in quotedItem.textEdit ? quotedItem.textEdit : undefined;
    assert.equal(quotedEdit && quotedDocument.getText(quotedEdit.range), "'kinesis:'");
    assert.equal(quotedEdit?.newText, "'kinesis:PutRecords'");

    const json = readFileSync('test/fixtures/templates/producer.template.json', 'utf8');
    const jsonDocument = templateDocument(json, 'file:///ws/producer.template.json');
    const at = jsonDocument.positionAt(json.indexOf('"kinesis:ListShards"') + '"kinesis:'.length);
    const jsonItem = service.templateCompletion(jsonDocument, at, parsedTemplate(jsonDocument))?.items.find((i) => i.label === 'kinesis:ListStreams');
    assert.equal(jsonItem?.textEdit && 'range' in jsonItem.textEdit ? jsonItem.textEdit.newText : undefined, '"kinesis:ListStreams"');
  });

  it('quotes a completed value that a plain YAML scalar would read as something else: "*" is an alias there', () => {
    const text = `Resources:\n  Reader:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Resource:\n              - a\n`;
    const document = templateDocument(text);
    const position = document.positionAt(text.indexOf('- a') + '- '.length);
    const item = service.templateCompletion(document, position, parsedTemplate(document))?.items.find((i) => i.label === '*');
    assert.ok(item?.textEdit && 'range' in item.textEdit);
    assert.equal(item.textEdit.newText, "'*'");
    assert.doesNotThrow(() => yamlValue(TextDocument.applyEdits(document, [item.textEdit as TextEdit])));
  });

  it('offers the template’s own resources first in a Resource: !GetAtt and !Sub, in YAML and JSON', () => {
    const stream = `  Orders:\n    Type: AWS::Kinesis::Stream\n    Properties: {ShardCount: 1}\n  Leases:\n    Type: AWS::DynamoDB::Table\n`;
    const text = producer('kinesis:PutRecord', 'Ord').replace('Resources:\n', `Resources:\n${stream}`);
    const document = templateDocument(text);
    const at = document.positionAt(text.lastIndexOf('Ord') + 3);
    const items = service.templateCompletion(document, at, parsedTemplate(document))?.items ?? [];
    const ranked = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
    assert.deepEqual(ranked.slice(0, 2), ['!GetAtt Orders.Arn', "!Sub 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${Orders}'"]);
    assert.ok(ranked.indexOf('!GetAtt Leases.Arn') > 1, 'a table comes after the streams for Kinesis actions');
    const getAtt = items.find((i) => i.label === '!GetAtt Orders.Arn');
    const edit = getAtt?.textEdit && 'range' in getAtt.textEdit ? getAtt.textEdit : undefined;
    assert.equal(edit && document.getText(edit.range), 'Ord');
    assert.equal(edit?.newText, '!GetAtt Orders.Arn');

    const empty = text.replace('Resource: Ord', 'Resource: ');
    const emptyDocument = templateDocument(empty);
    const cursor = emptyDocument.positionAt(empty.indexOf('Resource: ') + 'Resource: '.length);
    assert.ok(service.templateCompletion(emptyDocument, cursor, parsedTemplate(emptyDocument))?.items.some((i) => i.label === '!GetAtt Orders.Arn'));

    const json = JSON.stringify({ Resources: { Orders: { Type: 'AWS::Kinesis::Stream' }, P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: '' }] } } } } }, null, 2);
    const jsonDocument = templateDocument(json, 'file:///ws/t.json');
    const inside = jsonDocument.positionAt(json.indexOf('"Resource": ""') + '"Resource": "'.length);
    const jsonItem = service.templateCompletion(jsonDocument, inside, parsedTemplate(jsonDocument))?.items.find((i) => i.label === '!GetAtt Orders.Arn');
    const jsonEdit = jsonItem?.textEdit && 'range' in jsonItem.textEdit ? jsonItem.textEdit : undefined;
    assert.equal(jsonEdit && jsonDocument.getText(jsonEdit.range), '""');
    assert.equal(jsonEdit?.newText, '{ "Fn::GetAtt": ["Orders", "Arn"] }');
  });

  it('replaces a tagged value whole when a template resource is chosen in it', () => {
    const stream = `  Orders:\n    Type: AWS::Kinesis::Stream\n    Properties: {ShardCount: 1}\n`;
    const text = producer('kinesis:PutRecord', '!GetAtt Ord').replace('Resources:\n', `Resources:\n${stream}`);
    const document = templateDocument(text);
    const items = service.templateCompletion(document, document.positionAt(text.length - 1), parsedTemplate(document))?.items ?? [];
    const getAtt = items.find((i) => i.label === '!GetAtt Orders.Arn');
    const edit = getAtt?.textEdit && 'range' in getAtt.textEdit ? getAtt.textEdit : undefined;
    assert.equal(edit && document.getText(edit.range), '!GetAtt Ord');
    assert.equal(edit && TextDocument.applyEdits(document, [edit]), text.replace('!GetAtt Ord', '!GetAtt Orders.Arn'));
  });

  it('completes where YAML has no value yet, and a key being written before its colon', () => {
    const policy = (statement: string) =>
      `Resources:\n  Orders:\n    Type: AWS::Kinesis::Stream\n    Properties: {ShardCount: 1}\n  Producer:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n${statement}`;
    /** The items at `|`, best first, and the template after one of them, its snippet placeholders read as their text. */
    const at = (statement: string) => {
      const raw = policy(statement);
      const document = templateDocument(raw.replace('|', ''));
      const items = service.templateCompletion(document, document.positionAt(raw.indexOf('|')), parsedTemplate(document))?.items ?? [];
      const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
      const apply = (label: string) => {
        const item = items.find((i) => i.label === label);
        const edit = item?.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
        assert.ok(edit, `${label} among ${sorted.slice(0, 5).join(', ')}`);
        return TextDocument.applyEdits(document, [{ ...edit, newText: edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') }]);
      };
      return { sorted, apply };
    };
    const statement = (text: string) => (yamlValue(text) as { Resources: { Producer: { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } } } }).Resources.Producer.Properties.PolicyDocument.Statement[0];

    // After `Action: `: `kinesis:` is written quoted, so that the YAML stays whole while the rest is typed.
    const action = at("            Action: |\n            Resource: '*'\n");
    assert.ok(action.sorted.includes('kinesis:'));
    assert.equal(action.apply('kinesis:'), policy("            Action: 'kinesis:'\n            Resource: '*'\n"));
    // A new item of a block list, and one after a comma in a flow list.
    const block = at("            Action:\n              - kinesis:PutRecord\n              - |\n            Resource: '*'\n");
    assert.deepEqual(statement(block.apply('kinesis:')).Action, ['kinesis:PutRecord', 'kinesis:']);
    const flow = at("            Action: [kinesis:PutRecord, |]\n            Resource: '*'\n");
    assert.deepEqual(statement(flow.apply('kinesis:')).Action, ['kinesis:PutRecord', 'kinesis:']);
    // In an empty flow list of a Resource: the template's own stream first, then ARN patterns, written plain.
    const resource = at('            Action: kinesis:PutRecord\n            Resource: [|]\n');
    assert.equal(resource.sorted[0], '!GetAtt Orders.Arn');
    assert.equal(resource.apply('!GetAtt Orders.Arn'), policy('            Action: kinesis:PutRecord\n            Resource: [!GetAtt Orders.Arn]\n'));
    assert.deepEqual(statement(resource.apply('stream/${StreamName}')).Resource, ['arn:aws:kinesis:Region:Account:stream/StreamName']);
    // A key alone on its line, before its colon: the YAML is broken until the colon comes.
    const key = at("            Action: kinesis:PutRecord\n            Resource: '*'\n            Con|\n");
    assert.equal(key.apply('Condition'), policy("            Action: kinesis:PutRecord\n            Resource: '*'\n            Condition\n"));
    // A condition key: YAML reads `aws:Princ` as a value (and `aws:` as a key) until the key's own colon is typed.
    const condition = (typed: string) => `            Action: kinesis:GetRecords\n            Resource: '*'\n            Condition:\n              StringEquals:\n                aws:SourceAccount: '111122223333'\n                ${typed}\n`;
    for (const typed of ['aws:PrincipalO|', 'aws:|']) {
      const conditionKey = at(condition(typed));
      assert.ok(conditionKey.sorted.includes('aws:PrincipalOrgID'), `${typed}: ${conditionKey.sorted.slice(0, 5).join(', ')}`);
      assert.equal(conditionKey.apply('aws:PrincipalOrgID'), policy(condition('aws:PrincipalOrgID')));
    }
    // An item of a list that names a service is still its value.
    assert.ok(at("            Action:\n              - kinesis:GetRe|\n            Resource: '*'\n").sorted.includes('kinesis:GetRecords'));
    // A value outside any policy is not ours.
    const outside = policy("            Action: kinesis:PutRecord\n            Resource: '*'\n").replace('{ShardCount: 1}', '\n      ShardCount: ');
    const outsideDocument = templateDocument(outside);
    const cursor = outsideDocument.positionAt(outside.indexOf('ShardCount: ') + 'ShardCount: '.length);
    assert.equal(service.templateCompletion(outsideDocument, cursor, parsedTemplate(outsideDocument)), null);
  });

  it('answers nothing outside policies, and nothing in YAML that is no template', () => {
    const text = producer('kinesis:PutRecord', "'*'");
    const document = templateDocument(text);
    assert.equal(service.templateCompletion(document, document.positionAt(text.indexOf('ManagedPolicy')), parsedTemplate(document)), null);
    assert.equal(service.templateHover(document, document.positionAt(text.indexOf('ManagedPolicy')), parsedTemplate(document)), null);
  });
});
