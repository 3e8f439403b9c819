import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { PolicyLocation } from '../../../server/src/service/hosts/cloudformation/policyLocations';
import type { BlockFacts } from '../../../server/src/service/hosts/terraform/hclItems';
import { terraformPrincipals } from '../../../server/src/service/hosts/terraform/principals';

/** A resource block with the links it names. */
function block(type: string, name: string, links: Record<string, string[]> = {}): BlockFacts {
  const linked = Object.entries(links).map(([key, refs]) => [key, refs.map((ref) => ({ path: ref.split('.'), text: ref }))] as const);
  return { labels: ['resource', type, name], literals: new Map(), links: new Map(linked), uses: [], files: [] };
}

/** An inline policy of a role policy resource, as the host reads it. */
function policyOf(resource: string): PolicyLocation {
  return { node: { type: 'map', start: 0, end: 0, entries: [], flow: false }, kind: 'identity', resource, resourceType: resource.split('.')[0], path: 'policy' };
}

describe('the principals of a Terraform file', () => {
  const blocks = [
    block('aws_iam_role', 'consumer'),
    block('aws_iam_role', 'producer'),
    block('aws_iam_role_policy', 'read', { role: ['aws_iam_role.consumer.id'] }),
    block('aws_iam_role_policy', 'iterate', { role: ['aws_iam_role.consumer.id'] }),
    block('aws_iam_role_policy', 'write', { role: ['aws_iam_role.producer.id'] }),
  ];
  const read = policyOf('aws_iam_role_policy.read');
  const iterate = policyOf('aws_iam_role_policy.iterate');
  const write = policyOf('aws_iam_role_policy.write');
  const stray = policyOf('aws_iam_policy.stray');

  it('group each principal’s policies, then the policies no principal owns', () => {
    const principals = terraformPrincipals(blocks, new Map());
    const groups = principals.groups([read, write, iterate, stray]);
    assert.deepEqual(
      groups.map((g) => [g.label, g.policies.map((p) => p.resource)]),
      [
        ['role aws_iam_role.consumer', ['aws_iam_role_policy.read', 'aws_iam_role_policy.iterate']],
        ['role aws_iam_role.producer', ['aws_iam_role_policy.write']],
        [undefined, ['aws_iam_policy.stray']],
      ],
    );
    assert.deepEqual(principals.owners(read), ['aws_iam_role.consumer']);
  });

  it('give the same groups again while their policies are the same, and a new one where a policy changed', () => {
    const principals = terraformPrincipals(blocks, new Map());
    const before = principals.groups([read, write, iterate, stray]);
    const again = principals.groups([read, write, iterate, stray]);
    assert.deepEqual(
      again.map((g, i) => g === before[i]),
      [true, true, true],
    );
    // The consumer's read policy written again (a keystroke in it): its group is made anew, the others kept.
    const edited = policyOf('aws_iam_role_policy.read');
    const after = principals.groups([edited, write, iterate, stray]);
    assert.notEqual(after[0], before[0]);
    assert.deepEqual(after[0].policies, [edited, iterate]);
    assert.equal(after[1], before[1]);
    assert.equal(after[2], before[2]);
  });
});
