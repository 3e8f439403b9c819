import * as l10n from '@vscode/l10n';
import { policyRule } from '../../engine/rule';
import { groupedDigits, templateValueLength } from '../../helpers/size';

/** IAM quotas, in characters without white space (the inline policies' quotas are said in the message). */
const MANAGED_POLICY_MAX = 6144;

/** An identity policy over the managed-policy quota is rejected when it is created. */
export const policySize = policyRule({
  code: 'iam/policy-size',
  defaultSeverity: 'warning',
  kinds: ['identity'],
  readsSize: true,
  check(context) {
    const { root, source } = context.model;
    if (!root || source.length <= MANAGED_POLICY_MAX) return [];
    const { characters } = context.size;
    // A template's values may be shorter when deployed: counted as nothing, is it still over?
    if (characters <= MANAGED_POLICY_MAX || characters - templateValueLength(source) <= MANAGED_POLICY_MAX) return [];
    return [
      {
        offset: root.offset,
        length: 1,
        message: l10n.t(
          "This policy has {0} characters without white space, over IAM's quota of {1} for a managed policy (inline policies may total 2,048 characters per user, 5,120 per group and 10,240 per role). Use wildcards where they stay precise, merge statements, or split the policy in two.",
          groupedDigits(characters),
          groupedDigits(MANAGED_POLICY_MAX),
        ),
        data: { size: characters, limit: MANAGED_POLICY_MAX },
      },
    ];
  },
});
