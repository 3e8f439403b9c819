import type { ResourceTypeInfo } from '../../../catalog/serviceEntry';
import { SHAREABLE_ACTIONS } from '../../../kinesis/kinesisFacts';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { type ResolvedResource } from '../../engine/ruleContext';
import { unreadableResource } from '../iam/invalidArn';

/**
 * Consumer actions (DescribeStreamConsumer, SubscribeToShard) must name a consumer ARN and
 * stream actions a stream ARN: a stream's policy and a consumer's policy are separate.
 */
export const resourceMismatch = statementRule({
  code: 'resource-policy/resource-mismatch',
  defaultSeverity: 'error',
  kinds: ['kinesis-resource'],
  checkStatement(statement, context) {
    const kinesis = context.catalog.service('kinesis');
    const stream = kinesis?.resourceType('stream');
    const consumer = kinesis?.resourceType('consumer');
    if (!stream || !consumer) return [];
    const findings: RuleFinding[] = [];
    const resources = context.resourcesOf(statement);
    // Plain ARNs only: `*` and wildcards may cover either kind.
    const isWrong = (r: ResolvedResource, wanted: ResourceTypeInfo) => !r.wildcard && !unreadableResource(context, r.value.value) && context.resourceTypeOf(r) !== wanted;
    // Wildcards are left out before their actions are read: `*` would load every service.
    for (const { value, actions } of context.actionsOf(statement).filter((a) => !a.wildcard)) {
      if (actions.length !== 1) continue;
      const target = SHAREABLE_ACTIONS[actions[0].qualifiedName];
      if (!target) continue;
      const wanted = target === 'consumer' ? consumer : stream;
      if (!resources.some((r) => isWrong(r, wanted))) continue;
      const wrong = resources.filter((r) => isWrong(r, wanted));
      const other = target === 'consumer' ? 'stream' : 'consumer';
      findings.push(
        at(
          value.node,
          `${actions[0].qualifiedName} acts on a ${target}, but this statement's resource ${wrong.map((r) => `"${r.value.value}"`).join(', ')} ` +
            `is not a ${target} ARN. Share ${target} actions in the ${target}'s policy, on its ARN ` +
            `(${target === 'consumer' ? 'stream/NAME/consumer/CONSUMER:TIMESTAMP' : 'stream/NAME'}), and ${other} actions in the ${other}'s.`,
          { data: { action: actions[0].qualifiedName, expected: target } },
        ),
      );
    }
    return findings;
  },
});
