import * as l10n from '@vscode/l10n';
import { DESCRIBE_ACTIONS, METRICS_ACTION } from '../../kinesis/kinesisFacts';
import { paramsFromPolicy, tableArn } from '../../templates/policyTemplates';
import { actionsOf, appendStatements, setActions } from '../statements';
import type { PolicyTransaction } from '../transaction';
import { stringList, uniqueSid, type FixContext, type FixProvider, type QuickFix } from './fix';
import { policyAt } from '../../policy/policyAt';
import type { StatementModel } from '../../policy/policyModel';

/** Adds actions to the statement the diagnostic is on. */
function addToStatement(context: FixContext, actions: string[], title: string, preferred = false): QuickFix {
  return {
    title,
    preferred,
    apply(tx: PolicyTransaction) {
      const { statement } = policyAt(tx.model, context.offset);
      if (statement?.action) setActions(tx, statement, [...actionsOf(statement), ...actions]);
    },
  };
}

/**
 * Whether the diagnostic's statement has an `Action` to add to (not with NotAction alone), and
 * adding would help: what a Deny takes away, no Allow gives back.
 */
function canAdd(context: FixContext): boolean {
  return context.data.denied !== true && policyAt(context.model, context.offset).statement?.action !== undefined;
}

/** Adds the one missing action (`GetShardIterator` beside `GetRecords`, `ListShards`) to the statement that grants on the stream. */
export const addMissingAction: FixProvider = (context) => {
  const [missing] = stringList(context.data.missing);
  return missing && canAdd(context) ? [addToStatement(context, [missing], l10n.t('Add {0}', missing), true)] : [];
};

/** The describe actions the finding names (those no Deny takes away), DescribeStreamSummary first. */
export const addDescribeAction: FixProvider = (context) => {
  const missing = stringList(context.data.missing);
  const offered = [...DESCRIBE_ACTIONS].reverse().filter((a) => missing.length === 0 || missing.includes(a));
  return canAdd(context) ? offered.map((action, i) => addToStatement(context, [action], l10n.t('Add {0}', action), i === 0)) : [];
};

/**
 * KCL lease table: the missing table actions into the statement that grants DynamoDB actions on
 * the table the finding names (else a new statement on it); for KCL 3.x, statements for the
 * index and the metadata tables it lacks. A policy that grants the lease-table actions on `"*"`
 * covers the index and the metadata tables with the same grant (an index or a metadata table
 * named from `"*"` would be no ARN): every missing action goes there.
 */
export const addLeaseTableActions: FixProvider = (context) => {
  const missing = stringList(context.data.missing);
  const index = stringList(context.data.index);
  const extraTables = Array.isArray(context.data.extraTables) ? (context.data.extraTables as { table?: unknown; missing?: unknown }[]) : [];
  if (context.data.denied === true || missing.length + index.length + extraTables.length === 0) return [];
  const table = typeof context.data.table === 'string' ? context.data.table : undefined;
  const parts = [...missing, ...index].map((a) => a.replace('dynamodb:', ''));
  const title =
    parts.length === 0
      ? l10n.t('Add the missing KCL metadata tables')
      : extraTables.length > 0
        ? l10n.t('Add the missing KCL lease-table actions ({0}) and metadata tables', parts.join(', '))
        : l10n.t('Add the missing KCL lease-table actions ({0})', parts.join(', '));
  return [
    {
      title,
      preferred: true,
      apply(tx) {
        if (table === '*') {
          const all = [...new Set([...missing, ...index, ...extraTables.flatMap((t) => stringList(t.missing))])];
          const target = leaseStatement(tx.model.statements, table);
          if (target) setActions(tx, target, [...actionsOf(target), ...all]);
          else appendStatements(tx, [{ Sid: uniqueSid(tx.model, 'KclLeaseTable'), Effect: 'Allow', Action: all, Resource: table }]);
          return;
        }
        const leaseTable = table ?? tableArn(paramsFromPolicy(tx.model));
        const statements: object[] = [];
        if (missing.length > 0) {
          const target = table === undefined ? undefined : leaseStatement(tx.model.statements, table);
          if (target) setActions(tx, target, [...actionsOf(target), ...missing]);
          else statements.push({ Sid: uniqueSid(tx.model, 'KclLeaseTable'), Effect: 'Allow', Action: missing, Resource: leaseTable });
        }
        const used = new Set(tx.model.statements.map((s) => s.sid?.value));
        const sid = (base: string) => {
          const unique = uniqueSid(used, base);
          used.add(unique);
          return unique;
        };
        if (index.length > 0) statements.push({ Sid: sid('KclLeaseTableIndex'), Effect: 'Allow', Action: index, Resource: `${leaseTable}/index/*` });
        const tables = extraTables.map((t) => (typeof t.table === 'string' ? t.table.replace(/^APP(?=-)/, leaseTable) : undefined)).filter((t): t is string => t !== undefined);
        const actions = [...new Set(extraTables.flatMap((t) => stringList(t.missing)))];
        if (tables.length > 0) statements.push({ Sid: sid('KclMetadataTables'), Effect: 'Allow', Action: actions, Resource: tables.length === 1 ? tables[0] : tables });
        if (statements.length > 0) appendStatements(tx, statements);
      },
    },
  ];
};

/** The Allow statement that names the lease table itself among its resources and grants DynamoDB actions. */
function leaseStatement(statements: readonly StatementModel[], table: string): StatementModel | undefined {
  return statements.find(
    (s) =>
      s.effect?.value === 'Allow' &&
      s.action !== undefined &&
      actionsOf(s).some((a) => a.toLowerCase().startsWith('dynamodb:')) &&
      (s.resource?.values ?? []).some((r) => r.value === table),
  );
}

export const addMetricsStatement: FixProvider = (context) => (context.data.denied === true ? [] : [
  {
    title: l10n.t('Add {0} on "*"', METRICS_ACTION),
    preferred: true,
    apply(tx) {
      appendStatements(tx, [{ Sid: uniqueSid(tx.model, 'KclMetrics'), Effect: 'Allow', Action: METRICS_ACTION, Resource: '*' }]);
    },
  },
]);

/** A statement granting the KMS action on the stream's key, which the user names. */
export const addKmsStatement: FixProvider = (context) => {
  const [action] = stringList(context.data.missing);
  if (!action) return [];
  return [
    {
      title: l10n.t("Add {0} on the stream's KMS key", action),
      apply(tx) {
        const p = paramsFromPolicy(tx.model);
        appendStatements(tx, [
          { Sid: uniqueSid(tx.model, 'StreamKmsKey'), Effect: 'Allow', Action: action, Resource: `arn:${p.partition}:kms:${p.region}:${p.account}:key/KEY_ID` },
        ]);
      },
    },
  ];
};

/** Replaces a broad wildcard such as `dynamodb:*` or `kinesis:*` with the actions the job needs. */
export const narrowWildcard: FixProvider = (context) => {
  const replacement = stringList(context.data.replacement);
  const written = typeof context.data.action === 'string' ? context.data.action : undefined;
  if (replacement.length === 0 || !written) return [];
  return [
    {
      title: narrowTitle(written, replacement.length, context.data.job),
      preferred: true,
      apply(tx) {
        const { statement, string: value } = policyAt(tx.model, context.offset);
        if (!statement || !value) return;
        setActions(tx, statement, actionsOf(statement).flatMap((a, i) => (statement.action?.values[i] === value ? replacement : [a])));
      },
    },
  ];
};

/** The narrowing fix's title, by the job the rule saw: a producer's, a consumer's, both, or the KCL's. */
function narrowTitle(written: string, count: number, job: unknown): string {
  switch (job) {
    case 'producer':
      return l10n.t('Narrow "{0}" to the {1} actions this producer needs', written, count);
    case 'consumer':
      return l10n.t('Narrow "{0}" to the {1} actions this consumer needs', written, count);
    case 'producer and consumer':
      return l10n.t('Narrow "{0}" to the {1} actions this producer and consumer needs', written, count);
    default:
      return typeof job === 'string'
        ? l10n.t('Narrow "{0}" to the {1} actions this {2} needs', written, count, job)
        : l10n.t('Narrow "{0}" to the {1} actions the KCL needs', written, count);
  }
}
