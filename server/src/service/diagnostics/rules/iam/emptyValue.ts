import * as l10n from '@vscode/l10n';
import type { ListElement } from '../../../policy/policyModel';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';

/** An empty `Action` or `Resource` (`""` or `[]`) is rejected, and a blank entry names nothing. */
export const emptyValue = statementRule({
  code: 'iam/empty-value',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(s) {
    const findings: RuleFinding[] = [];
    const check = (element: ListElement | undefined) => {
      if (!element?.value) return;
      if (element.value.type === 'array' && (element.value.children?.length ?? 0) === 0) {
        findings.push(at(element.value, l10n.t('"{0}" is an empty list: IAM rejects it. List at least one entry.', element.key)));
      }
      for (const value of element.values) {
        if (value.value.trim() === '') findings.push(at(value.node, l10n.t('An empty string in "{0}" names nothing: remove it or fill it in.', element.key)));
      }
    };
    check(s.action);
    check(s.notAction);
    check(s.resource);
    check(s.notResource);
    return findings;
  },
});
