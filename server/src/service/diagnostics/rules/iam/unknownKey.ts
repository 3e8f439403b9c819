import type { Node } from 'jsonc-parser';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';

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
    return unknownIn(statement.node, STATEMENT_KEYS, 'a statement');
  },
  checkOutside(context) {
    return context.model.root?.type === 'object' ? unknownIn(context.model.root, POLICY_KEYS, 'the top of a policy') : [];
  },
});

function unknownIn(object: Node, known: readonly string[], where: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (key?.type !== 'string' || known.includes(String(key.value))) continue;
    const written = String(key.value);
    const same = known.find((k) => k.toLowerCase() === written.toLowerCase());
    findings.push(
      at(key, `"${written}" is not an element of ${where}, so IAM rejects the policy. ${where === 'a statement' ? 'A statement has' : 'A policy has'} ${known.join(', ')}${same ? `; did you mean "${same}"?` : '.'}`, {
        data: { key: written, ...(same ? { suggestion: same } : {}) },
      }),
    );
  }
  return findings;
}
