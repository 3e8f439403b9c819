import { WRITE_ACTIONS } from '../../../kinesis/kinesisFacts';
import { missingDescribeStream } from '../missingDescribeStream';

export const producerMissingDescribeStream = missingDescribeStream('producer/missing-describe-stream', 'producer', WRITE_ACTIONS);
