import * as l10n from '@vscode/l10n';
import { POLICY_VERSIONS } from '../../policy/parsePolicy';
import type { PolicyModel, StatementModel } from '../../policy/policyModel';
import { statementPath } from '../transaction';
import { uniqueSid, type FixProvider } from './fix';
import { policyAt } from '../../policy/policyAt';

/** Replaces the string the diagnostic is on with the suggestion its rule made (an action, a principal type). */
export const replaceWithSuggestion: FixProvider = (context) => {
  const suggestion = typeof context.data.suggestion === 'string' ? context.data.suggestion : undefined;
  if (!suggestion) return [];
  return [
    {
      title: l10n.t('Change to {0}', suggestion),
      preferred: true,
      apply(tx) {
        const { string: value } = policyAt(tx.model, context.offset);
        if (value) tx.replace(value.node.offset, value.node.length, JSON.stringify(suggestion));
      },
    },
  ];
};

export const setVersion: FixProvider = () => [
  {
    title: l10n.t('Set "Version": "{0}"', POLICY_VERSIONS[0]),
    preferred: true,
    apply(tx) {
      tx.set(['Version'], POLICY_VERSIONS[0], 0);
    },
  },
];

export const fixEffect: FixProvider = (context) => {
  const replacement = typeof context.data.replacement === 'string' ? context.data.replacement : undefined;
  // With NotAction, Deny is the usual statement ("deny all but these"); Allow grants too much.
  const notAction = policyAt(context.model, context.offset).statement?.notAction !== undefined;
  const choices = replacement ? [replacement] : notAction ? ['Deny', 'Allow'] : ['Allow', 'Deny'];
  return choices.map((effect, i) => ({
    title: l10n.t('Set "Effect": "{0}"', effect),
    preferred: i === 0 && replacement !== undefined,
    apply(tx) {
      const { statement } = policyAt(tx.model, context.offset);
      if (statement) tx.set([...statementPath(tx.model, statement), 'Effect'], effect, statement.sid ? 1 : 0);
    },
  }));
};

/** Removes an entry of a list (`Action`, `Resource`, ...) that adds nothing, or an empty string; not the list's only one. */
export const removeEntry: FixProvider = (context) => {
  if (!listEntry(context.model, context.offset)) return [];
  return [
    {
      title: context.code === 'iam/redundant-action' ? l10n.t('Remove the redundant action') : l10n.t('Remove the empty entry'),
      preferred: true,
      apply(tx) {
        const entry = listEntry(tx.model, context.offset);
        if (entry) tx.set([...statementPath(tx.model, entry.statement), entry.key, entry.index], undefined);
      },
    },
  ];
};

const LIST_KEYS = [
  ['Action', 'action'],
  ['NotAction', 'notAction'],
  ['Resource', 'resource'],
  ['NotResource', 'notResource'],
] as const;

/** The string at an offset when it is one of several in an array element of its statement. */
function listEntry(model: PolicyModel, offset: number): { statement: StatementModel; key: string; index: number } | undefined {
  const { statement, string: value } = policyAt(model, offset);
  if (!statement || !value) return undefined;
  for (const [key, field] of LIST_KEYS) {
    const element = statement[field];
    if (!element?.values.includes(value)) continue;
    const index = element.value?.type === 'array' ? (element.value.children ?? []).indexOf(value.node) : -1;
    return index >= 0 && (element.value?.children?.length ?? 0) > 1 ? { statement, key, index } : undefined;
  }
  return undefined;
}

export const renameSid: FixProvider = (context) => {
  const sid = typeof context.data.sid === 'string' ? context.data.sid : undefined;
  if (!sid) return [];
  return [
    {
      title: l10n.t('Rename to a unique Sid'),
      preferred: true,
      apply(tx) {
        const { string: value } = policyAt(tx.model, context.offset);
        if (value) tx.replace(value.node.offset, value.node.length, JSON.stringify(uniqueSid(tx.model, sid)));
      },
    },
  ];
};

/** An ARN whose partition is not its region's: writes the region's partition (`arn:aws-cn:` for cn-north-1). */
export const fixPartition: FixProvider = (context) => {
  const partition = typeof context.data.partition === 'string' ? context.data.partition : undefined;
  if (!partition) return [];
  return [
    {
      title: l10n.t('Change the partition to {0}', partition),
      preferred: true,
      apply(tx) {
        const { string: value } = policyAt(tx.model, context.offset);
        const arn = value?.value;
        if (!value || !arn?.startsWith('arn:')) return;
        const end = arn.indexOf(':', 4);
        if (end < 0) return;
        tx.replace(value.node.offset, value.node.length, JSON.stringify(`arn:${partition}${arn.slice(end)}`));
      },
    },
  ];
};
