import * as l10n from '@vscode/l10n';
import { getNodeValue } from 'jsonc-parser';
import { parseArn, partitionsNamed } from '../../catalog/arn';
import { SHAREABLE_ACTIONS } from '../../kinesis/kinesisFacts';
import type { PolicyString, StatementModel } from '../../policy/policyModel';
import { PLACEHOLDERS } from '../../templates/placeholders';
import { actionsOf, appendStatements, setActions } from '../statements';
import { statementPath, type PolicyTransaction } from '../transaction';
import { stringList, uniqueSid, type FixProvider, type StatementFixProvider } from './fix';
import { policyAt } from '../../policy/policyAt';

/** Whether every resource of the statement is a consumer ARN. */
function onConsumers(statement: StatementModel): boolean {
  const resources = statement.resource?.values ?? [];
  return resources.length > 0 && resources.every((r) => /\/consumer\//.test(parseArn(r.value)?.resource ?? ''));
}

/** `kinesis:Get*` in a resource policy becomes the shareable actions it covers that fit the statement's resources. */
export const replaceWildcardWithShareable: FixProvider = (context) => {
  const shareable = stringList(context.data.shareable);
  const fitting = (statement: StatementModel) => {
    const target = onConsumers(statement) ? 'consumer' : 'stream';
    return shareable.filter((a) => SHAREABLE_ACTIONS[a] === target);
  };
  const offered = policyAt(context.model, context.offset).statement;
  if (!offered || fitting(offered).length === 0) return [];
  return [
    {
      title: l10n.t('Replace the wildcard with the shareable actions it covers'),
      preferred: true,
      apply(tx) {
        const { statement, string: value } = policyAt(tx.model, context.offset);
        if (!statement || !value) return;
        const actions = fitting(statement);
        setActions(tx, statement, actionsOf(statement).flatMap((a, i) => (statement.action?.values[i] === value ? actions : [a])));
      },
    },
  ];
};

/** Removes an action a resource policy cannot grant, when the statement keeps others. */
export const removeAction: FixProvider = (context) => {
  if ((policyAt(context.model, context.offset).statement?.action?.values.length ?? 0) < 2) return [];
  return [
    {
      title: typeof context.data.action === 'string' ? l10n.t('Remove {0}', context.data.action) : l10n.t('Remove the action'),
      apply(tx) {
        const { statement, string: value } = policyAt(tx.model, context.offset);
        const values = statement?.action?.values ?? [];
        if (!statement || !value || values.length < 2) return;
        removeActionValues(tx, statement, [value]);
      },
    },
  ];
};

/**
 * The actions a resource policy cannot grant, removed from one statement at once: what removing
 * them one at a time leaves, where each removal keeps at least one action (so the last of them
 * stays when the statement has no other).
 */
export const removeActions: StatementFixProvider = (contexts) => {
  if (contexts.length === 0) return undefined;
  return {
    title: l10n.t('Remove the actions'),
    apply(tx) {
      const { statement } = policyAt(tx.model, contexts[0].offset);
      const values = statement?.action?.values ?? [];
      if (!statement || values.length < 2) return;
      // Each finding is on its action's string: found by where it starts (fix-all brings hundreds).
      const flagged = new Set(contexts.map((c) => c.offset));
      const removed = values.filter((v) => flagged.has(v.node.offset));
      removeActionValues(tx, statement, removed.length === values.length ? removed.slice(0, -1) : removed);
    },
  };
};

/** Removes values from a statement's `Action` array where they are written, the rest left as they are. */
function removeActionValues(tx: PolicyTransaction, statement: StatementModel, removed: readonly PolicyString[]): void {
  const items = statement.action?.value?.type === 'array' ? (statement.action.value.children ?? []) : [];
  tx.removeElements([...statementPath(tx.model, statement), 'Action'], removed.map((v) => items.indexOf(v.node)));
}

/** An account to fill in, in the partition of the resources shared: an aws-cn stream is shared with an aws-cn account. */
function accountPlaceholder(resources: readonly { value: string }[]): { AWS: string } {
  const partition = partitionsNamed(resources)[0] ?? 'aws';
  return { AWS: `arn:${partition}:iam::${PLACEHOLDERS.otherAccount}:root` };
}

/** Principals a Kinesis resource policy rejects are removed; an emptied principal asks for an account instead. */
export const removePrincipal: FixProvider = (context) => [
  {
    title: l10n.t('Remove the principal'),
    preferred: true,
    apply(tx) {
      const { statement } = policyAt(tx.model, context.offset);
      const element = [statement?.principal, statement?.notPrincipal].find((e) => e && e.property.offset <= context.offset && context.offset < e.property.offset + e.property.length);
      if (!statement || !element) return;
      const path = [...statementPath(tx.model, statement), element.key];
      const placeholder = accountPlaceholder(statement.resource?.values ?? []);
      const remaining = element.entries.flatMap((entry) => {
        if (entry.property.offset === context.offset) return [];
        const values = entry.values.filter((v) => v.node.offset !== context.offset);
        if (values.length === 0 && entry.values.length > 0) return [];
        return [[entry.type.value, values.length === 1 && entry.values.length === 1 ? values[0].value : values.map((v) => v.value)] as const];
      });
      tx.set(path, element.bare || remaining.length === 0 ? placeholder : Object.fromEntries(remaining));
    },
  },
];

/** A statement of a resource policy without a principal gets one to fill in. */
export const addPrincipal: FixProvider = (context) => [
  {
    title: l10n.t('Add a principal'),
    preferred: true,
    apply(tx) {
      const { statement } = policyAt(tx.model, context.offset);
      if (statement) tx.set([...statementPath(tx.model, statement), 'Principal'], accountPlaceholder(statement.resource?.values ?? []), 2);
    },
  },
];

/**
 * Moves an action to a statement whose resource it applies to: `"*"` for actions that take no
 * resource, the consumer ARN for consumer actions, the stream ARN for stream actions. When it is
 * the statement's only action (however often written), the statement's resource changes instead.
 * Not offered when the statement names no stream to derive that resource from.
 */
export const moveAction: FixProvider = (context) => {
  const action = typeof context.data.action === 'string' ? context.data.action : undefined;
  const expected = Array.isArray(context.data.expected) ? stringList(context.data.expected) : [String(context.data.expected)];
  const kind = expected.includes('*') ? '*' : expected.includes('consumer') ? 'consumer' : expected.includes('stream') ? 'stream' : undefined;
  if (!action || !kind) return [];
  const offered = policyAt(context.model, context.offset).statement;
  if (!offered || !targetResource(offered, kind)) return [];
  return [
    {
      title:
        kind === '*'
          ? l10n.t('Move {0} to a statement on "*"', action)
          : kind === 'consumer'
            ? l10n.t('Move {0} to a statement on the consumer ARN', action)
            : l10n.t('Move {0} to a statement on the stream ARN', action),
      preferred: true,
      apply(tx) {
        const { statement } = policyAt(tx.model, context.offset);
        const resource = statement && targetResource(statement, kind);
        if (!statement || !resource) return;
        const path = statementPath(tx.model, statement);
        if (actionsOf(statement).every((a) => a.toLowerCase() === action.toLowerCase())) {
          tx.set([...path, 'Resource'], resource);
          return;
        }
        moveToStatement(tx, statement, action, resource, context.settings.policyKind === 'resource');
      },
    },
  ];
};

function moveToStatement(tx: PolicyTransaction, source: StatementModel, action: string, resource: string, resourcePolicy: boolean): void {
  const principal = source.principal?.value ? JSON.stringify(getNodeValue(source.principal.value)) : undefined;
  const target = tx.model.statements.find(
    (s) =>
      s !== source &&
      s.effect?.value === source.effect?.value &&
      (s.principal?.value ? JSON.stringify(getNodeValue(s.principal.value)) : undefined) === principal &&
      !s.condition &&
      (s.resource?.values ?? []).length === 1 &&
      s.resource?.values[0].value === resource,
  );
  const sourceIndex = source.index;
  if (target) setActions(tx, target, [...actionsOf(target), action]);
  else {
    // A statement of a resource policy needs a principal: the source's, or one to fill in.
    const inResourcePolicy = resourcePolicy || tx.model.statements.some((s) => s.principal || s.notPrincipal);
    const principalValue: unknown = source.principal?.value
      ? samePrincipal(getNodeValue(source.principal.value))
      : inResourcePolicy
        ? accountPlaceholder([{ value: resource }])
        : undefined;
    appendStatements(tx, [
      {
        Sid: uniqueSid(tx.model, resource === '*' ? 'NoResourceActions' : 'MovedActions'),
        // The source's Effect as IAM spells it, so that a misspelling is not copied.
        Effect: source.effect?.value.toLowerCase() === 'deny' ? 'Deny' : 'Allow',
        ...(principalValue !== undefined ? { Principal: principalValue } : {}),
        Action: [action],
        Resource: resource,
      },
    ]);
  }
  // The source statement kept its index: statements were only added after it, or changed elsewhere.
  const current = tx.model.statements.find((s) => s.index === sourceIndex);
  if (current) setActions(tx, current, actionsOf(current).filter((a) => a.toLowerCase() !== action.toLowerCase()));
}

/** A principal as the source wrote it, but an account or ARN written bare (not valid IAM) goes under "AWS". */
function samePrincipal(value: unknown): unknown {
  return typeof value === 'string' && value !== '*' ? { AWS: value } : value;
}

/** The resource the moved action needs, derived from the statement's own Kinesis ARN. */
function targetResource(statement: StatementModel, kind: '*' | 'consumer' | 'stream'): string | undefined {
  if (kind === '*') return '*';
  const arn = (statement.resource?.values ?? []).map((r) => r.value).find((v) => parseArn(v)?.service === 'kinesis');
  const stream = arn && /^(arn:[^:]*:kinesis:[^:]*:[^:]*:stream\/[^/]+)/.exec(arn)?.[1];
  if (!stream) return undefined;
  if (kind === 'stream') return stream;
  return statement.principal
    ? `${stream}/consumer/${PLACEHOLDERS.consumer}:${PLACEHOLDERS.creationTimestamp}`
    : `${stream}/consumer/*`;
}
