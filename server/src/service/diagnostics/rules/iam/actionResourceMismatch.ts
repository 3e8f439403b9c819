import * as l10n from '@vscode/l10n';
import { alternatives } from '../../../l10n';
import { parseArn } from '../../../catalog/arn';
import type { ActionInfo, ResourceTypeInfo } from '../../../catalog/serviceEntry';
import { METRICS_ACTION, SHAREABLE_ACTIONS } from '../../../kinesis/kinesisFacts';
import type { PolicyString } from '../../../policy/policyModel';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { type ResolvedResource, type RuleContext } from '../../engine/ruleContext';
import { ALL_KINDS } from '../../engine/policyKind';
import { unreadableResource } from './invalidArn';

/**
 * A named action that none of the statement's resources can apply to is granted nowhere:
 * `kinesis:ListStreams` (no resource ARN) on a stream, `kinesis:SubscribeToShard` on a stream
 * instead of a consumer, a Kinesis action on a DynamoDB table. Wildcard actions such as
 * `kinesis:*` cover actions of every resource type, which is normal, and are not reported.
 */
export const actionResourceMismatch = statementRule({
  code: 'iam/action-resource-mismatch',
  defaultSeverity: 'warning',
  kinds: ALL_KINDS,
  checkStatement(statement, context) {
    const findings: RuleFinding[] = [];
    if (statement.notResource) return findings;
    const resources = context.resourcesOf(statement);
    // "*" covers everything; unreadable ARNs (invalid-arn's, empty-value's or placeholder's) say nothing here. A variable stands
    // for unknown text, but the parts around it still decide (see ResolvedResource.pattern).
    if (resources.length === 0 || resources.some((r) => r.pattern === '*' || !r.arn || unreadableResource(context, r.value.value))) return findings;
    // Wildcards are left out before their actions are read: `*` would load every service.
    for (const { value, actions } of context.actionsOf(statement).filter((a) => !a.wildcard)) {
      if (actions.length !== 1) continue;
      // In a Kinesis resource policy, resource-policy/resource-mismatch speaks for the shareable actions.
      if (context.kind === 'kinesis-resource' && actions[0].qualifiedName in SHAREABLE_ACTIONS) continue;
      const finding = mismatch(context, value, actions[0], actions[0].service.resourceTypesOf(actions[0]), resources);
      if (finding) findings.push(finding);
    }
    return findings;
  },
});

function mismatch(
  context: RuleContext,
  value: PolicyString,
  action: ActionInfo,
  types: readonly ResourceTypeInfo[],
  resources: readonly ResolvedResource[],
): RuleFinding | undefined {
  if (types.length === 0) {
    return at(
      value.node,
      l10n.t(
        '{0} takes no resource ARN, so it applies only with "Resource": "*"; with the resources listed here it is granted nowhere. Move it to a statement with "Resource": "*".',
        action.qualifiedName,
      ),
      { data: { action: action.qualifiedName, expected: ['*'] } },
    );
  }
  if (resources.some((r) => context.fits(r, types))) return undefined;
  const expected = types.map((t) => t.name);
  // A type is named by the service its ARNs belong to: sts:AssumeRole takes IAM role ARNs.
  const named = types.map((t) => `${parseArn(t.arn)?.service ?? action.service.prefix} ${t.name}`);
  // The metrics action's resource is optional and the KCL and the KPL call it without one: "*" is
  // what they need. (The data marks other actions' types optional too, such as S3's, whose callers
  // do name the bucket or object: for those a resource of another type is simply wrong.)
  if (action.qualifiedName === METRICS_ACTION && !(action.resourceTypes ?? []).some((t) => t.required)) {
    return at(
      value.node,
      l10n.t(
        '{0} is called without a resource by nearly every caller (the KCL and the KPL among them), so it is granted on "Resource": "*"; on the resources listed here it applies only to the calls that name one (its {1} resource is optional, {2}). Move it to a statement with "Resource": "*", unless those calls are all you mean to allow.',
        action.qualifiedName,
        alternatives([...new Set(named)]),
        types[0].arn,
      ),
      { data: { action: action.qualifiedName, expected: ['*', ...expected] } },
    );
  }
  return at(
    value.node,
    l10n.t(
      "{0} applies to {1} ARNs ({2}), and none of this statement's resources is one, so it is granted nowhere. Add the right ARN, or move the action to the statement that names it.",
      action.qualifiedName,
      alternatives([...new Set(named)]),
      types[0].arn,
    ),
    { data: { action: action.qualifiedName, expected } },
  );
}
