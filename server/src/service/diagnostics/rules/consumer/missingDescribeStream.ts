import * as l10n from '@vscode/l10n';
import { CONSUMER_MARKER_ACTION } from '../../../kinesis/kinesisFacts';
import { missingDescribeStream, namedStreams } from '../missingDescribeStream';

/**
 * A consumer checks the stream before it reads (KDS developer guide; KCL 2.x and later use
 * DescribeStreamSummary). Named streams: a warning; every stream, as in a person's read access:
 * information only.
 */
export const consumerMissingDescribeStream = missingDescribeStream({
  code: 'consumer/missing-describe-stream',
  defaultSeverity: 'warning',
  markers: [CONSUMER_MARKER_ACTION],
  message: (gap, streams) =>
    namedStreams(gap)
      ? l10n.t(
          'This consumer can read {0} but not describe it: before it reads, a consumer checks that the stream exists and is active with DescribeStream or DescribeStreamSummary (the KCL 2.x and later use DescribeStreamSummary).',
          streams,
        )
      : l10n.t(
          'If this policy is for a consumer application, it can read {0} but not describe it: before it reads, a consumer checks that the stream exists and is active with DescribeStream or DescribeStreamSummary (the KCL 2.x and later use DescribeStreamSummary).',
          streams,
        ),
  severity: (gap) => (namedStreams(gap) ? undefined : 'information'),
});
