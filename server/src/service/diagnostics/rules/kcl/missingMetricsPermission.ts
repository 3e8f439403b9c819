import * as l10n from '@vscode/l10n';
import { CONSUMER_MARKER_ACTION, METRICS_ACTION } from '../../../kinesis/kinesisFacts';
import { kclApplies, showsKclUse } from '../../helpers/consumerFacts';
import { deniedClause } from '../../helpers/jobs';
import { at, policyRule } from '../../engine/rule';
import { sentences } from '../../../l10n';

/** The KCL publishes metrics to CloudWatch; PutMetricData takes `"Resource": "*"`. */
export const missingMetricsPermission = policyRule({
  code: 'kcl/missing-metrics-permission',
  defaultSeverity: 'warning',
  kinds: ['identity'],
  judges: 'principal',
  check(context) {
    if (!kclApplies(context)) return [];
    // The action takes no resource: IAM evaluates it against the resource "*" itself.
    if (context.access.permits(METRICS_ACTION, '*', true)) return [];
    const site = context.grantSite(CONSUMER_MARKER_ACTION);
    if (!site) return [];
    const kcl = showsKclUse(context);
    const denials = context.access.deniedBy(METRICS_ACTION, '*', true);
    const needs = kcl
      ? l10n.t(
          'This KCL consumer also needs {0} on "Resource": "*": the KCL publishes its metrics to CloudWatch (the action takes no resource ARN). Add it, or turn the KCL metrics off in the application.',
          METRICS_ACTION,
        )
      : l10n.t(
          'If this consumer uses the Kinesis Client Library (KCL), it also needs {0} on "Resource": "*": the KCL publishes its metrics to CloudWatch (the action takes no resource ARN). Add it, or turn the KCL metrics off in the application.',
          METRICS_ACTION,
        );
    return [
      at(site, sentences(needs, deniedClause(denials.map((m) => m.statement))), {
        severity: kcl ? 'warning' : 'information',
        data: { missing: [METRICS_ACTION], ...(denials.length > 0 ? { denied: true } : {}) },
      }),
    ];
  },
});
