import * as l10n from '@vscode/l10n';
import { CONSUMER_MARKER_ACTION, KCL3_EXTRA_TABLE_ACTIONS } from '../../../kinesis/kinesisFacts';
import type { KclVersion } from '../../../../../../common/src/choices';
import { at, policyRule } from '../../engine/rule';
import { kclApplies, showsKclUse } from '../../helpers/consumerFacts';
import { deniedActionsClause, describeResources, resourceName } from '../../helpers/jobs';
import { clauses, listed, sentences, series } from '../../../l10n';
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
      at(site, leaseMessage(gap, setting === 'auto' ? undefined : version, kcl), {
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

/**
 * A table's name for a message: `orders-app`, the ARN of a pattern, or for a grant on `"*"` (whose
 * tables the policy does not name) the name the application gives them, `APP-WorkerMetricStats`.
 */
function tableName(table: string): string {
  return resourceName(table.replace(/^\*(?=-)/, 'APP')) ?? l10n.t('every table');
}

/** What the KCL 3.x index part says: the index of the named table, of a pattern's tables, or of the application's table. */
function indexPart(gap: LeaseGap): string {
  const actions = series(gap.index);
  if (gap.table === undefined || gap.table === '*') return l10n.t('{0} on its index (table/APP/index/*)', actions);
  const name = resourceName(gap.table);
  return name !== undefined && name !== gap.table
    ? l10n.t("{0} on the table's index (table/{1}/index/*)", actions, name)
    : l10n.t("{0} on the index of its lease table ({1})", actions, `${gap.table}/index/*`);
}

/** What the gap lacks, in words: "X, Y on its lease table (table T); Query on its index ...". */
export function leaseParts(gap: LeaseGap): string {
  const parts: string[] = [];
  if (gap.lease.length > 0) {
    parts.push(
      gap.table
        ? l10n.t('{0} on its lease table ({1})', series(gap.lease), describeResources([gap.table], 'table'))
        : l10n.t('{0} on its lease table (the DynamoDB table named after the application, arn:aws:dynamodb:REGION:ACCOUNT:table/APP)', series(gap.lease)),
    );
  }
  if (gap.index.length > 0) parts.push(indexPart(gap));
  if (gap.extraTables.length > 0) {
    // Every table lacking the same actions: name them, or count them when it is all seven.
    const groups = new Map<string, { missing: readonly string[]; names: string[] }>();
    for (const t of gap.extraTables) {
      const key = t.missing.join('\u0000');
      const group = groups.get(key) ?? { missing: t.missing, names: [] };
      groups.set(key, group);
      group.names.push(tableName(t.table));
    }
    const said = [...groups.values()].map(({ missing, names }) =>
      missing.length === KCL3_EXTRA_TABLE_ACTIONS.length
        ? l10n.t('{0} table actions on {1}', KCL3_EXTRA_TABLE_ACTIONS.length, listed(names))
        : l10n.t('{0} on {1}', series(missing), listed(names)),
    );
    parts.push(l10n.t("{0} (unless it keeps them in the lease table, as KCL 3.5's single table format does)", clauses(said)));
  }
  return clauses(parts);
}

function leaseMessage(gap: LeaseGap, version: KclVersion | undefined, kcl: boolean): string {
  const parts = leaseParts(gap);
  let needs: string;
  if (kcl) {
    needs = version
      ? l10n.t('This KCL consumer also needs {0}: the KCL {1} tracks shard leases and checkpoints in DynamoDB, and fails with AccessDenied without them.', parts, version)
      : l10n.t('This KCL consumer also needs {0}: every KCL version tracks shard leases and checkpoints in DynamoDB, and fails with AccessDenied without them.', parts);
  } else {
    needs = version
      ? l10n.t(
          'If this consumer uses the Kinesis Client Library (KCL), it also needs {0}: the KCL {1} tracks shard leases and checkpoints in DynamoDB, and fails with AccessDenied without them.',
          parts,
          version,
        )
      : l10n.t(
          'If this consumer uses the Kinesis Client Library (KCL), it also needs {0}: every KCL version tracks shard leases and checkpoints in DynamoDB, and fails with AccessDenied without them.',
          parts,
        );
  }
  return sentences(needs, deniedActionsClause(gap.deniedBy, gap.deniedActions));
}
