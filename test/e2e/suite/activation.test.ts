import * as assert from 'node:assert/strict';
import { closeAllEditors, openPolicy, serverOutput, waitFor } from './helpers';

describe('Activation', () => {
  after(closeAllEditors);

  it('starts the language server when a policy file is opened', async () => {
    // Not asserted inactive before: the workbench may load a JSONC model of its own at start
    // (seen with an installed extension), which activates the extension just as well.
    await openPolicy('consumer.json');
    // The server logs this line once the client has initialised it and it has loaded its IAM data.
    const output = await waitFor('the server to report its start', async () => {
      const text = await serverOutput();
      return /Kinesis Policy server \S+; IAM data of/.test(text) && text;
    });
    const problems = output.split('\n').filter((line) => /\[(error|warning)\]/i.test(line));
    assert.deepEqual(problems, [], 'the server output has errors');
  });
});
