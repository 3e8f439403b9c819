/**
 * What Kinesis Data Streams adds to IAM, in one place. Everything else about actions, resource
 * types and condition keys comes from the catalog data.
 *
 * Sources:
 * - [KDS-IAM] Kinesis Data Streams Developer Guide, "Controlling access to Amazon Kinesis Data
 *   Streams resources using IAM": resource-based policies, shareable actions, restrictions.
 * - [KDS-TUTORIAL] Kinesis Data Streams Developer Guide, "Step 2: Create an IAM Policy and User":
 *   producer and consumer permissions, the KCL lease table and metrics.
 * - [KCL] Kinesis Client Library documentation and source, for the 2.x and 3.x permission sets.
 * - [KPL] Kinesis Producer Library documentation.
 */

/** Actions a Kinesis resource-based policy may grant, and on which resource. [KDS-IAM] */
export const SHAREABLE_ACTIONS: Readonly<Record<string, 'stream' | 'consumer'>> = {
  'kinesis:DescribeStreamSummary': 'stream',
  'kinesis:GetRecords': 'stream',
  'kinesis:GetShardIterator': 'stream',
  'kinesis:ListShards': 'stream',
  'kinesis:PutRecord': 'stream',
  'kinesis:PutRecords': 'stream',
  'kinesis:DescribeStreamConsumer': 'consumer',
  'kinesis:SubscribeToShard': 'consumer',
};

/** Principal types a Kinesis resource-based policy rejects. [KDS-IAM] */
export const DISALLOWED_PRINCIPAL_TYPES: readonly string[] = ['Service', 'Federated', 'CanonicalUser'];

/** A Kinesis resource-based policy may not exceed 20 KB. [KDS-IAM] */
export const RESOURCE_POLICY_MAX_BYTES = 20 * 1024;
