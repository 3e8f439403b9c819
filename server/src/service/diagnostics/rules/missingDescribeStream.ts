import { hasWildcard } from '../../catalog/wildcard';
import { DESCRIBE_ACTIONS } from '../../kinesis/kinesisFacts';
import { at, policyRule, type PolicyRule } from '../engine/rule';

/**
 * Producers and consumers check that the stream exists and is active before they use it: both
 * rules want DescribeStream or DescribeStreamSummary beside the actions that make the role.
 * A grant on named streams is an application's role: a warning. A grant on every stream
 * (`stream/*`, `*`) is more likely a person's access, as in the developer guide's "add data to
 * any stream" example: information only.
 */
export function missingDescribeStream<Code extends string>(code: Code, role: 'consumer' | 'producer', markers: readonly string[]): PolicyRule<Code> {
  return policyRule({
    code,
    defaultSeverity: 'warning',
    kinds: ['identity'],
    check(context) {
      const marker = markers.find((a) => context.access.isGranted(a));
      if (!marker || DESCRIBE_ACTIONS.some((a) => context.access.isGranted(a))) return [];
      const site = context.grantSite(marker);
      const statement = context.access.allowsOf(marker)[0];
      if (!site || !statement) return [];
      const named = (statement.resource?.values ?? []).some((r) => !hasWildcard(r.value));
      const verb = role === 'consumer' ? 'read' : 'write';
      return [
        at(
          site,
          `${named ? `This ${role} can` : `If this policy is for a ${role} application, it can`} ${verb} the stream but not describe it: ` +
            `before it ${verb}s, a ${role} checks that the stream exists and is active with ${DESCRIBE_ACTIONS.join(' or ')}. ` +
            'Grant one of them on the stream (DescribeStreamSummary for the KPL and KCL 2.x or later).',
          { severity: named ? 'warning' : 'information', data: { missing: [...DESCRIBE_ACTIONS] } },
        ),
      ];
    },
  });
}
