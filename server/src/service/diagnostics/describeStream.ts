import { DESCRIBE_ACTIONS } from '../kinesis/kinesisFacts';
import type { PolicyRule } from './rule';
import { at } from './ruleContext';

/**
 * Producers and consumers check that the stream exists and is active before they use it: both
 * rules want DescribeStream or DescribeStreamSummary beside the actions that make the role.
 */
export function missingDescribeStream(code: string, role: 'consumer' | 'producer', markers: readonly string[]): PolicyRule {
  return {
    code,
    defaultSeverity: 'warning',
    kinds: ['identity'],
    check(context) {
      const marker = markers.find((a) => context.permissions.isGranted(a));
      if (!marker || DESCRIBE_ACTIONS.some((a) => context.permissions.isGranted(a))) return [];
      const site = context.grantSite(marker);
      if (!site) return [];
      const verb = role === 'consumer' ? 'read' : 'write';
      return [
        at(
          site,
          `This ${role} can ${verb} the stream but not describe it: before it ${verb}s, a ${role} checks that the stream ` +
            `exists and is active with ${DESCRIBE_ACTIONS.join(' or ')}. Grant one of them on the stream ` +
            '(DescribeStreamSummary for the KPL and KCL 2.x or later).',
          { data: { missing: [...DESCRIBE_ACTIONS] } },
        ),
      ];
    },
  };
}
