import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import type { ListElement, PrincipalElement } from '../../../policy/policyModel';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';
import { describeNode } from '../../helpers/words';

/** `Action`, `Resource` and principal entries are strings; a number, object or null is rejected. */
export const invalidValueType = statementRule({
  code: 'iam/invalid-value-type',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(s) {
    const findings: RuleFinding[] = [];
    const report = (key: string, nodes: readonly Node[]) => {
      for (const node of nodes) {
        findings.push(at(node, l10n.t('Entries of "{0}" are strings or a list of strings, not {1}.', key, describeNode(node, 'nested list')), { data: { key } }));
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
