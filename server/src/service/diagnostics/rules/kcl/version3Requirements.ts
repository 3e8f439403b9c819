import * as l10n from '@vscode/l10n';
import { CONSUMER_MARKER_ACTION } from '../../../kinesis/kinesisFacts';
import { at, policyRule } from '../../engine/rule';
import { kclApplies } from '../../helpers/consumerFacts';
import { leaseGap, leaseGapSize } from '../../helpers/leaseTables';
import { leaseData, leaseParts } from './missingLeaseTablePermissions';

/**
 * With the KCL version at `auto`, a consumer policy that has what every KCL version needs on its
 * lease table but not what KCL 3.x needs beyond it: a note, since the policy cannot say which KCL
 * its application runs. Setting the version to `3.x` makes it a finding of the lease-table rule.
 */
export const version3Requirements = policyRule({
  code: 'kcl/version-3-requirements',
  defaultSeverity: 'information',
  kinds: ['identity'],
  judges: 'principal',
  check(context) {
    if (context.settings.kclVersion !== 'auto' || !kclApplies(context)) return [];
    const site = context.grantSite(CONSUMER_MARKER_ACTION);
    const every = leaseGap(context, '2.x');
    // What every version needs comes first: kcl/missing-lease-table-permissions speaks for it.
    if (!site || leaseGapSize(every) > 0) return [];
    const v3 = leaseGap(context, '3.x', every.table);
    if (leaseGapSize(v3) === 0) return [];
    return [
      at(
        site,
        l10n.t(
          'If this consumer runs KCL 3.x, it also needs {0}. Set "kinesisPolicy.kcl.version" to the KCL the application uses to have this checked exactly.',
          leaseParts(v3),
        ),
        { data: leaseData(v3, '3.x') },
      ),
    ];
  },
});
