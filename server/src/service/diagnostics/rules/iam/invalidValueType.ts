import type { Node } from 'jsonc-parser';
import type { ListElement, PrincipalElement } from '../../../policy/policyModel';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';

/** `Action`, `Resource` and principal entries are strings; a number, object or null is rejected. */
export const invalidValueType = statementRule({
  code: 'iam/invalid-value-type',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(s) {
    const findings: RuleFinding[] = [];
    const report = (key: string, nodes: Node[]) => {
      for (const node of nodes) {
        findings.push(at(node, `Entries of "${key}" are strings or a list of strings, not ${describe(node)}.`, { data: { key } }));
      }
    };
    const reportList = (element: ListElement | undefined) => {
      if (element && element.invalid.length > 0) report(element.key, element.invalid);
    };
    const reportPrincipal = (principal: PrincipalElement | undefined) => {
      for (const entry of principal?.entries ?? []) if (entry.invalid.length > 0) report(`${principal?.key}.${entry.type.value}`, entry.invalid);
    };
    reportList(s.action);
    reportList(s.notAction);
    reportList(s.resource);
    reportList(s.notResource);
    reportPrincipal(s.principal);
    reportPrincipal(s.notPrincipal);
    return findings;
  },
});

function describe(node: Node): string {
  if (node.type === 'null') return 'null';
  if (node.type === 'array') return 'a nested list';
  return `${node.type === 'object' ? 'an' : 'a'} ${node.type}`;
}
