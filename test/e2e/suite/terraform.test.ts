import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyCodeAction, closeAllEditors, codeActionsAt, completionsAt, diagnosticsWhere, findAction, labelOf, openPolicy, positionAfter, rangeOf, withCode } from './helpers';

// A Terraform configuration whose policy document has a typo in an action.
const MAIN = 'terraform/main.tf';

describe('Terraform', () => {
  afterEach(closeAllEditors);

  it('checks a .tf file: the finding sits on the action in the HCL, and its fix edits the string', async () => {
    const { document } = await openPolicy(MAIN);
    assert.equal(document.languageId, 'terraform');
    const found = await diagnosticsWhere(document.uri, 'iam/unknown-action', (d) => withCode(d, 'iam/unknown-action').length > 0);
    const [unknown] = withCode(found, 'iam/unknown-action');
    assert.ok(unknown.range.isEqual(rangeOf(document, '"kinesis:PutRecordz"')), `range is ${document.getText(unknown.range)}`);
    const before = document.getText();
    await applyCodeAction(findAction(await codeActionsAt(document.uri, unknown.range, vscode.CodeActionKind.QuickFix.value), 'Change to kinesis:PutRecord'));
    try {
      assert.equal(document.getText(), before.replace('kinesis:PutRecordz', 'kinesis:PutRecord'));
    } finally {
      await vscode.commands.executeCommand('undo');
    }
  });

  it('adds a missing action to the list, written as an HCL string', async () => {
    const { document } = await openPolicy(MAIN);
    const before = document.getText();
    const found = await diagnosticsWhere(document.uri, 'producer/missing-describe-stream', (d) => withCode(d, 'producer/missing-describe-stream').length > 0);
    const [missing] = withCode(found, 'producer/missing-describe-stream');
    await applyCodeAction(findAction(await codeActionsAt(document.uri, missing.range, vscode.CodeActionKind.QuickFix.value), 'Add kinesis:DescribeStreamSummary'));
    try {
      assert.equal(document.getText(), before.replace('"kinesis:ListShards"]', '"kinesis:ListShards", "kinesis:DescribeStreamSummary"]'));
    } finally {
      await vscode.commands.executeCommand('undo');
    }
  });

  it('completes an action inside an HCL string', async () => {
    const { document } = await openPolicy(MAIN);
    const items = await completionsAt(document, positionAfter(document, '"kinesis:List'));
    assert.ok(items.map(labelOf).includes('kinesis:ListShards'), items.map(labelOf).slice(0, 10).join(', '));
  });
});
