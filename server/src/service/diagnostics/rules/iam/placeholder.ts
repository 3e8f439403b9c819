import * as l10n from '@vscode/l10n';
import { placeholdersIn } from '../../../templates/placeholders';
import type { PolicyString, PrincipalElement } from '../../../policy/policyModel';
import { type RuleFinding, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';

/**
 * The inserted statements and the New Policy command write names such as ACCOUNT_ID where the
 * document did not say them, and examples copied from documentation keep `<stream-name>` or
 * `REGION_HERE`: each one is shown until it is filled in. The ARN, principal and resource rules
 * leave such values to this one.
 */
export const placeholder = statementRule({
  code: 'iam/placeholder',
  defaultSeverity: 'warning',
  kinds: ALL_KINDS,
  checkStatement(s, context) {
    const findings: RuleFinding[] = [];
    const report = (value: PolicyString) => {
      for (const { name, index } of placeholdersIn(value.value)) {
        // On the placeholder itself where the text is written as it reads (no escapes before it).
        const raw = context.model.source.slice(value.contentOffset, value.contentOffset + index + name.length);
        const exact = raw === value.value.slice(0, index + name.length);
        findings.push({
          ...(exact ? { offset: value.contentOffset + index, length: name.length } : { offset: value.node.offset, length: value.node.length }),
          message: l10n.t('Replace the placeholder {0} in "{1}" with the real value.', name, value.value),
          data: { placeholder: name },
        });
      }
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
