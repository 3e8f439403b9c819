import * as l10n from '@vscode/l10n';
import { KINESIS_MANAGED_KEY, STREAM_KEY_ACTIONS } from '../../../kinesis/kinesisFacts';
import { attributeOf, intrinsicOf, resolveString, type TemplateSymbols } from '../intrinsics';
import { entry, stringValue, type TemplateNode } from '../templateTree';
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
    const { symbols } = template;
    for (const [name, resource] of symbols.resources) {
      if (resource.type !== 'AWS::Kinesis::Stream') continue;
      const encryption = entry(resource.properties, 'StreamEncryption');
      const keyNode = entry(encryption, 'KeyId');
      if (stringValue(entry(encryption, 'EncryptionType')) !== 'KMS' || !keyNode) continue;
      const key = keyArn(keyNode, symbols);
      if (!key) continue;
      const stream = attributeOf(name, 'Arn', symbols);
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

/** The key's ARN as policies name it, or undefined for the AWS managed key, an alias, or what cannot be told. */
function keyArn(node: TemplateNode, symbols: TemplateSymbols): string | undefined {
  const intrinsic = intrinsicOf(node);
  const named = intrinsic?.name === 'Ref' ? stringValue(intrinsic.argument) : intrinsic?.name === 'Fn::GetAtt' ? (stringValue(intrinsic.argument) ?? '').split('.')[0] : undefined;
  if (named && symbols.resources.get(named)?.type === 'AWS::KMS::Key') return `arn:\${AWS::Partition}:kms:\${AWS::Region}:\${AWS::AccountId}:key/\${${named}}`;
  const written = resolveString(node, symbols);
  if (!written || written.includes(KINESIS_MANAGED_KEY) || written.includes(':alias/') || written.startsWith('alias/')) return undefined;
  return written.startsWith('arn:') && written.includes(':key/') ? written : undefined;
}
