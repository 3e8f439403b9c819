import type { PolicyRule } from '../../rule';
import { at } from '../../ruleContext';

/** Kinesis resource policies reject service, federated and canonical-user principals. */
function disallowedPrincipal(code: string, type: string, why: string): PolicyRule {
  return {
    code,
    defaultSeverity: 'error',
    kinds: ['kinesis-resource'],
    check(context) {
      return context.model.statements.flatMap((statement) =>
        [statement.principal, statement.notPrincipal]
          .flatMap((element) => element?.entries ?? [])
          .filter((entry) => entry.type.value === type)
          .map((entry) =>
            at(entry.property, `${type} principals are not allowed in Kinesis resource-based policies (${why}). Name AWS accounts, IAM roles or IAM users under "AWS" instead.`, {
              data: { principalType: type },
            }),
          ),
      );
    },
  };
}

export const servicePrincipal = disallowedPrincipal('resource-policy/service-principal', 'Service', 'to prevent confused-deputy access');
export const federatedPrincipal = disallowedPrincipal('resource-policy/federated-principal', 'Federated', 'federated users are not supported');
export const canonicalUserPrincipal = disallowedPrincipal('resource-policy/canonical-user-principal', 'CanonicalUser', 'canonical user IDs are not supported');
