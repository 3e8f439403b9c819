import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { pathMatcher } from '../../server/src/filePatterns';
import { readSettings, settingsFor } from '../../server/src/settings';

describe('file patterns and the settings that use them', () => {
  it('match as VS Code file patterns do: folders, alternatives, dot folders', () => {
    const matches = pathMatcher(['**/*.resource-policy.json', '**/policies/{stream,consumer}-*.json', '', 7]);
    assert.equal(matches('/ws/a/b/orders.resource-policy.json'), true);
    assert.equal(matches('/ws/.github/x.resource-policy.json'), true);
    assert.equal(matches('/ws/policies/stream-orders.json'), true);
    assert.equal(matches('/ws/policies/table-orders.json'), false);
    assert.equal(matches('/ws/orders.json'), false);
    assert.equal(pathMatcher([])('/anything.json'), false);
    // A pattern picomatch refuses (too long) matches nothing, and the others of the setting still match.
    const long = pathMatcher([`**/${'a'.repeat(70_000)}.json`, '**/*.stream-policy.json']);
    assert.equal(long('/ws/orders.json'), false);
    assert.equal(long('/ws/orders.stream-policy.json'), true);
    assert.equal(long('/ws/orders.stream-policy.json'), true, 'asked again');
  });

  it('read a file as the kind its name says, with the defaults when an editor sends no settings', () => {
    const defaults = readSettings(undefined);
    assert.equal(settingsFor('file:///ws/kinesis.vpce-policy.json', defaults).policyKind, 'vpc-endpoint');
    assert.equal(settingsFor('file:///ws/orders-resource-policy.json', defaults).policyKind, 'resource');
    assert.equal(settingsFor('file:///ws/cross-account-read.stream-policy.json', defaults).policyKind, 'resource');
    assert.equal(settingsFor('file:///ws/efo-share.consumer-policy.json', defaults).policyKind, 'resource');
    assert.equal(settingsFor('file:///ws/orders.json', defaults).policyKind, 'auto');
    const custom = readSettings({ files: { identityPolicies: ['**/roles/*.json'], resourcePolicies: [] } });
    assert.equal(settingsFor('file:///ws/roles/reader.json', custom).policyKind, 'identity');
    assert.equal(settingsFor('file:///ws/orders.resource-policy.json', custom).policyKind, 'auto', 'an empty list turns the default off');
    assert.equal(settingsFor('file:///ws/my%20policies/x.resource-policy.json', defaults).policyKind, 'resource', 'percent-encoded paths');
  });

  it('read the most problems of a document, whole and at least one', () => {
    assert.equal(readSettings(undefined).maxProblems, 1000);
    assert.equal(readSettings({ validate: { maxProblems: 250.7 } }).maxProblems, 250);
    for (const bad of [0, -5, '300', null]) assert.equal(readSettings({ validate: { maxProblems: bad } }).maxProblems, 1000, String(bad));
  });
});
