import * as l10n from '@vscode/l10n';
import { LIST_SHARDS_ACTION, METRICS_ACTION } from '../../../kinesis/kinesisFacts';
import { policyRule } from '../../engine/rule';
import { isConsumer } from '../../helpers/consumerFacts';
import { gapFindings } from '../../helpers/jobs';

const PUT_RECORDS = 'kinesis:PutRecords';

/**
 * A policy that grants PutRecords with cloudwatch:PutMetricData is shaped like a Kinesis Producer
 * Library producer's: the KPL 0.14 and later finds a stream's shards with ListShards (KPL source,
 * `shard_map.cc`), so it fails on a stream it cannot list.
 */
export const producerMissingListShards = policyRule({
  code: 'producer/missing-list-shards',
  defaultSeverity: 'warning',
  kinds: ['identity'],
  judges: 'principal',
  check(context) {
    if (!context.access.isGranted(PUT_RECORDS) || !context.access.isGranted(METRICS_ACTION)) return [];
    // In a consumer's policy the metrics may be the KCL's, and the writer an SDK one: only a note then.
    const severity = isConsumer(context) ? 'information' : undefined;
    return gapFindings(context, [PUT_RECORDS], [[LIST_SHARDS_ACTION]], {
      message: (_gap, streams) =>
        l10n.t(
          'This looks like a Kinesis Producer Library (KPL) producer (PutRecords with {0}), and it cannot list the shards of {1}: the KPL 0.14 and later finds shards with {2}.',
          METRICS_ACTION,
          streams,
          LIST_SHARDS_ACTION,
        ),
      advice: () => l10n.t('Grant {0} on the stream.', LIST_SHARDS_ACTION),
      severity: () => severity,
    });
  },
});
