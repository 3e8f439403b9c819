import { resourceFitsTypes } from '../../catalog/arnPatterns';
import { DESCRIBE_ACTIONS, METRICS_ACTION } from '../../kinesis/kinesisFacts';
import { paramsFromPolicy } from '../../templates/policyTemplates';
import { actionsOf, appendStatements, setActions } from '../statements';
import type { PolicyTransaction } from '../transaction';
import { stringList, uniqueSid, type FixContext, type FixProvider, type QuickFix } from './fix';
import { policyAt } from '../../policy/policyAt';

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

/** Whether the diagnostic's statement has an `Action` to add to (not with NotAction alone). */
function hasAction(context: FixContext): boolean {
  return policyAt(context.model, context.offset).statement?.action !== undefined;
}

export const addMissingReadAction: FixProvider = (context) => {
  const [missing] = stringList(context.data.missing);
  return missing && hasAction(context) ? [addToStatement(context, [missing], `Add ${missing}`, true)] : [];
};

export const addDescribeAction: FixProvider = (context) =>
  hasAction(context) ? [...DESCRIBE_ACTIONS].reverse().map((action, i) => addToStatement(context, [action], `Add ${action}`, i === 0)) : [];

/** KCL lease table: into the statement that already grants DynamoDB actions on a table, else a new one. */
export const addLeaseTableActions: FixProvider = (context) => {
  const missing = stringList(context.data.missing);
  if (missing.length === 0) return [];
  return [
    {
      title: `Add the missing KCL lease-table actions (${missing.map((a) => a.replace('dynamodb:', '')).join(', ')})`,
      preferred: true,
      apply(tx) {
        const table = context.catalog.service('dynamodb')?.resourceType('table');
        const target = tx.model.statements.find(
          (s) =>
            s.effect?.value === 'Allow' &&
            s.action !== undefined &&
            actionsOf(s).some((a) => a.toLowerCase().startsWith('dynamodb:')) &&
            table !== undefined &&
            (s.resource?.values ?? []).some((r) => r.value !== '*' && resourceFitsTypes(context.catalog, r.value, [table])),
        );
        if (target) {
          setActions(tx, target, [...actionsOf(target), ...missing]);
          return;
        }
        const p = paramsFromPolicy(tx.model);
        appendStatements(tx, [
          { Sid: uniqueSid(tx.model, 'KclLeaseTable'), Effect: 'Allow', Action: missing, Resource: `arn:${p.partition}:dynamodb:${p.region}:${p.account}:table/${p.application}` },
        ]);
      },
    },
  ];
};

export const addMetricsStatement: FixProvider = () => [
  {
    title: `Add ${METRICS_ACTION} on "*"`,
    preferred: true,
    apply(tx) {
      appendStatements(tx, [{ Sid: uniqueSid(tx.model, 'KclMetrics'), Effect: 'Allow', Action: METRICS_ACTION, Resource: '*' }]);
    },
  },
];

/** A statement granting the KMS action on the stream's key, which the user names. */
export const addKmsStatement: FixProvider = (context) => {
  const [action] = stringList(context.data.missing);
  if (!action) return [];
  return [
    {
      title: `Add ${action} on the stream's KMS key`,
      apply(tx) {
        const p = paramsFromPolicy(tx.model);
        appendStatements(tx, [
          { Sid: uniqueSid(tx.model, 'StreamKmsKey'), Effect: 'Allow', Action: action, Resource: `arn:${p.partition}:kms:${p.region}:${p.account}:key/KEY_ID` },
        ]);
      },
    },
  ];
};

/** Replaces a broad wildcard such as `dynamodb:*` with the actions actually needed. */
export const narrowWildcard: FixProvider = (context) => {
  const replacement = stringList(context.data.replacement);
  const written = typeof context.data.action === 'string' ? context.data.action : undefined;
  if (replacement.length === 0 || !written) return [];
  return [
    {
      title: `Narrow "${written}" to the ${replacement.length} actions the KCL needs`,
      preferred: true,
      apply(tx) {
        const { statement, string: value } = policyAt(tx.model, context.offset);
        if (!statement || !value) return;
        setActions(tx, statement, actionsOf(statement).flatMap((a, i) => (statement.action?.values[i] === value ? replacement : [a])));
      },
    },
  ];
};
