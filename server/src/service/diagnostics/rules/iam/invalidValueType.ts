import type { Node } from 'jsonc-parser';
import type { PolicyRule, RuleFinding } from '../../rule';
import { at } from '../../ruleContext';

/** `Action`, `Resource` and principal entries are strings; a number, object or null is rejected. */
export const invalidValueType: PolicyRule = {
  code: 'iam/invalid-value-type',
  defaultSeverity: 'error',
  kinds: ['identity', 'kinesis-resource', 'other-resource'],
  check(context) {
    const findings: RuleFinding[] = [];
    const report = (key: string, nodes: Node[]) => {
      for (const node of nodes) {
        findings.push(at(node, `Entries of "${key}" are strings or a list of strings, not ${describe(node)}.`, { data: { key } }));
      }
    };
    for (const s of context.model.statements) {
      for (const element of [s.action, s.notAction, s.resource, s.notResource]) if (element) report(element.key, element.invalid);
      for (const principal of [s.principal, s.notPrincipal]) {
        for (const entry of principal?.entries ?? []) report(`${principal?.key}.${entry.type.value}`, entry.invalid);
      }
    }
    return findings;
  },
};

function describe(node: Node): string {
  if (node.type === 'null') return 'null';
  if (node.type === 'array') return 'a nested list';
  return `${node.type === 'object' ? 'an' : 'a'} ${node.type}`;
}
