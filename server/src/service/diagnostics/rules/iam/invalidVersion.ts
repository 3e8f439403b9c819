import * as l10n from '@vscode/l10n';
import { POLICY_VERSIONS } from '../../../policy/parsePolicy';
import { at, policyRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';
import { templateValueIn } from '../../../templates/placeholders';

/**
 * `Version` is "2012-10-17" (or the old "2008-10-17"). Without it IAM assumes the old version,
 * in which policy variables such as ${aws:username} are plain text.
 */
export const invalidVersion = policyRule({
  code: 'iam/invalid-version',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  check(context) {
    const { model } = context;
    const property = model.root?.children?.find((p) => p.children?.[0]?.value === 'Version');
    if (!property || !model.root) {
      return [
        {
          offset: model.root?.offset ?? 0,
          length: 1,
          message: l10n.t(
            'The policy has no "Version": IAM then reads it as the old 2008-10-17 language, in which policy variables such as ${aws:username} are plain text. Add "Version": "2012-10-17".',
          ),
          severity: 'warning',
          data: { replacement: POLICY_VERSIONS[0] },
        },
      ];
    }
    const value = model.version?.value;
    if (value !== undefined && ((POLICY_VERSIONS as readonly string[]).includes(value) || templateValueIn(value))) return [];
    return [
      at(
        property.children?.[1] ?? property,
        value !== undefined
          ? l10n.t('"Version" must be "2012-10-17" (or the old "2008-10-17"), not "{0}": it is the policy language version, not a date of yours.', value)
          : l10n.t('"Version" must be "2012-10-17" (or the old "2008-10-17"): it is the policy language version, not a date of yours.'),
        { data: { replacement: POLICY_VERSIONS[0] } },
      ),
    ];
  },
});
