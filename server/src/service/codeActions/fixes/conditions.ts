import * as l10n from '@vscode/l10n';
import { parseConditionOperator } from '../../catalog/conditionOperators';
import { nodeAt, policyAt } from '../../policy/policyAt';
import { statementPath } from '../transaction';
import type { FixProvider } from './fix';

/** `"True"` or `1` under Bool or Null becomes the `"true"` the rule suggested. */
export const fixBoolValue: FixProvider = (context) => {
  const suggestion = typeof context.data.suggestion === 'string' ? context.data.suggestion : undefined;
  if (!suggestion) return [];
  return [
    {
      title: l10n.t('Change to "{0}"', suggestion),
      preferred: true,
      apply(tx) {
        const node = tx.model.root && nodeAt(tx.model.root, context.offset);
        if (node && (node.type === 'string' || node.type === 'number' || node.type === 'boolean')) tx.replace(node.offset, node.length, JSON.stringify(suggestion));
      },
    },
  ];
};

/**
 * `ForAnyValue:StringEquals` on a single-valued key becomes `StringEquals`: only where the block
 * has that one key and the statement has no plain block of the same operator to collide with.
 */
export const dropSetQualifier: FixProvider = (context) => {
  const { statement, string: key } = policyAt(context.model, context.offset);
  const clause = statement?.condition?.clauses.find((c) => c.keys.some((k) => k.key === key));
  const operator = clause && parseConditionOperator(clause.operator.value).operator?.name;
  if (!statement || !clause || !operator || clause.keys.length !== 1) return [];
  if (statement.condition?.clauses.some((c) => c !== clause && c.operator.value.toLowerCase() === operator.toLowerCase())) return [];
  return [
    {
      title: l10n.t('Change to {0}', operator),
      preferred: true,
      apply(tx) {
        const { string: written } = policyAt(tx.model, clause.operator.node.offset);
        if (written?.value === clause.operator.value) tx.replace(written.node.offset, written.node.length, JSON.stringify(operator));
      },
    },
  ];
};

/** Adds `"Null": {"key": "false"}` to the statement's Condition, so that ForAllValues requires the key. */
export const addNullGuard: FixProvider = (context) => {
  const key = typeof context.data.key === 'string' ? context.data.key : undefined;
  const { statement } = policyAt(context.model, context.offset);
  if (!key || !statement?.condition) return [];
  return [
    {
      title: l10n.t('Add {0}', `"Null": {"${key}": "false"}`),
      preferred: true,
      apply(tx) {
        const current = policyAt(tx.model, context.offset).statement;
        if (!current?.condition) return;
        const nullBlock = current.condition.clauses.find((c) => c.operator.value === 'Null' && c.body?.type === 'object');
        const path = [...statementPath(tx.model, current), 'Condition'];
        tx.set([...path, nullBlock ? nullBlock.operator.value : 'Null', key], 'false');
      },
    },
  ];
};
