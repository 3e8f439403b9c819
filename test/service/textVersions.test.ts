import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyLanguageService } from '../../server/src/service';
import { OPTIONS } from '../support/templates';
import { service as jsonService } from '../support/service';
import { terraformService } from '../support/terraform';

/**
 * Editing one part of a large document after another must not keep every version of its text:
 * a statement, YAML resource or Terraform item parsed again after an edit and then kept while the
 * others are edited would keep its whole version of the text alive if what was parsed from it
 * were slices of that text. Measured as the live heap after a full collection.
 */

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const PIECES = 1500;
const EDITS = 10;

function liveHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

interface Shape {
  languageId: string;
  /** The document's text, with `Sid` values (or their equivalent) to edit at each `@`. */
  text: string;
}

function jsonPolicy(): Shape {
  const statement = (i: number) =>
    `    {\n      "Sid": "Read@${i}",\n      "Effect": "Allow",\n      "Action": ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStreamSummary"],\n      "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders-${i}"\n    }`;
  return { languageId: 'json', text: `{\n  "Version": "2012-10-17",\n  "Statement": [\n${Array.from({ length: PIECES }, (_, i) => statement(i)).join(',\n')}\n  ]\n}\n` };
}

function yamlTemplate(): Shape {
  const resource = (i: number) =>
    `  Reader${i}:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Sid: Read@${i}\n            Effect: Allow\n            Action: [kinesis:GetRecords, kinesis:GetShardIterator]\n            Resource: arn:aws:kinesis:us-east-1:111122223333:stream/orders-${i}\n`;
  return { languageId: 'yaml', text: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${Array.from({ length: PIECES }, (_, i) => resource(i)).join('')}` };
}

function terraform(): Shape {
  const item = (i: number) =>
    `resource "aws_iam_policy" "reader_${i}" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid      = "Read@${i}"\n      Effect   = "Allow"\n      Action   = ["kinesis:GetRecords", "kinesis:GetShardIterator"]\n      Resource = "arn:aws:kinesis:us-east-1:111122223333:stream/orders-${i}"\n    }]\n  })\n}\n\n`;
  return { languageId: 'terraform', text: Array.from({ length: PIECES }, (_, i) => item(i)).join('') };
}

/** Types a character into `EDITS` places spread over the document, checking it after each, as the server does. */
function editSpreadOut(service: PolicyLanguageService, shape: Shape): { textBytes: number; growth: number } {
  const places: number[] = [];
  let text = '';
  for (const part of shape.text.split('@')) {
    text += part;
    places.push(text.length);
  }
  places.pop();
  const uri = `file:///ws/large.${shape.languageId === 'terraform' ? 'tf' : shape.languageId}`;
  let document = TextDocument.create(uri, shape.languageId, 1, text);
  const policyFile = shape.languageId === 'json';
  let policy = policyFile ? service.parsePolicy(document) : undefined;
  let template = policyFile ? undefined : service.parseTemplate(document);
  const check = () =>
    policy ? service.doValidation(document, policy, OPTIONS) : service.templateDiagnostics(document, template!, OPTIONS);
  assert.ok(policy?.isPolicy ?? template, 'the document is read');
  const findings = check().length;
  const before = liveHeap();
  for (let i = 0; i < EDITS; i++) {
    // Earlier edits each added one character before this place.
    const at = document.positionAt(places[Math.floor(((i + 0.5) * places.length) / EDITS)] + i);
    document = TextDocument.update(document, [{ range: { start: at, end: at }, text: 'x' }], document.version + 1);
    if (policy) policy = service.updatePolicy(policy, document) ?? service.parsePolicy(document);
    else template = service.updateTemplate(template!, document) ?? service.parseTemplate(document);
    assert.equal(check().length, findings, 'a character typed into a Sid changes no finding');
  }
  return { textBytes: document.getText().length, growth: liveHeap() - before };
}

describe('text versions after edits spread over a large document', () => {
  let terraformAware: PolicyLanguageService;
  before(async () => {
    terraformAware = await terraformService();
  });

  // Ten kept versions would be ten times the text; the current one and the first (whose slices
  // the untouched parts of the first reading hold) are at most two, plus what the checks remember.
  for (const [name, shape, service] of [
    ['a JSON policy', jsonPolicy, () => jsonService],
    ['a YAML template', yamlTemplate, () => terraformAware],
    ['a Terraform file', terraform, () => terraformAware],
  ] as const) {
    it(`${name} keeps no version of its text it no longer needs`, () => {
      const { textBytes, growth } = editSpreadOut(service(), shape());
      assert.ok(growth < 4 * textBytes, `the live heap grew by ${(growth / 2 ** 20).toFixed(1)} MB over ${EDITS} edits of a ${(textBytes / 2 ** 20).toFixed(2)} MB text`);
    });
  }
});
