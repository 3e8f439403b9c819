import { READ_ACTIONS } from '../../../kinesis/kinesisFacts';
import { at, policyRule } from '../../engine/rule';

/** GetRecords needs a shard iterator from GetShardIterator, and an iterator is only good for GetRecords. */
export const incompleteRead = policyRule({
  code: 'consumer/incomplete-read',
  defaultSeverity: 'warning',
  kinds: ['identity'],
  check(context) {
    const [records, iterator] = READ_ACTIONS.map((a) => context.access.isGranted(a));
    if (records === iterator) return [];
    const [present, missing] = records ? READ_ACTIONS : [...READ_ACTIONS].reverse();
    const site = context.grantSite(present);
    if (!site) return [];
    return [
      at(
        site,
        `${present} is granted without ${missing}: a consumer reads a shard by getting an iterator (GetShardIterator) ` +
          `and then its records (GetRecords), so one is no use without the other. Grant ${missing} on the same stream.`,
        { data: { missing: [missing] } },
      ),
    ];
  },
});
