import { placeholderIn } from '../../../templates/placeholders';
import type { PolicyString } from '../../../policy/policyModel';
import type { PolicyRule, RuleFinding } from '../../rule';
import { at } from '../../ruleContext';

/**
 * The inserted statements and the New Policy command write names such as ACCOUNT_ID where the
 * document did not say them: each is shown until it is filled in. The ARN and principal rules
 * leave such values to this one.
 */
export const placeholder: PolicyRule = {
  code: 'iam/placeholder',
  defaultSeverity: 'warning',
  kinds: ['identity', 'kinesis-resource', 'other-resource'],
  check(context) {
    const findings: RuleFinding[] = [];
    const report = (value: PolicyString) => {
      const name = placeholderIn(value.value);
      if (name) findings.push(at(value.node, `Replace the placeholder ${name} in "${value.value}" with the real value.`, { data: { placeholder: name } }));
    };
    for (const s of context.model.statements) {
      [...(s.resource?.values ?? []), ...(s.notResource?.values ?? [])].forEach(report);
      for (const element of [s.principal, s.notPrincipal]) {
        if (element?.bare) report(element.bare);
        element?.entries.forEach((entry) => entry.values.forEach(report));
      }
    }
    return findings;
  },
};
