import * as l10n from '@vscode/l10n';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';

const PAIRS: readonly [string, string][] = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
];

/** A statement has `Action` or `NotAction`, never both; likewise for resources and principals. */
export const conflictingElements = statementRule({
  code: 'iam/conflicting-elements',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement) {
    const findings: RuleFinding[] = [];
    for (let i = 0; i < PAIRS.length; i++) {
      const [positive, negative] = PAIRS[i];
      const a = statement.properties.get(positive);
      const b = statement.properties.get(negative);
      if (!a || !b) continue;
      const later = a.offset > b.offset ? a : b;
      findings.push(
        at(later.children?.[0] ?? later, l10n.t('A statement cannot have both "{0}" and "{1}": IAM rejects it. Keep one of them.', positive, negative), {
          data: { keep: later === a ? negative : positive },
        }),
      );
    }
    return findings;
  },
});
