import * as l10n from '@vscode/l10n';
import { CONSUMER_MARKER_ACTION, LIST_SHARDS_ACTION } from '../../../kinesis/kinesisFacts';
import { policyRule } from '../../engine/rule';
import { kclApplies, showsKclUse } from '../../helpers/consumerFacts';
import { gapFindings } from '../../helpers/jobs';

/**
 * Every current Kinesis Client Library (1.14, 2.x, 3.x) lists a stream's shards with ListShards
 * (KCL source, `KinesisShardDetector`; KDS developer guide, "IAM permissions required for KCL
 * consumer applications"). As for the other KCL findings, it is information until the policy
 * shows KCL use.
 */
export const kclMissingListShards = policyRule({
  code: 'kcl/missing-list-shards',
  defaultSeverity: 'warning',
  kinds: ['identity'],
  judges: 'principal',
  check(context) {
    if (!kclApplies(context)) return [];
    const kcl = showsKclUse(context);
    return gapFindings(context, [CONSUMER_MARKER_ACTION], [[LIST_SHARDS_ACTION]], {
      message: (_gap, streams) =>
        kcl
          ? l10n.t('This KCL consumer cannot list the shards of {0}: every current KCL (1.14, 2.x, 3.x) finds shards with {1}.', streams, LIST_SHARDS_ACTION)
          : l10n.t(
              'If this consumer uses the Kinesis Client Library (KCL), it cannot list the shards of {0}: every current KCL (1.14, 2.x, 3.x) finds shards with {1}.',
              streams,
              LIST_SHARDS_ACTION,
            ),
      advice: () => l10n.t('Grant it on the stream.'),
      severity: () => (kcl ? 'warning' : 'information'),
    });
  },
});
