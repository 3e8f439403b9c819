import * as l10n from '@vscode/l10n';
import { hasWildcard } from '../../../catalog/wildcard';
import type { PolicyString, PrincipalElement } from '../../../policy/policyModel';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { sentences } from '../../../l10n';

/** `"*"`, `{"AWS": "*"}` or a wildcard inside a principal ARN: not in a Kinesis resource policy. */
export const wildcardPrincipal = statementRule({
  code: 'resource-policy/wildcard-principal',
  defaultSeverity: 'error',
  kinds: ['kinesis-resource'],
  checkStatement(statement) {
    const findings: RuleFinding[] = [];
    // A condition narrowing "*" to an account or organization is how other services' policies are
    // written; Kinesis rejects the wildcard whatever the condition says.
    const conditioned = statement.condition && l10n.t('The Condition does not change that: Kinesis rejects a wildcard principal whatever the condition narrows it to.');
    const report = (value: PolicyString) => {
      if (!hasWildcard(value.value)) return;
      findings.push(
        at(
          value.node,
          sentences(
            l10n.t(
              'The principal "{0}" uses a wildcard, which Kinesis resource-based policies do not allow: it would share the stream with anyone. Name the accounts, roles or users to share with.',
              value.value,
            ),
            conditioned,
          ),
          { data: { principal: value.value } },
        ),
      );
    };
    const check = (element: PrincipalElement | undefined) => {
      if (!element) return;
      if (element.bare) report(element.bare);
      for (const entry of element.entries) for (const value of entry.values) report(value);
    };
    check(statement.principal);
    check(statement.notPrincipal);
    return findings;
  },
});
