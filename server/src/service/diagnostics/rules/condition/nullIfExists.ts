import * as l10n from '@vscode/l10n';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, statementRule } from '../../engine/rule';
import { readClauses } from '../../helpers/conditions';

/** `NullIfExists`, with or without a set qualifier. */
export function isNullIfExists(operator: string): boolean {
  return /^(?:ForAnyValue:|ForAllValues:)?NullIfExists$/i.test(operator);
}

/**
 * `NullIfExists` asks whether a key is absent "if it exists": a contradiction IAM does not accept
 * (`Null` is the one operator without an IfExists form, IAM User Guide, "Condition operators").
 */
export const conditionNullIfExists = statementRule({
  code: 'iam/condition-null-ifexists',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement) {
    return readClauses(statement)
      .filter(({ clause }) => isNullIfExists(clause.operator.value))
      .map(({ clause }) =>
        at(clause.operator.node, l10n.t('"{0}" cannot be: Null already tests whether the key exists, and has no IfExists form. Write "Null".', clause.operator.value), {
          data: { operator: clause.operator.value, suggestion: 'Null' },
        }),
      );
  },
});
