import * as assert from 'node:assert/strict';
import { closeAllEditors, hoverTextAt, openPolicy, positionAfter } from './helpers';

describe('Hover', () => {
  after(closeAllEditors);

  it('shows the access level and the documentation link of kinesis:GetRecords', async () => {
    const editor = await openPolicy('consumer.json');
    const text = await hoverTextAt(editor.document, positionAfter(editor.document, '"kinesis:Get'));
    assert.ok(text.includes('Access level: **Read**'), `hover without the access level:\n${text}`);
    assert.ok(
      text.includes('[Documentation](https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html)'),
      `hover without the documentation link:\n${text}`,
    );
  });
});
