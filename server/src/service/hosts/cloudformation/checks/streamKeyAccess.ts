import * as l10n from '@vscode/l10n';
import { STREAM_KEY_ACTIONS } from '../../../kinesis/kinesisFacts';
import { streamKeys } from '../streamKeys';
import { alternatives, conjoined } from '../../../l10n';
import { templateCheck, unseenPolicies, type TemplateFinding } from './check';

/**
 * A stream the template encrypts with its own KMS key (`StreamEncryption`) can be written only by
 * principals that may kms:GenerateDataKey on the key, and read only by those that may kms:Decrypt
 * it. The template's principals that write to or read the stream are checked; the AWS managed key
 * alias/aws/kinesis needs no grant. [KDS-ENCRYPTION]
 */
export const streamKeyAccess = templateCheck({
  code: 'template/stream-key-access',
  defaultSeverity: 'warning',
  check({ template, access }) {
    const findings: TemplateFinding[] = [];
    for (const { name, arn: stream, ownKey } of streamKeys(template)) {
      const key = ownKey?.arn;
      const keyNode = ownKey?.node;
      if (!key || !keyNode) continue;
      // A key policy may grant a principal by name: KMS takes that as well as the principal's own policies.
      const keyPolicies = template.policies.filter((p) => p.resourceType === 'AWS::KMS::Key' && key.endsWith(`key/\${${p.resource}}`));
      for (const principal of access.principals()) {
        const lacks = (['producer', 'consumer'] as const).flatMap((job) => {
          const marker = job === 'producer' ? 'kinesis:PutRecords' : 'kinesis:GetRecords';
          const alternative = job === 'producer' ? 'kinesis:PutRecord' : undefined;
          const does = access.allows(principal, marker, stream) || (alternative !== undefined && access.allows(principal, alternative, stream));
          const action = STREAM_KEY_ACTIONS[job];
          return does && access.denied(principal, [{ action, resource: key, literal: false }], keyPolicies).length > 0 ? [{ job, action }] : [];
        });
        if (lacks.length === 0) continue;
        const { note, severity } = unseenPolicies(access.unknown(principal));
        const actions = lacks.map((l) => l.action);
        const writes = lacks.some((l) => l.job === 'producer');
        const reads = lacks.some((l) => l.job === 'consumer');
        findings.push({
          start: keyNode.start,
          end: keyNode.end,
          severity,
          message:
            writes && reads
              ? l10n.t(
                  'Stream {0} is encrypted with this key, and {1} writes to and reads it but cannot {2} on the key{3}: its writes and reads fail. Grant {4} on the key to {1}.',
                  name,
                  principal,
                  alternatives(actions),
                  note,
                  conjoined(actions),
                )
              : writes
                ? l10n.t(
                    'Stream {0} is encrypted with this key, and {1} writes to it but cannot {2} on the key{3}: its writes fail. Grant {4} on the key to {1}.',
                    name,
                    principal,
                    alternatives(actions),
                    note,
                    conjoined(actions),
                  )
                : l10n.t(
                    'Stream {0} is encrypted with this key, and {1} reads it but cannot {2} on the key{3}: its reads fail. Grant {4} on the key to {1}.',
                    name,
                    principal,
                    alternatives(actions),
                    note,
                    conjoined(actions),
                  ),
        });
      }
    }
    return findings;
  },
});
