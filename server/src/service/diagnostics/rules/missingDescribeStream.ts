import { DESCRIBE_ACTIONS } from '../../kinesis/kinesisFacts';
import { at, policyRule, type PolicyRule, type RuleFinding, type RuleSeverityLevel } from '../engine/rule';
import type { RuleContext } from '../engine/ruleContext';
import { allNamed, deniedClause, describeResources, gapData, gapsBeside, type Gap } from '../helpers/jobs';

/** What differs between the producer's and the consumer's describe rule. */
interface DescribeRuleSpec<Code extends string> {
  code: Code;
  defaultSeverity: RuleSeverityLevel;
  /** The actions that show the job: the rule looks at the streams they are granted on. */
  markers: readonly string[];
  /** The finding's message for a gap, before the sentence about a Deny. */
  message(gap: Gap, resources: string): string;
  /** The severity of a gap's finding, when it differs from the default. */
  severity?(gap: Gap, context: RuleContext): RuleSeverityLevel | undefined;
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
    check(context) {
      const findings: RuleFinding[] = [];
      const seen = new Set<unknown>();
      for (const marker of spec.markers) {
        for (const gap of gapsBeside(context, marker, [DESCRIBE_ACTIONS])) {
          if (seen.has(gap.statement)) continue;
          seen.add(gap.statement);
          findings.push(
            at(gap.site, spec.message(gap, describeResources(gap.resources, 'stream')) + deniedClause(gap.deniedBy), {
              severity: spec.severity?.(gap, context),
              data: gapData(gap),
            }),
          );
        }
      }
      return findings;
    },
  });
}

/** A grant on named streams is an application's role; on every stream (`stream/*`, `*`) more likely a person's access. */
export function namedStreams(gap: Gap): boolean {
  return allNamed(gap.resources);
}
