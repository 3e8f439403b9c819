import * as l10n from '@vscode/l10n';
import { CONSUMER_MARKER_ACTION, KMS_CONSUMER_ACTION, KMS_PRODUCER_ACTION, WRITE_ACTIONS } from '../../../kinesis/kinesisFacts';
import { at, policyRule, type RuleFinding } from '../../engine/rule';

/**
 * Streams encrypted with a customer-managed KMS key also need KMS permissions: producers
 * kms:GenerateDataKey, consumers kms:Decrypt, on the key. A hint: the policy cannot tell whether
 * the stream is encrypted, or with which key; none when the user said it is not.
 */
export const kmsPermissions = policyRule({
  code: 'kinesis/kms-permissions',
  defaultSeverity: 'hint',
  kinds: ['identity'],
  judges: 'principal',
  check(context) {
    if (context.settings.streamEncrypted === false) return [];
    const findings: RuleFinding[] = [];
    const permissions = context.access;
    const roles: [string | undefined, string, 'write' | 'read'][] = [
      [WRITE_ACTIONS.find((a) => permissions.isGranted(a)), KMS_PRODUCER_ACTION, 'write'],
      [permissions.isGranted(CONSUMER_MARKER_ACTION) ? CONSUMER_MARKER_ACTION : undefined, KMS_CONSUMER_ACTION, 'read'],
    ];
    for (const [marker, kmsAction, use] of roles) {
      if (!marker || permissions.isGranted(kmsAction)) continue;
      const site = context.grantSite(marker);
      if (!site) continue;
      findings.push(
        at(
          site,
          use === 'write'
            ? l10n.t('If the stream is encrypted with a customer-managed KMS key, {0} on that key is needed to write to it.', kmsAction)
            : l10n.t('If the stream is encrypted with a customer-managed KMS key, {0} on that key is needed to read from it.', kmsAction),
          { data: { missing: [kmsAction] } },
        ),
      );
    }
    return findings;
  },
});
