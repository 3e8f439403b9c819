import { placeholderIn } from '../../../templates/placeholders';
import type { PolicyString, PrincipalElement } from '../../../policy/policyModel';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';

/**
 * The inserted statements and the New Policy command write names such as ACCOUNT_ID where the
 * document did not say them: each is shown until it is filled in. The ARN and principal rules
 * leave such values to this one.
 */
export const placeholder = statementRule({
  code: 'iam/placeholder',
  defaultSeverity: 'warning',
  kinds: ALL_KINDS,
  checkStatement(s) {
    const findings: RuleFinding[] = [];
    const report = (value: PolicyString) => {
      const name = placeholderIn(value.value);
      if (name) findings.push(at(value.node, `Replace the placeholder ${name} in "${value.value}" with the real value.`, { data: { placeholder: name } }));
    };
    const reportAll = (values: readonly PolicyString[] | undefined) => {
      if (values) for (const value of values) report(value);
    };
    const reportPrincipal = (element: PrincipalElement | undefined) => {
      if (element?.bare) report(element.bare);
      if (element) for (const entry of element.entries) reportAll(entry.values);
    };
    reportAll(s.resource?.values);
    reportAll(s.notResource?.values);
    reportPrincipal(s.principal);
    reportPrincipal(s.notPrincipal);
    return findings;
  },
});
