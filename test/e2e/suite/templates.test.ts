import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction,
  closeAllEditors,
  codeActionsAt,
  codeOf,
  completionsAt,
  diagnosticsWhere,
  findAction,
  findItem,
  accept,
  hoverTextAt,
  labelOf,
  openPolicy,
  positionAfter,
  rangeOf,
  withCode,
} from './helpers';

// A CloudFormation template in YAML with a typo in an action, and CDK output in JSON.
const TEMPLATE = 'stacks/orders.yaml';
const CDK = 'cdk.out/ProducerStack.template.json';

describe('Templates', () => {
  afterEach(closeAllEditors);

  it('checks a YAML template: the finding sits on the action in the YAML, with its code', async () => {
    const { document } = await openPolicy(TEMPLATE);
    assert.equal(document.languageId, 'yaml');
    const found = await diagnosticsWhere(document.uri, 'iam/unknown-action', (d) => withCode(d, 'iam/unknown-action').length > 0);
    const [unknown] = withCode(found, 'iam/unknown-action');
    assert.ok(unknown.range.isEqual(rangeOf(document, 'kinesis:PutRecordz')), `range is "${document.getText(unknown.range)}"`);
    assert.match(unknown.message, /Did you mean kinesis:PutRecord\?/);
  });

  it('fixes it in YAML, keeping the comment, and the finding goes', async () => {
    const editor = await openPolicy(TEMPLATE);
    const { document } = editor;
    const before = document.getText();
    const [unknown] = withCode(await diagnosticsWhere(document.uri, 'iam/unknown-action', (d) => withCode(d, 'iam/unknown-action').length > 0), 'iam/unknown-action');
    const fix = findAction(await codeActionsAt(document.uri, unknown.range, vscode.CodeActionKind.QuickFix.value), 'Change to kinesis:PutRecord');
    await applyCodeAction(fix);
    try {
      assert.equal(document.getText(), before.replace('kinesis:PutRecordz', 'kinesis:PutRecord'));
      await diagnosticsWhere(document.uri, 'iam/unknown-action to go', (d) => withCode(d, 'iam/unknown-action').length === 0);
    } finally {
      await vscode.commands.executeCommand('undo');
    }
  });

  it('fixes all of the template from the source actions, the edit made when VS Code resolves the action', async () => {
    const { document } = await openPolicy(TEMPLATE);
    const before = document.getText();
    await diagnosticsWhere(document.uri, 'iam/unknown-action', (d) => withCode(d, 'iam/unknown-action').length > 0);
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(before.length));
    const fixAll = findAction(await codeActionsAt(document.uri, whole, vscode.CodeActionKind.SourceFixAll.value), 'Fix all Kinesis Policy problems');
    await applyCodeAction(fixAll);
    try {
      assert.equal(document.getText(), before.replace('kinesis:PutRecordz', 'kinesis:PutRecord'));
    } finally {
      await vscode.commands.executeCommand('undo');
    }
  });

  it('hovers an intrinsic function with the value it stands for, and completes the template’s own resources', async () => {
    const { document } = await openPolicy(TEMPLATE);
    const hover = await hoverTextAt(document, positionAfter(document, '!GetAtt Ord'));
    assert.match(hover, /Read as `arn:\$\{AWS::Partition\}:kinesis:\$\{AWS::Region\}:\$\{AWS::AccountId\}:stream\/orders`/);
    const items = await completionsAt(document, positionAfter(document, '!GetAtt Ord'));
    assert.ok(items.map(labelOf).includes('!GetAtt Orders.Arn'), items.map(labelOf).slice(0, 10).join(', '));
  });

  it('completes a new list item where nothing is written yet, and the accepted action reads as YAML', async () => {
    const editor = await openPolicy(TEMPLATE);
    const { document } = editor;
    const end = positionAfter(document, 'kinesis:ListShards');
    assert.ok(await editor.edit((edit) => edit.insert(end, '\n              - ')));
    const cursor = document.lineAt(end.line + 1).range.end;
    const item = findItem(await completionsAt(document, cursor), 'kinesis:');
    await accept(editor, item);
    assert.equal(document.lineAt(end.line + 1).text, "              - 'kinesis:'");
    const actions = await completionsAt(document, document.lineAt(end.line + 1).range.end.translate(0, -1));
    assert.ok(actions.map(labelOf).includes('kinesis:DescribeStreamSummary'), actions.map(labelOf).slice(0, 10).join(', '));
  });

  it('checks CDK output in JSON, naming the construct path', async () => {
    const { document } = await openPolicy(CDK);
    const found = await diagnosticsWhere(document.uri, 'iam/unknown-action', (d) => withCode(d, 'iam/unknown-action').length > 0);
    const [unknown] = withCode(found, 'iam/unknown-action');
    assert.equal(codeOf(unknown), 'iam/unknown-action');
    assert.match(unknown.message, /\(ProducerStack\/ProducerPolicy\/Resource\)$/);
  });
});
