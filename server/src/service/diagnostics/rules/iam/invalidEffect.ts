import * as l10n from '@vscode/l10n';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';
import { templateValueIn } from '../../../templates/placeholders';

/** `Effect` is required and is exactly `Allow` or `Deny`, with that capitalisation. */
export const invalidEffect = statementRule({
  code: 'iam/invalid-effect',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement) {
    const findings: RuleFinding[] = [];
    const effect = statement.effect;
    const property = statement.properties.get('Effect');
    if (!property) {
      findings.push({
        offset: statement.node.offset,
        length: 1,
        message: l10n.t('This statement has no "Effect": add "Effect": "Allow" or "Effect": "Deny".'),
        data: { statement: statement.index },
      });
    } else if (effect?.value !== 'Allow' && effect?.value !== 'Deny' && !(effect && templateValueIn(effect.value))) {
      // (A template's `!If [IsProd, Allow, Deny]` is known only when the stack is deployed.)
      const written = effect?.value;
      const fixed = written && ['allow', 'deny'].includes(written.toLowerCase()) ? written[0].toUpperCase() + written.slice(1).toLowerCase() : undefined;
      findings.push(
        at(
          property.children?.[1] ?? property,
          written === undefined
            ? l10n.t('"Effect" must be "Allow" or "Deny".')
            : fixed
              ? l10n.t('"Effect" must be "Allow" or "Deny", not "{0}" (the value is case-sensitive: "{1}").', written, fixed)
              : l10n.t('"Effect" must be "Allow" or "Deny", not "{0}".', written),
          { data: { replacement: fixed } },
        ),
      );
    }
    return findings;
  },
});
