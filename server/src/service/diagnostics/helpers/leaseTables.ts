import type { KclVersion, KclVersionSetting } from '../../../../../common/src/choices';
import {
  KCL3_EXTRA_TABLE_ACTIONS,
  KCL3_EXTRA_TABLE_SUFFIXES,
  KCL3_INDEX_ACTIONS,
  LEASE_TABLE_ACTIONS,
  TABLE_CREATE_ACTION,
} from '../../kinesis/kinesisFacts';
import { parseArn } from '../../catalog/arn';
import type { StatementModel } from '../../policy/policyModel';
import type { RuleContext } from '../engine/ruleContext';
import { grantsOf } from './jobs';
import { paramsFromPolicy, tableArn } from '../../templates/policyTemplates';

/**
 * The KCL version whose sets the checks use for a setting: `auto` asks for what every version
 * needs, which is the 2.x set (the same lease-table actions as 1.x, and the 2.x stream actions).
 */
export function kclSetVersion(setting: Exclude<KclVersionSetting, 'none'>): KclVersion {
  return setting === 'auto' ? '2.x' : setting;
}

/** What a KCL consumer lacks on one candidate lease table and the tables named after it. */
export interface LeaseGap {
  /** The lease table as the policy names it; undefined when it names none. */
  table: string | undefined;
  lease: string[];
  index: string[];
  extraTables: { table: string; missing: string[] }[];
  deniedBy: StatementModel[];
  /** The missing actions a Deny in `deniedBy` takes away. */
  deniedActions: string[];
}

/**
 * What a KCL consumer of `version` lacks on its lease table. The policy does not say which table
 * that is: each table it grants DynamoDB lease actions on is tried (the likeliest first), and the
 * one that lacks least is taken; `table` is undefined when the policy names none.
 */
export function leaseGap(context: RuleContext, version: KclVersion, only?: string): LeaseGap {
  // Two rules ask the same question in one validation (the lease table, and what KCL 3.x adds).
  const answers = context.memo<LeaseGap>(leaseGap);
  const key = `${version}\u0000${only ?? ''}`;
  let answer = answers.get(key);
  if (!answer) {
    answer = weighTables(context, version, only);
    answers.set(key, answer);
  }
  return answer;
}

function weighTables(context: RuleContext, version: KclVersion, only: string | undefined): LeaseGap {
  const candidates = only !== undefined ? [only] : leaseTables(context, version).slice(0, MOST_LIKELY);
  let best: LeaseGap | undefined;
  for (const table of candidates.length > 0 ? candidates : [undefined]) {
    const gap = gapOn(context, version, table);
    if (!best || leaseGapSize(gap) < leaseGapSize(best)) best = gap;
    if (leaseGapSize(best) === 0) break;
  }
  return best ?? gapOn(context, version, undefined);
}

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

function gapOn(context: RuleContext, version: KclVersion, table: string | undefined): LeaseGap {
  const deniedBy: StatementModel[] = [];
  const deniedActions: string[] = [];
  // A policy that names no lease table lacks every action on it; a Deny still takes them away
  // from the table the fix would grant them on (`addLeaseTableActions`), and then no Allow helps.
  const named = table ?? tableArn(paramsFromPolicy(context.model));
  const lacking = (actions: readonly string[], resource: string) =>
    actions.filter((action) => {
      if (table !== undefined) {
        if (action === TABLE_CREATE_ACTION && exists(context, resource)) return false;
        if (context.access.permits(action, resource)) return false;
      }
      const denials = context.access.deniedBy(action, resource);
      for (const deny of denials) if (!deniedBy.includes(deny.statement)) deniedBy.push(deny.statement);
      if (denials.length > 0 && !deniedActions.includes(action)) deniedActions.push(action);
      return true;
    });
  const v3 = version === '3.x';
  return {
    table,
    lease: lacking(LEASE_TABLE_ACTIONS[version], named),
    index: v3 ? lacking(KCL3_INDEX_ACTIONS, `${named}/index/*`) : [],
    extraTables: v3
      ? KCL3_EXTRA_TABLE_SUFFIXES.map((suffix) => ({ table: table ? `${table}${suffix}` : `APP${suffix}`, missing: lacking(KCL3_EXTRA_TABLE_ACTIONS, `${named}${suffix}`) })).filter(
          (t) => t.missing.length > 0,
        )
      : [],
    deniedBy,
    deniedActions,
  };
}

/** Whether a table ARN names a table that exists before the application runs (see `existingTables`). */
function exists(context: RuleContext, arn: string): boolean {
  const name = /^table\/([^/]+)$/.exec(parseArn(arn)?.resource ?? '')?.[1];
  return name !== undefined && (context.settings.existingTables ?? []).includes(name);
}

export function leaseGapSize(gap: LeaseGap): number {
  return gap.lease.length + gap.index.length + gap.extraTables.reduce((n, t) => n + t.missing.length, 0);
}
