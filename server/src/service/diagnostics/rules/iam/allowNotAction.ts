import * as l10n from '@vscode/l10n';
import { at, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';

/** Allow with NotAction grants every action of every service except those listed. */
export const allowNotAction = statementRule({
  code: 'iam/allow-not-action',
  defaultSeverity: 'warning',
  kinds: ALL_KINDS,
  checkStatement(s) {
    if (s.effect?.value !== 'Allow' || !s.notAction) return [];
    return [
      at(
        s.notAction.property.children?.[0] ?? s.notAction.property,
        l10n.t('"Allow" with "NotAction" grants every action of every AWS service except those listed, including ones added later. List the actions to allow under "Action" instead.'),
      ),
    ];
  },
});
