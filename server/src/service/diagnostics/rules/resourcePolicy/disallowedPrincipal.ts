import * as l10n from '@vscode/l10n';
import type { PrincipalElement } from '../../../policy/policyModel';
import { at, type RuleFinding, statementRule, type StatementRule } from '../../engine/rule';

/**
 * Kinesis resource policies reject service, federated and canonical-user principals; `why` says
 * why, in the display language (asked for when a finding is made).
 */
function disallowedPrincipal<Code extends string>(code: Code, type: string, why: () => string): StatementRule<Code> {
  return statementRule({
    code,
    defaultSeverity: 'error',
    kinds: ['kinesis-resource'],
    checkStatement(statement) {
      const findings: RuleFinding[] = [];
      const message = () =>
        l10n.t('{0} principals are not allowed in Kinesis resource-based policies ({1}). Name AWS accounts, IAM roles or IAM users under "AWS" instead.', type, why());
      const check = (element: PrincipalElement | undefined) => {
        for (const entry of element?.entries ?? []) {
          if (entry.type.value === type) findings.push(at(entry.property, message(), { data: { principalType: type } }));
        }
      };
      check(statement.principal);
      check(statement.notPrincipal);
      return findings;
    },
  });
}

export const servicePrincipal = disallowedPrincipal('resource-policy/service-principal', 'Service', () => l10n.t('to prevent confused-deputy access'));
export const federatedPrincipal = disallowedPrincipal('resource-policy/federated-principal', 'Federated', () => l10n.t('federated users are not supported'));
export const canonicalUserPrincipal = disallowedPrincipal('resource-policy/canonical-user-principal', 'CanonicalUser', () => l10n.t('canonical user IDs are not supported'));
