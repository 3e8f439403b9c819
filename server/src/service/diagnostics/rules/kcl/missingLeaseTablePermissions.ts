import { CONSUMER_MARKER_ACTION, KCL3_EXTRA_TABLE_ACTIONS } from '../../../kinesis/kinesisFacts';
import type { KclVersion } from '../../../../../../common/src/choices';
import { at, policyRule } from '../../engine/rule';
import { kclApplies, showsKclUse } from '../../helpers/consumerFacts';
import { deniedClause, describeResources } from '../../helpers/jobs';
import { kclSetVersion, leaseGap, leaseGapSize, type LeaseGap } from '../../helpers/leaseTables';

/**
 * A KCL consumer keeps its leases in a DynamoDB table named after the application (KCL 3.x adds
 * an index query and two more tables). With the version setting at `auto`, the set every KCL
 * version needs; what KCL 3.x needs beyond it is `kcl/version-3-requirements`'s.
 */
export const missingLeaseTablePermissions = policyRule({
  code: 'kcl/missing-lease-table-permissions',
  defaultSeverity: 'warning',
  kinds: ['identity'],
  judges: 'principal',
  check(context) {
    const setting = context.settings.kclVersion;
    if (setting === 'none' || !kclApplies(context)) return [];
    const site = context.grantSite(CONSUMER_MARKER_ACTION);
    if (!site) return [];
    const version = kclSetVersion(setting);
    const gap = leaseGap(context, version);
    if (leaseGapSize(gap) === 0) return [];
    const kcl = showsKclUse(context);
    return [
      at(site, leaseMessage(gap, setting === 'auto' ? 'every KCL version' : `the KCL ${version}`, kcl), {
        severity: kcl ? 'warning' : 'information',
        data: leaseData(gap, version),
      }),
    ];
  },
});

/** What the lease-table fix needs of a gap. */
export function leaseData(gap: LeaseGap, version: KclVersion): Record<string, unknown> {
  return {
    missing: gap.lease,
    kclVersion: version,
    ...(gap.table ? { table: gap.table } : {}),
    ...(gap.index.length > 0 ? { index: gap.index } : {}),
    ...(gap.extraTables.length > 0 ? { extraTables: gap.extraTables } : {}),
    ...(gap.deniedBy.length > 0 ? { denied: true } : {}),
  };
}

/** What the gap lacks, in words: "X, Y on its lease table (table T); Query on its index ...". */
export function leaseParts(gap: LeaseGap): string {
  const table = gap.table ? `its lease table (${describeResources([gap.table], 'table')})` : 'its lease table (the DynamoDB table named after the application, arn:aws:dynamodb:REGION:ACCOUNT:table/APP)';
  const parts: string[] = [];
  if (gap.lease.length > 0) parts.push(`${gap.lease.join(', ')} on ${table}`);
  const name = gap.table ? describeResources([gap.table], 'table').replace(/^table /, '') : 'APP';
  if (gap.index.length > 0) parts.push(`${gap.index.join(', ')} on ${gap.table ? "the table's index" : 'its index'} (table/${name}/index/*)`);
  if (gap.extraTables.length > 0) {
    // Every table lacking the same actions: name them, or count them when it is all seven.
    const groups = new Map<string, string[]>();
    for (const t of gap.extraTables) {
      const lacking = t.missing.length === KCL3_EXTRA_TABLE_ACTIONS.length ? `${KCL3_EXTRA_TABLE_ACTIONS.length} table actions` : t.missing.join(', ');
      groups.set(lacking, [...(groups.get(lacking) ?? []), describeResources([t.table], 'table').replace(/^table /, '')]);
    }
    const said = [...groups].map(([lacking, names]) => `${lacking} on ${names.join(' and ')}`).join('; ');
    parts.push(`${said} (unless it keeps them in the lease table, as KCL 3.5's single table format does)`);
  }
  return parts.join('; ');
}

function leaseMessage(gap: LeaseGap, who: string, kcl: boolean): string {
  const subject = kcl ? 'This KCL consumer' : 'If this consumer uses the Kinesis Client Library (KCL), it';
  const denied = gap.deniedBy.length > 0 ? deniedClause(gap.deniedBy) : '';
  return `${subject} also needs ${leaseParts(gap)}: ${who} tracks shard leases and checkpoints in DynamoDB, and fails with AccessDenied without them.${denied}`;
}
