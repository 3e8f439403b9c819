import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, extension, openPolicy, positionAfter, waitFor } from './helpers';

const STREAM = 'arn:aws:kinesis:eu-west-1:111122223333:stream/orders';
const ANALYTICS = 'arn:aws:iam::444455556666:role/order-analytics';

interface Answer {
  action: string;
  decision: string;
  statements: { file: string; line: number; sid?: string; effect: string; policy: string }[];
}
interface Result {
  answers: Answer[];
  problems: string[];
}
/** The part of the extension's API this test uses (see `activate` in client/src/extension.ts). */
interface Api {
  accessView: vscode.TreeDataProvider<unknown> & { shown: Result };
  accessTests: { lastRun: Map<string, { passed: number; failed: number }> };
}

const check = (question: Record<string, unknown>) => vscode.commands.executeCommand<Result>('kinesisPolicy.checkAccess', question);
const decisions = (result: Result) => result.answers.map((a) => `${a.action} ${a.decision}`);

describe('Check Access', () => {
  afterEach(closeAllEditors);
  after(async () => {
    await vscode.workspace.getConfiguration('kinesisPolicy.access').update('identityPolicies', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it("answers from the open identity policy, naming the deciding statements, and shows them in the Kinesis Access view", async () => {
    await openPolicy('access/reader.json');
    const result = await check({ actions: ['kinesis:GetRecords', 'kinesis:PutRecord', 'kinesis:DeleteStream'], resource: STREAM });
    assert.deepEqual(decisions(result), ['kinesis:GetRecords allowed', 'kinesis:PutRecord explicitly-denied', 'kinesis:DeleteStream implicitly-denied']);
    assert.deepEqual(
      result.answers.map((a) => a.statements.map((s) => `${s.file.split('/').pop()}:${s.line} ${s.sid} ${s.effect}`)),
      [['reader.json:4 ReadOrders Allow'], ['reader.json:10 NoWrites Deny'], []],
    );
    // The view: a summary, then each answer with its statements under it.
    const view = (extension().exports as Api).accessView;
    const roots = (await view.getChildren()) as unknown[];
    const labels = await Promise.all(roots.map(async (n) => (await view.getTreeItem(n)).label));
    assert.deepEqual(labels, [
      "The resource's own account: 1 of 3 allowed",
      'kinesis:GetRecords',
      'kinesis:PutRecord',
      'kinesis:DeleteStream',
      // What no policy allows can be added; the explicit Deny is left to the user.
      'Add the missing permission to reader.json',
    ]);
    const put = await view.getTreeItem(roots[2]);
    assert.match(String(put.description), /^denied by an explicit Deny/);
    const [deny] = (await view.getChildren(roots[2])) as unknown[];
    const denyItem = await view.getTreeItem(deny);
    assert.equal(denyItem.label, 'Deny "NoWrites"');
    assert.equal(denyItem.command?.command, 'vscode.open');
  });

  it('needs both halves across accounts: the principal mapped to its policy, the stream policy found by its name', async () => {
    await vscode.workspace.getConfiguration('kinesisPolicy.access').update('identityPolicies', { [ANALYTICS]: ['access/reader.json'] }, vscode.ConfigurationTarget.Workspace);
    const allowed = await check({ principal: ANALYTICS, job: 'cross-account-reader', resource: STREAM });
    assert.ok(allowed.answers.length >= 4);
    assert.deepEqual(allowed.answers.filter((a) => a.decision !== 'allowed').map((a) => a.action), []);
    assert.deepEqual(new Set(allowed.answers[0].statements.map((s) => s.policy)), new Set(['identity', 'resource']));
    // Another role of that account is not the one the stream's policy names.
    await vscode.workspace.getConfiguration('kinesisPolicy.access').update('identityPolicies', { 'arn:aws:iam::444455556666:role/*': ['access/reader.json'] }, vscode.ConfigurationTarget.Workspace);
    const other = await check({ principal: 'arn:aws:iam::444455556666:role/intern', actions: ['kinesis:GetRecords'], resource: STREAM });
    assert.deepEqual(decisions(other), ['kinesis:GetRecords implicitly-denied']);
  });

  it('leaves a condition open until the request context settles it', async () => {
    await openPolicy('access/tls-reader.json');
    const open = await check({ actions: ['kinesis:GetRecords'], resource: STREAM });
    assert.deepEqual(decisions(open), ['kinesis:GetRecords conditional']);
    assert.deepEqual((open.answers[0].statements[0] as { conditions?: string[] }).conditions, ['Bool aws:SecureTransport: true'], 'the keys and values that decide');
    await openPolicy('access/tls-reader.json');
    assert.deepEqual(decisions(await check({ actions: ['kinesis:GetRecords'], resource: STREAM, context: { 'aws:SecureTransport': 'true' } })), ['kinesis:GetRecords allowed']);
  });

  it('asks again as the policy is edited', async () => {
    const editor = await openPolicy('access/reader.json');
    await check({ actions: ['kinesis:GetShardIterator'], resource: STREAM });
    const view = (extension().exports as Api).accessView;
    assert.deepEqual(decisions(view.shown), ['kinesis:GetShardIterator allowed']);
    const at = positionAfter(editor.document, '"kinesis:GetRecords", ');
    const iterator = new vscode.Range(at, editor.document.positionAt(editor.document.offsetAt(at) + '"kinesis:GetShardIterator"'.length));
    assert.ok(await editor.edit((e) => e.replace(iterator, '"kinesis:GetRecords"')));
    await waitFor('the answer to change', () => decisions(view.shown)[0] === 'kinesis:GetShardIterator implicitly-denied');
  });

  it('shows a failing access test as a diagnostic on the test file, and runs the tests again when a policy changes', async () => {
    const tests = await openPolicy('access/orders.access.json');
    const failing = await waitFor('the failing test', () => {
      const found = vscode.languages.getDiagnostics(tests.document.uri).filter((d) => codeOf(d) === 'access-test/failed');
      return found.length > 0 && found;
    });
    assert.equal(failing.length, 1);
    assert.equal(tests.document.getText(failing[0].range), '"analytics registers a consumer"');
    assert.match(failing[0].message, /expects allowed, but kinesis:RegisterStreamConsumer on .*: implicitly-denied/);
    // Both halves grant it: the identity policy (edited, unsaved) and the stream policy.
    for (const file of ['access/reader.json', 'access/orders.stream-policy.json']) {
      const editor = await openPolicy(file);
      const at = positionAfter(editor.document, '"kinesis:GetShardIterator"');
      assert.ok(await editor.edit((e) => e.insert(at, ', "kinesis:RegisterStreamConsumer"')));
    }
    await waitFor('the test to pass', () => vscode.languages.getDiagnostics(tests.document.uri).filter((d) => codeOf(d) === 'access-test/failed').length === 0);
    assert.deepEqual((extension().exports as Api).accessTests.lastRun.get(tests.document.uri.toString()), { passed: 2, failed: 0 });
  });

  it('for a job, offers to add exactly what is missing to the policy, which then allows it all', async () => {
    const { document } = await openPolicy('access/kcl-app.json');
    const question = { job: 'kcl-consumer', kclVersion: '2.x', resource: STREAM, table: 'arn:aws:dynamodb:eu-west-1:111122223333:table/OrdersApp' };
    const before = await check(question);
    const missing = before.answers.filter((a) => a.decision !== 'allowed').map((a) => a.action);
    assert.ok(missing.includes('kinesis:ListShards') && missing.includes('dynamodb:CreateTable') && missing.includes('cloudwatch:PutMetricData'), missing.join(', '));
    const [fix] = (before as Result & { fixes: { uri: string; title: string }[] }).fixes;
    assert.equal(fix.title, `Add the ${missing.length} missing permissions to kcl-app.json`);
    assert.equal(fix.uri, document.uri.toString());
    await vscode.commands.executeCommand('kinesisPolicy.applyAccessFix', fix);
    assert.match(document.getText(), /"Sid": "AddedByCheckAccess"/);
    const after = await check(question);
    assert.deepEqual(after.answers.filter((a) => a.decision !== 'allowed').map((a) => a.action), []);
  });

  describe('on the payments stream', () => {
    const PAYMENTS = 'arn:aws:kinesis:eu-west-1:111122223333:stream/payments';
    const PARTNER = 'arn:aws:iam::777788889999:role';
    before(async () => {
      await vscode.workspace.getConfiguration('kinesisPolicy.access').update('identityPolicies', { [`${PARTNER}/*`]: ['access/partner.json'] }, vscode.ConfigurationTarget.Workspace);
    });

    it('reads NotAction, NotResource and wildcards in actions and ARNs', async () => {
      await openPolicy('access/payments-app.json');
      assert.deepEqual(decisions(await check({ actions: ['kinesis:PutRecord', 'kinesis:DeleteStream', 'kinesis:GetRecords'], resource: PAYMENTS })), [
        'kinesis:PutRecord allowed',
        'kinesis:DeleteStream implicitly-denied',
        'kinesis:GetRecords allowed',
      ]);
      await openPolicy('access/payments-app.json');
      assert.deepEqual(decisions(await check({ actions: ['kinesis:GetRecords'], resource: STREAM })), ['kinesis:GetRecords explicitly-denied']);
    });

    it("lets an explicit Deny in the resource's policy win across accounts", async () => {
      const partner = await check({ principal: `${PARTNER}/analyst`, actions: ['kinesis:GetRecords'], resource: PAYMENTS });
      assert.deepEqual(decisions(partner), ['kinesis:GetRecords allowed']);
      const contractor = await check({ principal: `${PARTNER}/contractor`, actions: ['kinesis:GetRecords'], resource: PAYMENTS });
      assert.deepEqual(decisions(contractor), ['kinesis:GetRecords explicitly-denied']);
      assert.deepEqual(contractor.answers[0].statements.map((s) => `${s.sid} ${s.policy}`), ['NotTheContractor resource']);
    });

    it('shares an enhanced fan-out consumer across accounts: the stream policy for the stream, the consumer policy for the consumer', async () => {
      const result = await check({ principal: `${PARTNER}/fraud-detector`, job: 'efo-consumer', resource: PAYMENTS, consumer: 'fraud:1700000000' });
      assert.deepEqual(result.answers.filter((a) => a.decision !== 'allowed').map((a) => `${a.action} ${a.decision}`), []);
      const subscribe = result.answers.find((a) => a.action === 'kinesis:SubscribeToShard');
      assert.ok(subscribe?.statements.some((s) => s.sid === 'PartnerSubscribes'));
      const other = await check({ principal: `${PARTNER}/analyst`, actions: ['kinesis:SubscribeToShard'], resource: `${PAYMENTS}/consumer/fraud:1700000000` });
      assert.deepEqual(decisions(other), ['kinesis:SubscribeToShard implicitly-denied'], 'the consumer is shared with the fraud detector only');
    });

    it("asks every request of each job, for every KCL version", async () => {
      const sizes: Record<string, number> = {};
      for (const kclVersion of ['1.x', '2.x', '3.x']) {
        await openPolicy('access/payments-app.json');
        const result = await check({ job: 'kcl-consumer', kclVersion, resource: PAYMENTS, table: 'arn:aws:dynamodb:eu-west-1:111122223333:table/PaymentsApp' });
        assert.deepEqual(result.answers.filter((a) => a.decision !== 'allowed').map((a) => a.action), [], kclVersion);
        sizes[kclVersion] = result.answers.length;
      }
      assert.ok(sizes['1.x'] < sizes['2.x'] && sizes['2.x'] < sizes['3.x'], JSON.stringify(sizes));
      for (const job of ['producer', 'efo-consumer']) {
        await openPolicy('access/payments-app.json');
        const result = await check({ job, resource: PAYMENTS });
        assert.deepEqual(result.answers.filter((a) => a.decision !== 'allowed').map((a) => a.action), [], job);
      }
    });
  });
});
