import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { sentences, series } from '../../../l10n';

/** The elements IAM knows, spelt as it spells them (IAM User Guide, "IAM JSON policy element reference"). */
const POLICY_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

/**
 * A key IAM does not know, at the top of the policy or in a statement: IAM rejects the policy
 * (element names are case-sensitive), and a misspelt `Resource` or `Condition` would otherwise
 * change what the statement means without a word.
 */
export const unknownKey = statementRule({
  code: 'iam/unknown-key',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement) {
    return unknownIn(statement.node, STATEMENT_KEYS, 'statement');
  },
  checkOutside(context) {
    return context.model.root?.type === 'object' ? unknownIn(context.model.root, POLICY_KEYS, 'policy') : [];
  },
});

/** The keys of `object` not in `known`: `where` is a statement, or the top of a policy. */
function unknownIn(object: Node, known: readonly string[], where: 'statement' | 'policy'): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (key?.type !== 'string' || known.includes(String(key.value))) continue;
    const written = String(key.value);
    const same = known.find((k) => k.toLowerCase() === written.toLowerCase());
    const elements = series(known);
    const message =
      where === 'statement'
        ? sentences(
            l10n.t('"{0}" is not an element of a statement, so IAM rejects the policy.', written),
            same ? l10n.t('A statement has {0}; did you mean "{1}"?', elements, same) : l10n.t('A statement has {0}.', elements),
          )
        : sentences(
            l10n.t('"{0}" is not an element of the top of a policy, so IAM rejects the policy.', written),
            same ? l10n.t('A policy has {0}; did you mean "{1}"?', elements, same) : l10n.t('A policy has {0}.', elements),
          );
    findings.push(
      at(key, message, {
        data: { key: written, ...(same ? { suggestion: same } : {}) },
      }),
    );
  }
  return findings;
}
