import { hasWildcard } from '../../catalog/wildcard';
import { DESCRIBE_ACTIONS } from '../../kinesis/kinesisFacts';
import { policyRule, type PolicyRule, type RuleSeverityLevel } from '../engine/rule';
import { gapFindings, type Gap, type GapWords } from '../helpers/jobs';

/** What differs between the producer's and the consumer's describe rule. */
interface DescribeRuleSpec<Code extends string> extends GapWords {
  code: Code;
  defaultSeverity: RuleSeverityLevel;
  /** The actions that show the job: the rule looks at the streams they are granted on. */
  markers: readonly string[];
}

/**
 * Producers and consumers check that a stream exists and is active before they use it, with
 * DescribeStream or DescribeStreamSummary: on each stream a marker action is granted on, one of
 * the two must be allowed.
 */
export function missingDescribeStream<Code extends string>(spec: DescribeRuleSpec<Code>): PolicyRule<Code> {
  return policyRule({
    code: spec.code,
    defaultSeverity: spec.defaultSeverity,
    kinds: ['identity'],
    judges: 'principal',
    check: (context) => gapFindings(context, spec.markers, [DESCRIBE_ACTIONS], spec),
  });
}

/** A grant on named streams is an application's role; on every stream (`stream/*`, `*`) more likely a person's access. */
export function namedStreams(gap: Gap): boolean {
  return gap.resources.every((r) => !hasWildcard(r));
}
