import type { ResourceTypeInfo } from '../../catalog/serviceEntry';
import { CONSUMER_MARKER_ACTION } from '../../kinesis/kinesisFacts';
import type { StatementModel } from '../../policy/policyModel';
import type { RuleContext } from '../engine/ruleContext';

/** Whether the policy grants `kinesis:GetRecords`, wildcards included: then it is a consumer's. */
export function isConsumer(context: RuleContext): boolean {
  return context.access.isGranted(CONSUMER_MARKER_ACTION);
}

/**
 * Whether the policy shows it belongs to a KCL application: it grants some DynamoDB or
 * CloudWatch access, or the settings say every consumer uses the KCL.
 */
export function showsKclUse(context: RuleContext): boolean {
  if (context.settings.assumeKcl) return true;
  return context.model.statements.some(
    (s) =>
      s.effect?.value === 'Allow' &&
      (s.action?.values ?? []).some((v) => v.value === '*' || /^(dynamodb|cloudwatch):/i.test(v.value)),
  );
}

/** Whether a statement's resources can include a resource of one of these types. */
export function statementCovers(context: RuleContext, statement: StatementModel, types: readonly ResourceTypeInfo[]): boolean {
  if (statement.notResource) return true;
  return context.resourcesOf(statement).some((r) => context.fits(r, types));
}

/** Whether some Allow statement grants `action` on a resource of one of these types. */
export function grantedOn(context: RuleContext, action: string, types: readonly ResourceTypeInfo[]): boolean {
  return context.access.allowsOf(action).some((s) => statementCovers(context, s, types));
}
