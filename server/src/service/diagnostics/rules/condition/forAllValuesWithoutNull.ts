import * as l10n from '@vscode/l10n';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { readClauses } from '../../helpers/conditions';

/**
 * `ForAllValues:` in an Allow also matches a request that has no value for the key (every value of
 * an empty set matches), so the Allow grants requests the condition seemed to exclude. A `Null`
 * check that the key is present closes that (IAM User Guide, "Set operators for multivalued
 * context keys").
 */
export const conditionForAllValuesWithoutNull = statementRule({
  code: 'iam/condition-forallvalues-without-null',
  defaultSeverity: 'information',
  kinds: ALL_KINDS,
  checkStatement(statement) {
    if (statement.effect?.value !== 'Allow') return [];
    const clauses = readClauses(statement);
    const guarded = new Set(
      clauses
        .filter(({ operator, qualifier }) => operator?.name === 'Null' && !qualifier)
        .flatMap(({ clause }) => clause.keys.filter((k) => k.values.some((v) => v.value === 'false') || k.scalars.some((n) => n.value === false)))
        .map((k) => k.key.value.toLowerCase()),
    );
    const findings: RuleFinding[] = [];
    for (const { clause, qualifier, meaning } of clauses) {
      if (qualifier !== 'ForAllValues' || !meaning || meaning.ifExists || meaning.family === 'Null') continue;
      for (const { key } of clause.keys) {
        if (guarded.has(key.value.toLowerCase())) continue;
        findings.push(
          // The Null block is an argument: a placeholder inside braces would not be filled in.
          at(key.node, l10n.t('ForAllValues also matches requests without "{0}", so this Allow grants them too. Add "Null": {1} to require the key.', key.value, `{"${key.value}": "false"}`), {
            data: { key: key.value },
          }),
        );
      }
    }
    return findings;
  },
});
