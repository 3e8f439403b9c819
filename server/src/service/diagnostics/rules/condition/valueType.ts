import type { Node } from 'jsonc-parser';
import type { OperatorFamily } from '../../../catalog/conditionOperators';
import { FAMILY_TAKES, valueFits } from '../../../evaluation/conditionValues';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { familiesForKey, readClauses } from '../../helpers/conditions';

/**
 * A value that does not fit its operator (`Bool` with "yes", a `Date*` value that is not a date,
 * an `IpAddress` that is not an address...), or an operator that does not fit the key's type
 * (`DateGreaterThan` on a string key). IAM accepts the policy, and the condition then never holds.
 */
export const conditionValueType = statementRule({
  code: 'iam/condition-value-type',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement, context) {
    const findings: RuleFinding[] = [];
    for (const { clause, operator, meaning } of readClauses(statement)) {
      if (!operator || !meaning) continue;
      for (const entry of clause.keys) {
        const info = entry.key.value ? context.catalog.conditionKey(entry.key.value) : undefined;
        const families = info ? familiesForKey(info.type, info.global) : undefined;
        if (info && families && !families.includes(meaning.family)) {
          findings.push(
            at(entry.key.node, `"${operator.name}" compares ${meaning.family === 'IPAddress' ? 'IP addresses' : `${meaning.family} values`}, but "${entry.key.value}" holds ${info.type.replace(/^ArrayOf/, 'a list of ')} values: the condition never holds.`, {
              data: { key: entry.key.value, keyType: info.type, family: meaning.family },
            }),
          );
          continue;
        }
        const report = (node: Node, written: string) =>
          findings.push(
            at(node, `"${operator.name}" takes ${FAMILY_TAKES[meaning.family]}, not ${written}: the condition never holds.`, { data: fixFor(meaning.family, written.replace(/^"|"$/g, '')) }),
          );
        for (const value of entry.values) {
          if (!valueFits(meaning.family, value.value)) report(value.node, JSON.stringify(value.value));
          else if ((meaning.family === 'Bool' || meaning.family === 'Null') && /^(?:true|false)$/i.test(value.value) && !/^(?:true|false)$/.test(value.value)) {
            // IAM reads "True" as true; its pages write the values in lower case.
            const suggestion = value.value.toLowerCase();
            findings.push(at(value.node, `Write "${suggestion}" as IAM's pages do; "${value.value}" reads the same.`, { severity: 'information', data: { suggestion } }));
          }
        }
        for (const scalar of entry.scalars) if (!scalarFits(meaning.family, scalar)) report(scalar, String(scalar.value));
      }
    }
    return findings;
  },
});

/** JSON numbers and booleans, as IAM reads them: `true` for Bool and Null, numbers for numeric and epoch dates. */
function scalarFits(family: OperatorFamily, node: Node): boolean {
  switch (family) {
    case 'String':
      return true;
    case 'Bool':
    case 'Null':
      return node.type === 'boolean';
    case 'Numeric':
    case 'Date':
      return node.type === 'number';
    default:
      return valueFits(family, String(node.value));
  }
}

/** The value a quick fix writes: `"true"` for `"True"` or `1`, `"false"` for `"False"` or `0`. */
function fixFor(family: string, written: string): Record<string, unknown> {
  if (family !== 'Bool' && family !== 'Null') return {};
  const lower = written.toLowerCase();
  const suggestion = lower === 'true' || lower === '1' ? 'true' : lower === 'false' || lower === '0' ? 'false' : undefined;
  return suggestion ? { suggestion } : {};
}
