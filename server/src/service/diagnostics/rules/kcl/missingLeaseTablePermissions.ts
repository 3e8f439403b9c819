import type { KclVersion } from '../../../../../../common/src/choices';
import {
  CONSUMER_MARKER_ACTION,
  KCL3_EXTRA_TABLE_ACTIONS,
  KCL3_EXTRA_TABLE_SUFFIXES,
  KCL3_INDEX_ACTIONS,
  LEASE_TABLE_ACTIONS,
} from '../../../kinesis/kinesisFacts';
import type { StatementModel } from '../../../policy/policyModel';
import { at, policyRule } from '../../engine/rule';
import type { RuleContext } from '../../engine/ruleContext';
import { kclApplies, showsKclUse } from '../../helpers/consumerFacts';
import { deniedClause, describeResources, grantsOf } from '../../helpers/jobs';

/** What a KCL consumer lacks on one candidate lease table and the tables named after it. */
interface LeaseGap {
  /** The lease table as the policy names it; undefined when it names none. */
  table: string | undefined;
  lease: string[];
  index: string[];
  extraTables: { table: string; missing: string[] }[];
  deniedBy: StatementModel[];
}

/**
 * A KCL consumer keeps its leases in a DynamoDB table named after the application (KCL 3.x adds
 * an index query and two more tables). Which table that is, the policy does not say: each table
 * it grants DynamoDB actions on is tried, and the one that lacks least is reported.
 */
export const missingLeaseTablePermissions = policyRule({
  code: 'kcl/missing-lease-table-permissions',
  defaultSeverity: 'warning',
  kinds: ['identity'],
  check(context) {
    const version = context.settings.kclVersion;
    if (version === 'none' || !kclApplies(context)) return [];
    const site = context.grantSite(CONSUMER_MARKER_ACTION);
    if (!site) return [];
    const candidates = leaseTables(context, version);
    let best: LeaseGap | undefined;
    for (const table of candidates.length > 0 ? candidates.slice(0, MOST_LIKELY) : [undefined]) {
      const gap = leaseGap(context, version, table);
      if (!best || size(gap) < size(best)) best = gap;
      if (size(best) === 0) return [];
    }
    if (!best) return [];
    const kcl = showsKclUse(context);
    return [
      at(site, message(best, version, kcl), {
        severity: kcl ? 'warning' : 'information',
        data: {
          missing: best.lease,
          kclVersion: version,
          ...(best.table ? { table: best.table } : {}),
          ...(best.index.length > 0 ? { index: best.index } : {}),
          ...(best.extraTables.length > 0 ? { extraTables: best.extraTables } : {}),
          ...(best.deniedBy.length > 0 ? { denied: true } : {}),
        },
      }),
    ];
  },
});

/** How many of the likeliest lease tables are weighed exactly: a policy may name thousands of tables. */
const MOST_LIKELY = 8;

/**
 * The tables (not indexes) the policy grants lease-table actions on, other than KCL 3.x's
 * metadata tables, those granted the most of the actions first: the likeliest lease tables.
 */
function leaseTables(context: RuleContext, version: KclVersion): string[] {
  const table = context.catalog.service('dynamodb')?.resourceType('table');
  const granted = new Map<string, number>();
  for (const action of LEASE_TABLE_ACTIONS[version]) {
    const seen = new Set<string>();
    for (const { resource } of grantsOf(context, action, table ? [table] : undefined)) {
      if (seen.has(resource) || KCL3_EXTRA_TABLE_SUFFIXES.some((suffix) => resource.endsWith(suffix))) continue;
      seen.add(resource);
      granted.set(resource, (granted.get(resource) ?? 0) + 1);
    }
  }
  // A stable sort: among equals, the order the policy names them in.
  return [...granted].sort((a, b) => b[1] - a[1]).map(([resource]) => resource);
}

function leaseGap(context: RuleContext, version: KclVersion, table: string | undefined): LeaseGap {
  const deniedBy: StatementModel[] = [];
  const lacking = (actions: readonly string[], resource: string | undefined) =>
    actions.filter((action) => {
      if (resource === undefined) return true;
      if (context.access.permits(action, resource)) return false;
      for (const deny of context.access.deniedBy(action, resource)) if (!deniedBy.includes(deny.statement)) deniedBy.push(deny.statement);
      return true;
    });
  const v3 = version === '3.x';
  return {
    table,
    lease: lacking(LEASE_TABLE_ACTIONS[version], table),
    index: v3 ? lacking(KCL3_INDEX_ACTIONS, table && `${table}/index/*`) : [],
    extraTables: v3
      ? KCL3_EXTRA_TABLE_SUFFIXES.map((suffix) => ({ table: table ? `${table}${suffix}` : `APP${suffix}`, missing: lacking(KCL3_EXTRA_TABLE_ACTIONS, table && `${table}${suffix}`) })).filter(
          (t) => t.missing.length > 0,
        )
      : [],
    deniedBy,
  };
}

function size(gap: LeaseGap): number {
  return gap.lease.length + gap.index.length + gap.extraTables.reduce((n, t) => n + t.missing.length, 0);
}

function message(gap: LeaseGap, version: KclVersion, kcl: boolean): string {
  const table = gap.table ? `its lease table (${describeResources([gap.table], 'table')})` : 'its lease table (the DynamoDB table named after the application, arn:aws:dynamodb:REGION:ACCOUNT:table/APP)';
  const parts: string[] = [];
  if (gap.lease.length > 0) parts.push(`${gap.lease.join(', ')} on ${table}`);
  if (gap.index.length > 0) parts.push(`${gap.index.join(', ')} on ${gap.table ? "the table's index" : 'its index'} (table/APP/index/*)`);
  if (gap.extraTables.length > 0) {
    const names = gap.extraTables.map((t) => describeResources([t.table], 'table').replace(/^table /, ''));
    parts.push(`${KCL3_EXTRA_TABLE_ACTIONS.length} table actions on ${names.join(' and ')} (unless it keeps them in the lease table, as KCL 3.5's single table format does)`);
  }
  const who = kcl ? 'This KCL consumer' : 'If this consumer uses the Kinesis Client Library (KCL), it';
  const why = `the KCL ${version} tracks shard leases and checkpoints in DynamoDB, and fails with AccessDenied without them.`;
  const denied = gap.deniedBy.length > 0 ? deniedClause(gap.deniedBy) : '';
  return `${who} also needs ${parts.join('; ')}: ${why}${denied}`;
}
