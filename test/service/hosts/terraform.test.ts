import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyLanguageService } from '../../../server/src/service';
import { kinesisTf, OPTIONS, STREAM_AND_ROLE, terraformDocument, terraformService, terraformTemplate } from '../../support/terraform';

const KINESIS = kinesisTf();

let service: PolicyLanguageService;

/** Errors and warnings, where they are: what a false alarm would be. */
function alarms(text: string): string[] {
  const document = terraformDocument(text);
  return service
    .templateDiagnostics(document, terraformTemplate(service, document), OPTIONS)
    .filter((d) => (d.severity ?? 1) <= 2)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${document.getText(d.range)}`);
}

const producer = (actions: string, resources = 'aws_kinesis_stream.orders.arn') => `resource "aws_kinesis_stream" "orders" {
  name        = "orders"
  shard_count = 1
}

data "aws_iam_policy_document" "producer" {
  statement {
    actions   = [${actions}]
    resources = [${resources}]
  }
}
`;

describe('policies in Terraform files', () => {
  before(async () => {
    service = await terraformService();
  });

  it('finds every policy a configuration holds, each read as its place says', () => {
    const template = terraformTemplate(service, terraformDocument(KINESIS));
    assert.deepEqual(
      template.policies.map((p) => `${p.resource} ${p.path} ${p.kind}`),
      [
        // A policy document is read as the kind of the place that uses it: an identity policy by default.
        'data.aws_iam_policy_document.producer statement identity',
        'aws_iam_role.consumer assume_role_policy resource',
        'aws_iam_role_policy.consumer policy identity',
        'aws_kinesis_resource_policy.share policy resource',
        'data.aws_iam_policy_document.fanout statement resource',
      ],
    );
    // jsonencode, a heredoc, the data source with principals and conditions, references and interpolated ARNs: no false alarm.
    assert.deepEqual(alarms(KINESIS), []);
  });

  it('writes each policy as Terraform writes it: references to the configuration’s resources are their ARNs, the rest unknown', () => {
    const template = terraformTemplate(service, terraformDocument(KINESIS));
    const written = (resource: string) => JSON.parse(template.policies.find((p) => p.resource === resource)?.document.getText() ?? 'null') as { Statement: Record<string, unknown>[] };
    const producerStatement = written('data.aws_iam_policy_document.producer').Statement[0];
    assert.deepEqual(producerStatement, {
      Sid: 'WriteOrders',
      Action: ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DescribeStreamSummary'],
      Resource: ['arn:${data.aws_partition.current.partition}:kinesis:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:stream/orders'],
      // The data source's default.
      Effect: 'Allow',
    });
    const fanout = written('data.aws_iam_policy_document.fanout').Statement[0];
    assert.deepEqual(fanout.Principal, { AWS: ['arn:aws:iam::${var.partner_account}:root'] });
    assert.deepEqual(fanout.Condition, { StringEquals: { 'aws:PrincipalAccount': ['${var.partner_account}'] } });
    // `$${aws:username}` is HCL for IAM's own variable.
    assert.deepEqual(written('aws_iam_role_policy.consumer').Statement[3].Condition, { StringEquals: { 'aws:PrincipalTag/team': '${aws:username}' } });
  });

  it('reports a mistake where the HCL has it, in each way a policy is written', () => {
    assert.deepEqual(alarms(producer('"kinesis:PutRecordz"')), ['8:18 iam/unknown-action "kinesis:PutRecordz"']);
    const encoded = KINESIS.replace('"kinesis:GetShardIterator", "kinesis:DescribeStreamSummary", "kinesis:ListShards"]\n        Resource = aws_kinesis_stream', '"kinesis:GetShardIteratorz", "kinesis:DescribeStreamSummary", "kinesis:ListShards"]\n        Resource = aws_kinesis_stream');
    assert.deepEqual(alarms(encoded).filter((a) => a.includes('unknown-action')), ['70:43 iam/unknown-action "kinesis:GetShardIteratorz"']);
    const heredoc = KINESIS.replace('"Action": ["kinesis:GetRecords"', '"Action": ["kinesis:Get*"');
    assert.ok(alarms(heredoc).some((a) => a.endsWith('resource-policy/wildcard-action "kinesis:Get*"')), alarms(heredoc).join('\n'));
    // A stream's ARN where a consumer's belongs: the reference is known for what it is.
    assert.deepEqual(alarms(producer('"kinesis:SubscribeToShard"')), ['8:18 iam/action-resource-mismatch "kinesis:SubscribeToShard"']);
    // Also one instance of a stream made with count.
    const counted = producer('"kinesis:SubscribeToShard"', 'aws_kinesis_stream.orders[0].arn').replace('  shard_count = 1', '  count       = 2\n  shard_count = 1');
    assert.deepEqual(alarms(counted), ['9:18 iam/action-resource-mismatch "kinesis:SubscribeToShard"']);
  });

  it('reads heredoc JSON with interpolations: each stands in its string as text known when Terraform runs', () => {
    const text = `resource "aws_kinesis_stream" "orders" {
  name        = "orders"
  shard_count = 1
}

resource "aws_kinesis_resource_policy" "share" {
  resource_arn = aws_kinesis_stream.orders.arn
  policy       = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::\${var.partner_account}:root"},
        "Action": ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStreamSummary", "kinesis:ListShards"],
        "Resource": "\${aws_kinesis_stream.orders.arn}",
        "Condition": {"StringEquals": {"aws:PrincipalTag/owner": "$\${aws:username}"}}
      }]
    }
  EOT
}
`;
    const template = terraformTemplate(service, terraformDocument(text));
    const [share] = template.policies;
    assert.equal(share?.resource, 'aws_kinesis_resource_policy.share');
    const statement = (JSON.parse(share.document.getText()) as { Statement: Record<string, unknown>[] }).Statement[0];
    assert.deepEqual(statement.Principal, { AWS: 'arn:aws:iam::${var.partner_account}:root' });
    assert.equal(statement.Resource, '${aws_kinesis_stream.orders.arn}');
    assert.deepEqual(statement.Condition, { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } });
    assert.deepEqual(alarms(text), []);
    // Read where it is written: a mistake in it is reported there.
    const wrong = text.replace('"kinesis:GetRecords"', '"kinesis:GetRecordz"');
    assert.deepEqual(alarms(wrong), ['14:20 iam/unknown-action "kinesis:GetRecordz"']);
    // A heredoc that template directives write is known only when Terraform runs: not read.
    assert.equal(service.parseTemplate(terraformDocument(text.replace('"Effect": "Allow",', '%{ if true }"Effect": "Allow",%{ endif }'))), undefined);
  });

  it('fixes a string in place and completes in one, writing HCL strings', () => {
    const text = producer('"kinesis:PutRecordz", "kinesis:PutRecords"');
    const document = terraformDocument(text);
    const template = terraformTemplate(service, document);
    const [unknown] = service.templateDiagnostics(document, template, OPTIONS).filter((d) => d.code === 'iam/unknown-action');
    const fix = service.templateCodeActions(document, template, unknown.range, [unknown], { ...OPTIONS, only: ['quickfix'] }).find((a) => a.title === 'Change to kinesis:PutRecord');
    assert.equal(TextDocument.applyEdits(document, fix?.edit?.changes?.[document.uri] ?? []), text.replace('PutRecordz', 'PutRecord'));

    const at = document.positionAt(text.indexOf('kinesis:PutRecords') + 'kinesis:Put'.length);
    const item = service.templateCompletion(document, at, template)?.items.find((i) => i.label === 'kinesis:PutRecord');
    const edit = item?.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
    assert.equal(edit && document.getText(edit.range), '"kinesis:PutRecords"');
    assert.equal(edit?.newText, '"kinesis:PutRecord"');
  });

  it('adds to a list and inserts statements in the style the file uses: blocks, jsonencode objects, JSON in a heredoc', () => {
    const text = producer('"kinesis:PutRecord"');
    const document = terraformDocument(text);
    const template = terraformTemplate(service, document);
    const [describe] = service.templateDiagnostics(document, template, OPTIONS).filter((d) => d.code === 'producer/missing-describe-stream');
    const add = service.templateCodeActions(document, template, describe.range, [describe], { ...OPTIONS, only: ['quickfix'] }).find((a) => a.title === 'Add kinesis:DescribeStreamSummary');
    assert.equal(TextDocument.applyEdits(document, add?.edit?.changes?.[document.uri] ?? []), text.replace('["kinesis:PutRecord"]', '["kinesis:PutRecord", "kinesis:DescribeStreamSummary"]'));

    const insertAt = (source: string, word: string, title: string) => {
      const doc = terraformDocument(source);
      const offset = doc.positionAt(source.indexOf(word));
      const action = service.templateCodeActions(doc, terraformTemplate(service, doc), { start: offset, end: offset }, [], { ...OPTIONS, only: ['refactor.insert'] }).find((a) => a.title === title);
      const result = TextDocument.applyEdits(doc, action?.edit?.changes?.[doc.uri] ?? []);
      assert.notEqual(result, source, `${title} at ${word}`);
      const again = terraformTemplate(service, terraformDocument(result));
      assert.equal(again.broken, false, result);
      return { result, again };
    };
    // A statement block, the partition written with the data source the file declares.
    const block = insertAt(KINESIS, 'kinesis:PutRecord"', 'Add Kinesis producer statement');
    assert.match(block.result, /\n {2}statement \{\n {4}sid = "KinesisProducer"\n {4}actions = \["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords"\]\n {4}resources = \["arn:\$\{data\.aws_partition\.current\.partition\}:kinesis:REGION:ACCOUNT_ID:stream\/orders"\]\n {2}\}\n/);
    // An object in a jsonencode policy's Statement.
    const object = insertAt(KINESIS, 'kinesis:GetRecords", "kinesis:GetShardIterator"', 'Add Kinesis producer statement');
    assert.match(object.result, /\},\n {6}\{\n {8}Sid = "KinesisProducer"\n {8}Effect = "Allow"\n/);
    // JSON in a heredoc stays JSON; a share is offered in the stream's resource policy.
    const heredoc = insertAt(KINESIS, '"Effect": "Allow"', 'Add cross-account read access (resource policy)');
    assert.match(heredoc.result, /\{"Sid": "CrossAccountRead", "Effect": "Allow", "Principal": \{"AWS": "arn:aws:iam::OTHER_ACCOUNT_ID:root"\}/);
    assert.equal(heredoc.again.policies.length, 5);
  });

  it('makes one statement object of a jsonencode policy a list of it, as written, and the statement a fix adds', () => {
    const reader = (statement: string) =>
      `resource "aws_kinesis_stream" "orders" {\n  name        = "orders"\n  shard_count = 1\n}\n\nresource "aws_iam_policy" "reader" {\n  name = "reader"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = ${statement}\n  })\n}\n`;
    const read = '{\n      # Reads the orders stream\n      Effect   = "Allow"\n      Action   = ["kinesis:DescribeStream", "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards"]\n      Resource = aws_kinesis_stream.orders.arn\n    }';
    const document = terraformDocument(reader(read));
    const template = terraformTemplate(service, document);
    const [metrics] = service.templateDiagnostics(document, template, OPTIONS).filter((d) => d.code === 'kcl/missing-metrics-permission');
    const add = service.templateCodeActions(document, template, metrics.range, [metrics], { ...OPTIONS, only: ['quickfix'] }).find((a) => a.title === 'Add cloudwatch:PutMetricData on "*"');
    const added = '{\n      Sid = "KclMetrics"\n      Effect = "Allow"\n      Action = "cloudwatch:PutMetricData"\n      Resource = "*"\n    }';
    assert.equal(TextDocument.applyEdits(document, add?.edit?.changes?.[document.uri] ?? []), reader(`[${read},\n    ${added}]`));
  });

  it('completes where nothing is written yet, references to the configuration’s resources first, and in every string of a document', () => {
    const at = (statement: string) => {
      const raw = `resource "aws_kinesis_stream" "orders" {\n  name        = "orders"\n  shard_count = 1\n}\nresource "aws_dynamodb_table" "leases" {\n  name = "app"\n}\ndata "aws_iam_policy_document" "p" {\n  statement {\n${statement}\n  }\n}\n`;
      const document = terraformDocument(raw.replace('|', ''));
      const offset = raw.indexOf('|');
      const items = service.templateCompletion(document, document.positionAt(offset), terraformTemplate(service, document))?.items ?? [];
      const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
      const apply = (label: string) => {
        const item = items.find((i) => i.label === label);
        const edit = item?.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
        assert.ok(edit, `${label} among ${sorted.slice(0, 6).map((i) => i.label).join(', ')}`);
        return TextDocument.applyEdits(document, [{ ...edit, newText: edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') }]);
      };
      return { labels: sorted.map((i) => i.label), apply };
    };
    const actions = at('    actions   = [|]\n    resources = ["*"]');
    assert.match(actions.apply('kinesis:'), /actions {3}= \["kinesis:"\]/);
    const resources = at('    actions   = ["kinesis:GetRecords"]\n    resources = [|]');
    assert.deepEqual(resources.labels.slice(0, 2), ['aws_kinesis_stream.orders.arn', 'aws_dynamodb_table.leases.arn']);
    assert.match(resources.apply('aws_kinesis_stream.orders.arn'), /resources = \[aws_kinesis_stream\.orders\.arn\]/);
    // A resource made with count is named by an instance, one made with for_each by keys only the configuration knows.
    const counted = (meta: string) => {
      const raw = `resource "aws_kinesis_stream" "orders" {\n  ${meta}\n  name        = "orders"\n  shard_count = 1\n}\ndata "aws_iam_policy_document" "p" {\n  statement {\n    actions   = ["kinesis:GetRecords"]\n    resources = [|]\n  }\n}\n`;
      const document = terraformDocument(raw.replace('|', ''));
      return (service.templateCompletion(document, document.positionAt(raw.indexOf('|')), terraformTemplate(service, document))?.items ?? []).map((i) => i.label).filter((l) => l.startsWith('aws_'));
    };
    assert.deepEqual(counted('count       = 2'), ['aws_kinesis_stream.orders[0].arn']);
    assert.deepEqual(counted('for_each    = var.streams'), []);
    // A reference being typed is replaced whole; an ARN pattern is written as a string.
    assert.match(at('    actions   = ["kinesis:GetRecords"]\n    resources = [aws_kin|]').apply('aws_kinesis_stream.orders.arn'), /resources = \[aws_kinesis_stream\.orders\.arn\]/);
    assert.match(resources.apply('stream/${StreamName}'), /resources = \["arn:aws:kinesis:Region:Account:stream\/StreamName"\]/);
    // Principal types, condition operators and keys, inside their strings.
    const share = (principalType: string, test: string, variable: string) =>
      `    actions   = ["kinesis:GetRecords"]\n    resources = ["*"]\n    principals {\n      type        = "${principalType}"\n      identifiers = ["111122223333"]\n    }\n    condition {\n      test     = "${test}"\n      variable = "${variable}"\n      values   = ["o-1"]\n    }`;
    assert.ok(at(share('A|', 'StringEquals', 'aws:PrincipalOrgID')).labels.includes('AWS'));
    assert.ok(at(share('AWS', 'StringEq|', 'aws:PrincipalOrgID')).labels.includes('StringEquals'));
    assert.ok(at(share('AWS', 'StringEquals', 'aws:PrincipalOrg|')).labels.includes('aws:PrincipalOrgID'));
  });

  it('hovers an action in HCL as in JSON, and a reference with what it is read as', () => {
    const text = producer('"kinesis:PutRecords"');
    const document = terraformDocument(text);
    const hover = service.templateHover(document, document.positionAt(text.indexOf('PutRecords')), terraformTemplate(service, document));
    assert.match(JSON.stringify(hover?.contents), /PutRecords/);
    // A reference shows what it is read as.
    const reference = service.templateHover(document, document.positionAt(text.indexOf('aws_kinesis_stream.orders.arn') + 5), terraformTemplate(service, document));
    assert.match(
      typeof reference?.contents === 'object' && 'value' in reference.contents ? reference.contents.value : '',
      /^Read as `arn:\$\{data\.aws_partition\.current\.partition\}:kinesis:\$\{data\.aws_region\.current\.name\}:\$\{data\.aws_caller_identity\.current\.account_id\}:stream\/orders`: what the configuration says of the value; `\$\{\.\.\.\}` is known only when Terraform runs/,
    );
    // One instance of a counted stream whose name is known only when Terraform runs: that instance's name, by its key
    // (Terraform refuses `aws_kinesis_stream.orders.name` for a resource with `count`).
    const counted = (reference: string) => {
      const source = producer('"kinesis:PutRecord"', reference).replace('  name        = "orders"', '  count       = 2\n  name        = "orders-${count.index}"');
      const doc = terraformDocument(source);
      const hover = service.templateHover(doc, doc.positionAt(source.indexOf(reference) + 5), terraformTemplate(service, doc));
      return typeof hover?.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    };
    assert.match(counted('aws_kinesis_stream.orders[1].arn'), /:stream\/\$\{aws_kinesis_stream\.orders\[1\]\.name\}`/);
    assert.match(counted('aws_kinesis_stream.orders[count.index].arn'), /:stream\/\$\{aws_kinesis_stream\.orders\[count\.index\]\.name\}`/);
    assert.match(counted('aws_kinesis_stream.orders.0.arn'), /:stream\/\$\{aws_kinesis_stream\.orders\[0\]\.name\}`/);
    // A consumer's ARN is under its stream's, followed from its `stream_arn`: a reference or an ARN written out.
    const consumer = (streamArn: string) => {
      const source = `${producer('"kinesis:SubscribeToShard"', 'aws_kinesis_stream_consumer.fanout.arn')}resource "aws_kinesis_stream_consumer" "fanout" {\n  name       = "fanout"\n  stream_arn = ${streamArn}\n}\n`;
      const doc = terraformDocument(source);
      const hover = service.templateHover(doc, doc.positionAt(source.indexOf('aws_kinesis_stream_consumer.fanout.arn') + 5), terraformTemplate(service, doc));
      return typeof hover?.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    };
    assert.match(consumer('aws_kinesis_stream.orders.arn'), /^Read as `arn:\$\{data\.aws_partition\.current\.partition\}:kinesis:\$\{data\.aws_region\.current\.name\}:\$\{data\.aws_caller_identity\.current\.account_id\}:stream\/orders\/consumer\/fanout:\$\{creation_timestamp\}`/);
    assert.match(consumer('"arn:aws:kinesis:us-east-1:111122223333:stream/clicks"'), /^Read as `arn:aws:kinesis:us-east-1:111122223333:stream\/clicks\/consumer\/fanout:\$\{creation_timestamp\}`/);
    assert.match(consumer('var.stream_arn'), /:stream\/\$\{stream\}\/consumer\/fanout:/);
  });

  it('reads what real modules write without a false alarm: variables, count, for, conditionals, try, lookup, dynamic blocks', () => {
    const text = readFileSync('test/fixtures/terraform/control-flow.tf', 'utf8');
    const template = terraformTemplate(service, terraformDocument(text));
    // A policy whose statements a `for` expression or a conditional makes is not judged; a dynamic block's content is a statement.
    assert.deepEqual(
      template.policies.map((p) => `${p.resource} ${(JSON.parse(p.document.getText()) as { Statement: unknown[] }).Statement.length}`),
      // A statement with conditions a dynamic block may or may not write is not read; nor is a document of nothing else.
      ['data.aws_iam_policy_document.flow 3', 'aws_iam_policy.lookup 1', 'data.aws_iam_policy_document.u 1', 'data.aws_iam_policy_document.r 1'],
    );
    assert.deepEqual(alarms(text), []);
  });

  it('reads a generic module’s trust policy and statements whose elements may be null without a false alarm', () => {
    // As terraform-aws-modules writes them: a document named through an index, elements that are
    // null unless given, principals and conditions from dynamic blocks.
    const text = `data "aws_iam_policy_document" "assume_role" {
  count = var.create ? 1 : 0
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
  dynamic "statement" {
    for_each = var.assume_role_policy_statements
    content {
      sid         = try(statement.value.sid, null)
      actions     = try(statement.value.actions, null)
      not_actions = try(statement.value.not_actions, null)
      dynamic "principals" {
        for_each = try(statement.value.principals, [])
        content {
          type        = principals.value.type
          identifiers = principals.value.identifiers
        }
      }
    }
  }
}
resource "aws_iam_role" "lambda" {
  name               = "lambda"
  assume_role_policy = try(data.aws_iam_policy_document.assume_role[0].json, "")
}
data "aws_iam_policy_document" "output_only" {
  statement {
    actions   = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}
`;
    const template = terraformTemplate(service, terraformDocument(text));
    // The trust policy, used through an index inside try(); one no resource uses, read as its content says.
    assert.deepEqual(
      template.policies.map((p) => `${p.resource} ${p.kind} ${p.partial === true} ${(JSON.parse(p.document.getText()) as { Statement: unknown[] }).Statement.length}`),
      ['data.aws_iam_policy_document.assume_role resource true 1', 'data.aws_iam_policy_document.output_only auto false 1'],
    );
    assert.deepEqual(alarms(text), []);
  });

  it('merges source and override documents as the data source does, and judges the result', () => {
    const text = `data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Iterate"
    actions   = ["kinesis:GetShardIterator", "kinesis:DescribeStreamSummary", "kinesis:ListShards"]
    resources = ["arn:aws:kinesis:us-east-1:111122223333:stream/orders"]
  }
  statement {
    sid       = "Replaced"
    actions   = ["kinesis:DeleteStream"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "reader" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid       = "Replaced"
    actions   = ["kinesis:GetRecords"]
    resources = ["arn:aws:kinesis:us-east-1:111122223333:stream/orders"]
  }
  override_policy_documents = [jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Extra", Effect = "Allow", Action = "kinesis:ListStreams", Resource = "*" }] })]
}
data "aws_iam_policy_document" "unknown" {
  source_policy_documents = [var.base]
  statement {
    actions   = ["kinesis:GetRecords"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "reader" {
  policy = data.aws_iam_policy_document.reader.json
}
`;
    const template = terraformTemplate(service, terraformDocument(text));
    // The base is judged where it is merged; a document merging what cannot be read is not judged.
    assert.deepEqual(template.policies.map((p) => p.resource), ['data.aws_iam_policy_document.reader']);
    const statements = (JSON.parse(template.policies[0].document.getText()) as { Statement: { Sid: string; Action: unknown }[] }).Statement;
    assert.deepEqual(statements.map((s) => `${s.Sid} ${String(s.Action)}`), [
      'Iterate kinesis:GetShardIterator,kinesis:DescribeStreamSummary,kinesis:ListShards',
      'Replaced kinesis:GetRecords',
      'Extra kinesis:ListStreams',
    ]);
    // Apart, the base reads half a shard; merged, the reader reads it whole.
    assert.deepEqual(alarms(text), []);
  });

  it('judges a role by all its policies: its own, those attached to it, the documents they use', () => {
    const role = `${STREAM_AND_ROLE}resource "aws_iam_role_policy" "iterate" {
  role   = aws_iam_role.consumer.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["kinesis:GetShardIterator", "kinesis:DescribeStreamSummary", "kinesis:ListShards"], Resource = aws_kinesis_stream.orders.arn }] })
}
data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["kinesis:GetRecords"]
    resources = [aws_kinesis_stream.orders.arn]
  }
}
resource "aws_iam_policy" "read" {
  name   = "read"
  policy = data.aws_iam_policy_document.read.json
}
`;
    const attachment = `resource "aws_iam_role_policy_attachment" "read" {
  role       = aws_iam_role.consumer.name
  policy_arn = aws_iam_policy.read.arn
}
`;
    // Apart, each policy reads half a shard; attached to one role, the role reads it whole.
    assert.deepEqual(alarms(role).map((a) => a.split(' ')[1]), ['consumer/incomplete-read', 'consumer/incomplete-read', 'consumer/missing-describe-stream']);
    assert.deepEqual(alarms(role + attachment), []);
    const document = terraformDocument(role + attachment);
    const template = terraformTemplate(service, document);
    assert.deepEqual(template.principals.map((p) => `${p.label}: ${p.policies.map((q) => q.resource).join(', ')}`), ['role aws_iam_role.consumer: aws_iam_role_policy.iterate, data.aws_iam_policy_document.read']);
    // A role made with `count` is named by one of its instances: the same role.
    const counted = (role + attachment).replace('  name               = "consumer"', '  count              = 1\n  name               = "consumer"').replace(/aws_iam_role\.consumer\.(id|name)/g, 'aws_iam_role.consumer[0].$1');
    assert.deepEqual(alarms(counted), []);
    assert.deepEqual(terraformTemplate(service, terraformDocument(counted)).principals.map((p) => p.label), ['role aws_iam_role.consumer']);
    // An AWS managed policy attached too may grant what is missing: the role's findings are notes, naming it.
    const managed = role.replace('resource "aws_iam_role_policy" "iterate"', 'resource "aws_iam_role_policy_attachment" "managed" {\n  role       = aws_iam_role.consumer.name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonKinesisReadOnlyAccess"\n}\nresource "aws_iam_role_policy" "iterate"');
    assert.deepEqual(alarms(managed + attachment), []);
    const notes = service.templateDiagnostics(terraformDocument(managed.replace('"kinesis:GetShardIterator", ', '') + attachment), terraformTemplate(service, terraformDocument(managed.replace('"kinesis:GetShardIterator", ', '') + attachment)), OPTIONS);
    assert.ok(notes.some((d) => d.code === 'consumer/incomplete-read' && d.severity === 3 && /AmazonKinesisReadOnlyAccess/.test(typeof d.message === 'string' ? d.message : d.message.value)));
  });

  it('needs no CreateTable on a lease table the configuration makes', () => {
    const text = KINESIS.replace('["dynamodb:CreateTable", ', '[');
    const document = terraformDocument(text);
    const findings = service.templateDiagnostics(document, terraformTemplate(service, document), OPTIONS).filter((d) => d.code === 'kcl/missing-lease-table-permissions');
    assert.deepEqual(findings, []);
    assert.deepEqual(terraformTemplate(service, document).tables, ['orders-app']);
  });

  it('says which policy files a configuration reads with file() or templatefile(), and as what kind of policy', () => {
    const text = `resource "aws_kinesis_resource_policy" "share" {
  resource_arn = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
  policy       = file("\${path.module}/policies/share.json")
}
resource "aws_iam_policy" "producer" {
  policy = templatefile("producer.json.tpl", { stream = "orders" })
}
resource "aws_iam_policy" "elsewhere" {
  policy = file("\${var.folder}/policy.json")
}
`;
    assert.deepEqual(terraformTemplate(service, terraformDocument(text)).policyFiles, [
      { path: 'policies/share.json', kind: 'resource' },
      { path: 'producer.json.tpl', kind: 'identity' },
    ]);
  });

  it('leaves a policy near broken HCL until it is mended, and reads nothing in other Terraform', () => {
    const broken = terraformTemplate(service, terraformDocument(producer('"kinesis:PutRecordz"').replace('actions   = [', 'actions   = [[')));
    assert.equal(broken.broken, true);
    assert.deepEqual(broken.policies, []);
    assert.ok((broken.syntaxErrors ?? []).length > 0);
    assert.equal(service.parseTemplate(terraformDocument('variable "region" {\n  type = string\n}\n')), undefined);
    assert.equal(service.parseTemplate(terraformDocument('resource "aws_s3_bucket" "b" {\n  bucket = "b"\n')), undefined, 'broken, but no policy there');
  });
});
