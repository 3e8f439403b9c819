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
        `This looks like a Kinesis Producer Library (KPL) producer (PutRecords with ${METRICS_ACTION}), and it cannot list the shards of ` +
        `${streams}: the KPL 0.14 and later finds shards with ${LIST_SHARDS_ACTION}.`,
      advice: `Grant ${LIST_SHARDS_ACTION} on the stream.`,
      severity: () => severity,
    });
  },
});
