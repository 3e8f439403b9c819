import { POLICY_VERSIONS } from '../../policy/parsePolicy';
import { locate } from '../statements';
import { statementPath } from '../transaction';
import { uniqueSid, type FixProvider } from './fix';

export const replaceUnknownAction: FixProvider = (context) => {
  const suggestion = typeof context.data.suggestion === 'string' ? context.data.suggestion : undefined;
  if (!suggestion) return [];
  return [
    {
      title: `Change to ${suggestion}`,
      preferred: true,
      apply(tx) {
        const { value } = locate(tx.model, context.offset);
        if (value) tx.replace(value.node.offset, value.node.length, JSON.stringify(suggestion));
      },
    },
  ];
};

export const setVersion: FixProvider = () => [
  {
    title: `Set "Version": "${POLICY_VERSIONS[0]}"`,
    preferred: true,
    apply(tx) {
      tx.set(['Version'], POLICY_VERSIONS[0], 0);
    },
  },
];

export const fixEffect: FixProvider = (context) => {
  const replacement = typeof context.data.replacement === 'string' ? context.data.replacement : undefined;
  const choices = replacement ? [replacement] : ['Allow', 'Deny'];
  return choices.map((effect, i) => ({
    title: `Set "Effect": "${effect}"`,
    preferred: i === 0 && replacement !== undefined,
    apply(tx) {
      const { statement } = locate(tx.model, context.offset);
      if (statement) tx.set([...statementPath(tx.model, statement), 'Effect'], effect, statement.sid ? 1 : 0);
    },
  }));
};

/** Removes an entry of `Action` that adds nothing, or an empty string. */
export const removeEntry: FixProvider = (context) => [
  {
    title: context.code === 'iam/redundant-action' ? 'Remove the redundant action' : 'Remove the empty entry',
    preferred: true,
    apply(tx) {
      const { statement, value } = locate(tx.model, context.offset);
      if (!statement || !value) return;
      for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
        const element = statement[key === 'Action' ? 'action' : key === 'NotAction' ? 'notAction' : key === 'Resource' ? 'resource' : 'notResource'];
        const index = element?.values.indexOf(value) ?? -1;
        if (index < 0 || !element) continue;
        const path = [...statementPath(tx.model, statement), key];
        if (element.value?.type === 'array' && element.values.length > 1) tx.set([...path, element.value.children!.indexOf(value.node)], undefined);
        return;
      }
    },
  },
];

export const renameSid: FixProvider = (context) => {
  const sid = typeof context.data.sid === 'string' ? context.data.sid : undefined;
  if (!sid) return [];
  return [
    {
      title: 'Rename to a unique Sid',
      preferred: true,
      apply(tx) {
        const { value } = locate(tx.model, context.offset);
        if (value) tx.replace(value.node.offset, value.node.length, JSON.stringify(uniqueSid(tx.model, sid)));
      },
    },
  ];
};
