import * as l10n from '@vscode/l10n';
import { EFO_CONSUMER_ACTIONS } from '../../../kinesis/kinesisFacts';
import { attributeOf, resolveString } from '../intrinsics';
import { entry, type TemplateNode } from '../templateTree';
import { alternatives, conjoined } from '../../../l10n';
import { templateCheck, unseenPolicies, type TemplateFinding } from './check';

/**
 * An enhanced fan-out consumer the template registers (`AWS::Kinesis::StreamConsumer`) is read
 * by subscribing to it: a principal whose policy names the consumer needs kinesis:SubscribeToShard
 * and kinesis:DescribeStreamConsumer on it, or it cannot read through it. [KDS-TUTORIAL] [KCL-IAM]
 */
export const consumerCannotSubscribe = templateCheck({
  code: 'template/consumer-cannot-subscribe',
  defaultSeverity: 'warning',
  check({ template, access }) {
    const findings: TemplateFinding[] = [];
    const { symbols } = template;
    for (const [name, resource] of symbols.resources) {
      if (resource.type !== 'AWS::Kinesis::StreamConsumer') continue;
      const consumer = attributeOf(name, 'ConsumerARN', symbols);
      for (const policy of template.policies) {
        if (policy.kind !== 'identity' || policy.node.synthetic) continue;
        const site = namingValue(policy.node, consumer, symbols);
        if (!site) continue;
        const requests = EFO_CONSUMER_ACTIONS.map((action) => ({ action, resource: consumer, literal: false }));
        // Its principals, each with all its policies; a policy attached to none of the template's, alone.
        const owners = template.owners(policy);
        const judged = owners.length > 0 ? owners.map((principal) => ({ who: principal, missing: access.denied(principal, requests), unknown: access.unknown(principal) })) : [{ who: undefined, missing: access.deniedBy([policy], requests), unknown: [] }];
        for (const { who, missing, unknown } of judged) {
          if (missing.length === 0) continue;
          const { note, severity } = unseenPolicies(unknown);
          findings.push({
            start: site.start,
            end: site.end,
            severity,
            message:
              who === undefined
                ? l10n.t(
                    'This policy names the enhanced fan-out consumer {0} but cannot {1} on it{2}: it reads through the consumer by subscribing to its shards. Grant {3} on the consumer.',
                    name,
                    alternatives(missing.map((m) => m.action)),
                    note,
                    conjoined(EFO_CONSUMER_ACTIONS),
                  )
                : l10n.t(
                    '{0} names the enhanced fan-out consumer {1} but cannot {2} on it{3}: it reads through the consumer by subscribing to its shards. Grant {4} on the consumer.',
                    who,
                    name,
                    alternatives(missing.map((m) => m.action)),
                    note,
                    conjoined(EFO_CONSUMER_ACTIONS),
                  ),
          });
        }
      }
    }
    return findings;
  },
});

/** The first `Resource` value of a policy that reads as the consumer's ARN. */
function namingValue(policy: TemplateNode, consumer: string, symbols: Parameters<typeof resolveString>[1]): TemplateNode | undefined {
  const list = entry(policy, 'Statement');
  for (const statement of list?.type === 'seq' ? list.items : list ? [list] : []) {
    const value = entry(statement, 'Resource');
    for (const item of value?.type === 'seq' ? value.items : value ? [value] : []) {
      if (resolveString(item, symbols) === consumer) return item;
    }
  }
  return undefined;
}
