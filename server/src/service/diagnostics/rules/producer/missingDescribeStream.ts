import * as l10n from '@vscode/l10n';
import { WRITE_ACTIONS } from '../../../kinesis/kinesisFacts';
import { missingDescribeStream } from '../missingDescribeStream';

/**
 * The developer guide has a producer check that the stream is active before it writes. That is
 * advice, not a failure at run time: the KPL lists shards with ListShards and never describes the
 * stream, and an SDK producer can write without describing. Information by default.
 */
export const producerMissingDescribeStream = missingDescribeStream({
  code: 'producer/missing-describe-stream',
  defaultSeverity: 'information',
  markers: WRITE_ACTIONS,
  message: (_gap, streams) =>
    l10n.t(
      'This producer can write to {0} but not describe it. The Kinesis developer guide has producers check that the stream exists and is active (DescribeStream or DescribeStreamSummary) before writing; the KPL does not describe the stream, so a KPL producer needs ListShards instead.',
      streams,
    ),
});
