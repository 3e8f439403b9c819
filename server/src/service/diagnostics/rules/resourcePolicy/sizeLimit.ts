import * as l10n from '@vscode/l10n';
import { RESOURCE_POLICY_MAX_BYTES } from '../../../kinesis/kinesisFacts';
import { policyRule } from '../../engine/rule';
import { groupedDigits, templateValueLength } from '../../helpers/size';

/** A Kinesis resource-based policy may not exceed 20 KB. */
export const sizeLimit = policyRule({
  code: 'resource-policy/size-limit',
  defaultSeverity: 'error',
  kinds: ['kinesis-resource'],
  readsSize: true,
  check(context) {
    const { root } = context.model;
    // A character takes at most 3 bytes in UTF-8 (4 for a surrogate pair, two characters).
    if (!root || context.model.source.length * 3 <= RESOURCE_POLICY_MAX_BYTES) return [];
    const size = context.size.bytes;
    // A template's values may be shorter when deployed: counted as nothing, is it still over?
    if (size <= RESOURCE_POLICY_MAX_BYTES || size - templateValueLength(context.model.source) <= RESOURCE_POLICY_MAX_BYTES) return [];
    return [
      {
        offset: root.offset,
        length: 1,
        message: l10n.t(
          'This policy is {0} bytes without white space; a Kinesis resource-based policy may not exceed 20 KB ({1} bytes). Merge statements that share principals and resources, or split the access across the stream and its consumers.',
          groupedDigits(size),
          groupedDigits(RESOURCE_POLICY_MAX_BYTES),
        ),
        data: { size, limit: RESOURCE_POLICY_MAX_BYTES },
      },
    ];
  },
});
