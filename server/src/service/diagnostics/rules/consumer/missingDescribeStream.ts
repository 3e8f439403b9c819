import { CONSUMER_MARKER_ACTION } from '../../../kinesis/kinesisFacts';
import { missingDescribeStream } from '../../describeStream';

export const consumerMissingDescribeStream = missingDescribeStream('consumer/missing-describe-stream', 'consumer', [CONSUMER_MARKER_ACTION]);
