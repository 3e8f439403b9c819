import type { PrincipalElement } from '../../../policy/policyModel';
import { at, type RuleFinding, statementRule, type StatementRule } from '../../engine/rule';

/** Kinesis resource policies reject service, federated and canonical-user principals. */
function disallowedPrincipal<Code extends string>(code: Code, type: string, why: string): StatementRule<Code> {
  const message = `${type} principals are not allowed in Kinesis resource-based policies (${why}). Name AWS accounts, IAM roles or IAM users under "AWS" instead.`;
  return statementRule({
    code,
    defaultSeverity: 'error',
    kinds: ['kinesis-resource'],
    checkStatement(statement) {
      const findings: RuleFinding[] = [];
      const check = (element: PrincipalElement | undefined) => {
        for (const entry of element?.entries ?? []) {
          if (entry.type.value === type) findings.push(at(entry.property, message, { data: { principalType: type } }));
        }
      };
      check(statement.principal);
      check(statement.notPrincipal);
      return findings;
    },
  });
}

export const servicePrincipal = disallowedPrincipal('resource-policy/service-principal', 'Service', 'to prevent confused-deputy access');
export const federatedPrincipal = disallowedPrincipal('resource-policy/federated-principal', 'Federated', 'federated users are not supported');
export const canonicalUserPrincipal = disallowedPrincipal('resource-policy/canonical-user-principal', 'CanonicalUser', 'canonical user IDs are not supported');
