import * as l10n from '@vscode/l10n';
import { at, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';

/** Deny with NotResource denies the actions on every resource except those listed: easy to lock yourself out. */
export const denyNotResource = statementRule({
  code: 'iam/deny-not-resource',
  defaultSeverity: 'information',
  kinds: ALL_KINDS,
  checkStatement(s) {
    if (s.effect?.value !== 'Deny' || !s.notResource) return [];
    return [
      at(
        s.notResource.property.children?.[0] ?? s.notResource.property,
        l10n.t(
          '"Deny" with "NotResource" denies these actions on every resource except those listed, in every service and region, including resources created later. Check that this is meant; a Deny on the resources themselves is easier to read.',
        ),
      ),
    ];
  },
});
