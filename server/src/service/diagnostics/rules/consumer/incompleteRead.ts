import { READ_ACTIONS } from '../../../kinesis/kinesisFacts';
import { at, policyRule, type RuleFinding } from '../../engine/rule';
import { describeResources, gapAdvice, gapData, gapsBeside } from '../../helpers/jobs';

/**
 * GetRecords needs a shard iterator from GetShardIterator, and an iterator is only good for
 * GetRecords: on each stream the policy reads, both must be allowed. Asked of the evaluation core
 * stream by stream, so that GetShardIterator on another stream, or a Deny, is seen.
 */
export const incompleteRead = policyRule({
  code: 'consumer/incomplete-read',
  defaultSeverity: 'warning',
  kinds: ['identity'],
  check(context) {
    const findings: RuleFinding[] = [];
    for (const [present, missing] of [READ_ACTIONS, [...READ_ACTIONS].reverse()]) {
      for (const gap of gapsBeside(context, present, [[missing]])) {
        findings.push(
          at(
            gap.site,
            `${present} is granted on ${describeResources(gap.resources, 'stream')} without ${missing}: a consumer reads a shard by getting ` +
              'an iterator (GetShardIterator) and then its records (GetRecords), so one is no use without the other.' +
              gapAdvice(gap, `Grant ${missing} on the same stream.`),
            { data: gapData(gap) },
          ),
        );
      }
    }
    return findings;
  },
});
