import * as l10n from '@vscode/l10n';
import { series } from '../../../l10n';
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
      const wrong = series(resources.filter((r) => isWrong(r, wanted)).map((r) => `"${r.value.value}"`));
      const name = actions[0].qualifiedName;
      findings.push(
        at(
          value.node,
          target === 'consumer'
            ? l10n.t(
                "{0} acts on a consumer, but this statement's resource {1} is not a consumer ARN. Share consumer actions in the consumer's policy, on its ARN (stream/NAME/consumer/CONSUMER:TIMESTAMP), and stream actions in the stream's.",
                name,
                wrong,
              )
            : l10n.t(
                "{0} acts on a stream, but this statement's resource {1} is not a stream ARN. Share stream actions in the stream's policy, on its ARN (stream/NAME), and consumer actions in the consumer's.",
                name,
                wrong,
              ),
          { data: { action: name, expected: target } },
        ),
      );
    }
    return findings;
  },
});
