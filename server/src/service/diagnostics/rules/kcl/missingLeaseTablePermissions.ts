import { LEASE_TABLE_ACTIONS, KCL3_EXTRA_TABLE_SUFFIXES, CONSUMER_MARKER_ACTION } from '../../../kinesis/kinesisFacts';
import { grantedOn, isConsumer, showsKclUse } from '../../helpers/consumerFacts';
import { at, policyRule } from '../../engine/rule';

/** A KCL consumer keeps its leases in a DynamoDB table named after the application. */
export const missingLeaseTablePermissions = policyRule({
  code: 'kcl/missing-lease-table-permissions',
  defaultSeverity: 'warning',
  kinds: ['identity'],
  check(context) {
    const version = context.settings.kclVersion;
    if (version === 'none' || !isConsumer(context)) return [];
    const dynamodb = context.catalog.service('dynamodb');
    const table = dynamodb?.resourceType('table');
    const index = dynamodb?.resourceType('index');
    const site = context.grantSite(CONSUMER_MARKER_ACTION);
    if (!table || !index || !site) return [];
    const missing = LEASE_TABLE_ACTIONS[version].filter(
      (action) => !grantedOn(context, action, action === 'dynamodb:Query' ? [table, index] : [table]),
    );
    if (missing.length === 0) return [];
    const kcl = showsKclUse(context);
    const extraTables = version === '3.x' ? ` KCL 3.x also uses the tables APP${KCL3_EXTRA_TABLE_SUFFIXES.join(' and APP')} with the same actions.` : '';
    return [
      at(
        site,
        `${kcl ? 'This KCL consumer' : 'If this consumer uses the Kinesis Client Library (KCL), it'} also needs ${missing.join(', ')} ` +
          `on its lease table (the DynamoDB table named after the application, arn:aws:dynamodb:REGION:ACCOUNT:table/APP): ` +
          `the KCL ${version} tracks shard leases and checkpoints there, and fails with AccessDenied without them.${extraTables}`,
        { severity: kcl ? 'warning' : 'information', data: { missing, kclVersion: version } },
      ),
    ];
  },
});
