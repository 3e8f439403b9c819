import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Parser, Tree } from 'web-tree-sitter';
import type { PolicyLanguageService } from '../../../server/src/service';
import { terraformTemplateSteps } from '../../../server/src/service/hosts/terraform/terraformHost';
import { largeYaml } from '../../support/templates';
import { hclParser, largeTerraform, OPTIONS, terraformService } from '../../support/terraform';

const COPIES = 30;

/** A CloudFormation template in JSON: managed policies with a misspelt action each, and a stream. */
function largeJson(): string {
  const policies = Array.from({ length: COPIES * 4 }, (_, i): [string, unknown] => [
    `Read${i}`,
    {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kinesis:GetRecords', 'kinesis:GetRecord'], Resource: { 'Fn::GetAtt': ['Orders', 'Arn'] } }] } },
    },
  ]);
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Orders: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } }, ...Object.fromEntries(policies) } }, null, 2);
}

/** Runs steps to the end, counting the pauses they offer. */
function stepped<T>(steps: Generator<void, T, void>): { value: T; pauses: number } {
  for (let pauses = 0; ; pauses++) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
  }
}

const brief = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.severity} ${typeof d.message === 'string' ? d.message : d.message.value}`;

describe('templates read and checked in steps', () => {
  let service: PolicyLanguageService;
  before(async () => {
    service = await terraformService();
  });

  for (const [name, languageId, text] of [
    ['YAML', 'yaml', () => largeYaml(COPIES)],
    ['JSON', 'json', largeJson],
    ['Terraform', 'terraform', () => largeTerraform(COPIES)],
  ] as const) {
    it(`finds in a large ${name} template what reading and checking it at once finds, pausing at every resource`, () => {
      const source = text();
      const once = TextDocument.create(`file:///ws/once.${languageId}`, languageId, 1, source);
      const expected = service.templateDiagnostics(once, service.parseTemplate(once)!, OPTIONS);
      const document = TextDocument.create(`file:///ws/steps.${languageId}`, languageId, 1, source);
      const read = stepped(service.parseTemplateSteps(document));
      assert.ok(read.value, 'read as a template');
      const checked = stepped(service.templateDiagnosticsSteps(document, read.value, OPTIONS));
      assert.ok(expected.length >= COPIES, `${expected.length} findings`);
      assert.deepEqual(checked.value.map(brief), expected.map(brief));
      // At least a pause for each policy read and each checked: no step reads or checks them all.
      const policies = read.value.policies.length;
      assert.ok(policies >= COPIES && read.pauses >= policies && checked.pauses >= policies, `${policies} policies, ${read.pauses} and ${checked.pauses} pauses`);
    });
  }

  it('lets go of the parse trees a Terraform file holds when its reading stops part way', async () => {
    const parser = await hclParser();
    const held = new Set<Tree>();
    // The parser as the reading sees it: each tree it makes is counted until deleted.
    const counting = {
      parse(source: string) {
        const tree = parser.parse(source);
        if (tree) {
          held.add(tree);
          const remove = tree.delete.bind(tree);
          tree.delete = () => {
            held.delete(tree);
            remove();
          };
        }
        return tree;
      },
    } as unknown as Parser;
    const steps = terraformTemplateSteps(TextDocument.create('file:///ws/stopped.tf', 'terraform', 1, largeTerraform(COPIES)), counting);
    for (let i = 0; i < 20; i++) steps.next();
    assert.ok(held.size > 0, 'trees are held from one step to the next');
    steps.return(undefined);
    assert.equal(held.size, 0);
  });
});
