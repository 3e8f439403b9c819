import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, closeAllEditors, codeActionsAt, codeOf, diagnosticsWhere, findAction, openPolicy, positionAfter, problems, withCode,
} from './helpers';

const WILDCARD = 'resource-policy/wildcard-action';

describe('Code actions', () => {
  afterEach(closeAllEditors);

  it('a quick fix replaces "kinesis:Get*" with the shareable actions and clears its diagnostic', async () => {
    const { document } = await openPolicy('share-stream.json');
    const found = await diagnosticsWhere(document.uri, WILDCARD, (d) => withCode(d, WILDCARD).length > 0);
    const [wildcard] = withCode(found, WILDCARD);
    const actions = await codeActionsAt(document.uri, wildcard.range, vscode.CodeActionKind.QuickFix.value);
    const fix = findAction(actions, 'Replace the wildcard with the shareable actions it covers');
    // Not checked: fix.diagnostics, which vscode.executeCodeActionProvider leaves out of what it returns.
    assert.equal(fix.isPreferred, true);

    await applyCodeAction(fix);
    // The diagnostic was there before the edit: only a check of the new text removes it.
    await diagnosticsWhere(document.uri, `${WILDCARD} to go`, (d) => withCode(d, WILDCARD).length === 0);
    assert.equal(document.getText(), FIXED_SHARE);
  });

  it('inserts the KCL consumer statements into a producer policy, with a placeholder for the unknown table', async () => {
    const { document } = await openPolicy('producer.json');
    const cursor = positionAfter(document, '"Statement": [');
    const actions = await codeActionsAt(document.uri, new vscode.Range(cursor, cursor), 'refactor.insert');
    const insert = findAction(actions, 'Add KCL consumer statements (KCL 1.x)');
    assert.equal(insert.kind?.value, 'refactor.insert');

    await applyCodeAction(insert);
    // producer.json has no placeholder: a diagnostic for one is from a check of the new text.
    const diagnostics = await diagnosticsWhere(document.uri, 'iam/placeholder', (d) => withCode(d, 'iam/placeholder').length > 0);
    assert.deepEqual(problems(diagnostics).map((d) => `${codeOf(d)} ${document.getText(d.range)}`), [
      'iam/placeholder APPLICATION_NAME',
    ]);
    const { Statement } = JSON.parse(document.getText()) as { Statement: { Action: string | string[]; Resource: string }[] };
    const granting = (action: string) => Statement.filter((s) => ([] as string[]).concat(s.Action).includes(action)).map((s) => s.Resource);
    assert.deepEqual(granting('kinesis:GetRecords'), ['arn:aws:kinesis:eu-west-1:111122223333:stream/order-events']);
    for (const action of ['dynamodb:CreateTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']) {
      assert.deepEqual(granting(action), ['arn:aws:dynamodb:eu-west-1:111122223333:table/APPLICATION_NAME'], action);
    }
    assert.deepEqual(granting('cloudwatch:PutMetricData'), ['*']);
  });
});

/** share-stream.json after the fix: in the wildcard's place the two stream actions it covers, one per line. */
const FIXED_SHARE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ShareOrderEvents",
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::444455556666:role/order-reader" },
      "Action": [
        "kinesis:GetRecords",
        "kinesis:GetShardIterator",
        "kinesis:DescribeStreamSummary",
        "kinesis:ListShards"
      ],
      "Resource": "arn:aws:kinesis:eu-west-1:111122223333:stream/order-events"
    }
  ]
}
`;
