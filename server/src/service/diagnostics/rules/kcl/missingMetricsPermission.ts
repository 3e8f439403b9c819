import { CONSUMER_MARKER_ACTION, METRICS_ACTION } from '../../../kinesis/kinesisFacts';
import { kclApplies, showsKclUse } from '../../helpers/consumerFacts';
import { deniedClause } from '../../helpers/jobs';
import { at, policyRule } from '../../engine/rule';

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
    return [
      at(
        site,
        `${kcl ? 'This KCL consumer' : 'If this consumer uses the Kinesis Client Library (KCL), it'} also needs ${METRICS_ACTION} ` +
          'on "Resource": "*": the KCL publishes its metrics to CloudWatch (the action takes no resource ARN). ' +
          'Add it, or turn the KCL metrics off in the application.' +
          deniedClause(context.access.deniedBy(METRICS_ACTION, '*', true).map((m) => m.statement)),
        { severity: kcl ? 'warning' : 'information', data: { missing: [METRICS_ACTION], ...(context.access.deniedBy(METRICS_ACTION, '*', true).length > 0 ? { denied: true } : {}) } },
      ),
    ];
  },
});
