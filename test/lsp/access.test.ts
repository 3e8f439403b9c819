import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { CheckAccessRequest, RunAccessTestsRequest } from '../../common/src/protocol';
import { LspClient } from '../support/lspClient';

const STREAM = 'arn:aws:kinesis:eu-west-1:111122223333:stream/orders';
const INTERN = 'arn:aws:iam::444455556666:role/intern';
const policy = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements.map((s) => ({ Effect: 'Allow', ...s })) }, null, 2);

describe('access over LSP', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client.stop();
  });

  it("answers from the policies the client read, counting a resource policy only for the resources it names, and offers what is missing", async () => {
    const identity = { uri: 'file:///ws/intern.json', text: policy({ Action: 'kinesis:GetRecords', Resource: `${STREAM}*` }) };
    const archive = { uri: 'file:///ws/orders-archive.stream-policy.json', text: policy({ Principal: { AWS: INTERN }, Action: 'kinesis:GetRecords', Resource: `${STREAM}-archive` }) };
    const result = await client.connection.sendRequest(CheckAccessRequest.type, {
      principal: INTERN,
      actions: ['kinesis:GetRecords'],
      resource: STREAM,
      identityPolicies: [identity],
      resourcePolicies: [archive, { uri: 'file:///ws/broken.json', text: '{' }],
    });
    assert.deepEqual(result.answers.map((a) => [a.action, a.decision]), [['kinesis:GetRecords', 'implicitly-denied']]);
    assert.deepEqual(result.problems, ['file:///ws/broken.json is not valid JSON; it was left out.']);
    // Across accounts the missing half is the stream's policy; none applies, so there is none to add it to.
    assert.deepEqual(result.fixes, []);
    const same = await client.connection.sendRequest(CheckAccessRequest.type, {
      actions: ['kinesis:PutRecord'],
      resource: STREAM,
      identityPolicies: [identity],
      resourcePolicies: [],
    });
    assert.deepEqual(same.fixes.map((f) => [f.uri, f.title]), [['file:///ws/intern.json', 'Add the missing permission to intern.json']]);
    assert.match(same.fixes[0].edits[0].newText, /"Sid": "AddedByCheckAccess"[\s\S]*"Action": "kinesis:PutRecord"/);
  });

  it('runs an access-test file on the texts it names, a failing test as a diagnostic on its name', async () => {
    const text = JSON.stringify(
      {
        policies: { identity: { [INTERN]: ['intern.json'] } },
        tests: [{ name: 'intern reads in its own account', principal: 'arn:aws:iam::111122223333:role/intern', action: 'kinesis:GetRecords', resource: STREAM, expect: 'allowed' }],
      },
      null,
      2,
    );
    const result = await client.connection.sendRequest(RunAccessTestsRequest.type, { uri: 'file:///ws/t.access.json', text, policies: { 'intern.json': policy() } });
    assert.deepEqual([result.passed, result.failed], [0, 1]);
    assert.equal(result.diagnostics[0].code, 'access-test/failed');
    const line = text.split('\n')[result.diagnostics[0].range.start.line];
    assert.match(line, /"name": "intern reads in its own account"/);
  });
});
