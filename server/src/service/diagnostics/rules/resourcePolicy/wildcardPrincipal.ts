import type { Node } from 'jsonc-parser';
import { hasWildcard } from '../../../catalog/wildcard';
import type { PolicyRule, RuleFinding } from '../../rule';
import { at } from '../../ruleContext';

/** `"*"`, `{"AWS": "*"}` or a wildcard inside a principal ARN: not in a Kinesis resource policy. */
export const wildcardPrincipal: PolicyRule = {
  code: 'resource-policy/wildcard-principal',
  defaultSeverity: 'error',
  kinds: ['kinesis-resource'],
  check(context) {
    const findings: RuleFinding[] = [];
    const report = (node: Node, written: string) =>
      findings.push(
        at(
          node,
          `The principal "${written}" uses a wildcard, which Kinesis resource-based policies do not allow: ` +
            'it would share the stream with anyone. Name the accounts, roles or users to share with.',
          { data: { principal: written } },
        ),
      );
    for (const statement of context.model.statements) {
      for (const element of [statement.principal, statement.notPrincipal]) {
        if (element?.bare && hasWildcard(element.bare.value)) report(element.bare.node, element.bare.value);
        for (const entry of element?.entries ?? []) {
          for (const value of entry.values) if (hasWildcard(value.value)) report(value.node, value.value);
        }
      }
    }
    return findings;
  },
};
