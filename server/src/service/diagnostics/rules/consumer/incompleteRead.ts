import * as l10n from '@vscode/l10n';
import { READ_ACTIONS } from '../../../kinesis/kinesisFacts';
import { policyRule } from '../../engine/rule';
import { gapFindings } from '../../helpers/jobs';

/**
 * GetRecords needs a shard iterator from GetShardIterator, and an iterator is only good for
 * GetRecords: on each stream the policy reads, both must be allowed. Asked of the evaluation core
 * stream by stream, so that GetShardIterator on another stream, or a Deny, is seen.
 */
export const incompleteRead = policyRule({
  code: 'consumer/incomplete-read',
  defaultSeverity: 'warning',
  kinds: ['identity'],
  judges: 'principal',
  check: (context) =>
    [READ_ACTIONS, [...READ_ACTIONS].reverse()].flatMap(([present, missing]) =>
      gapFindings(context, [present], [[missing]], {
        message: (_gap, streams) =>
          l10n.t(
            '{0} is granted on {1} without {2}: a consumer reads a shard by getting an iterator (GetShardIterator) and then its records (GetRecords), so one is no use without the other.',
            present,
            streams,
            missing,
          ),
        advice: () => l10n.t('Grant {0} on the same stream.', missing),
      }),
    ),
});
