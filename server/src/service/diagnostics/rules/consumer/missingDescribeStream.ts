import { CONSUMER_MARKER_ACTION } from '../../../kinesis/kinesisFacts';
import { missingDescribeStream } from '../missingDescribeStream';

export const consumerMissingDescribeStream = missingDescribeStream('consumer/missing-describe-stream', 'consumer', [CONSUMER_MARKER_ACTION]);
