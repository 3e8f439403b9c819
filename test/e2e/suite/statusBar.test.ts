import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extension, openPolicy, waitFor } from './helpers';

/** The part of the extension's API this test uses (see `activate` in client/src/extension.ts). */
interface Api {
  policyKind: { shown: { text: string; tooltip: string } | undefined };
}

describe('Status bar', () => {
  afterEach(closeAllEditors);

  const shown = () => (extension().exports as Api).policyKind.shown;

  it('says how the active policy is read and what decided it, and follows the active editor', async () => {
    await openPolicy('producer.json');
    const identity = await waitFor('the identity policy status', () => shown()?.text === '$(shield) Identity policy' && shown());
    assert.match(identity.tooltip, /identity policy .* from its content/);
    assert.match(identity.tooltip, /Click to change how policies are read/);

    await openPolicy('share-stream.json');
    const share = await waitFor('the stream policy status', () => shown()?.text === '$(shield) Kinesis resource policy (stream)' && shown());
    assert.match(share.tooltip, /a Kinesis resource policy on a stream, from its content/);

    await vscode.window.showTextDocument((await openPolicy('producer.json')).document);
    await waitFor('the identity status again', () => shown()?.text === '$(shield) Identity policy');
  });

  it('hides on JSON that is not a policy', async () => {
    await openPolicy('producer.json');
    await waitFor('the identity policy status', () => shown());
    await openPolicy('package.json');
    await waitFor('the status to hide', () => shown() === undefined);
  });
});
