import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import type { OperatorFamily } from '../../../catalog/conditionOperators';
import { valueFits } from '../../../evaluation/conditionValues';
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
            at(entry.key.node, familyMismatch(operator.name, meaning.family, entry.key.value, info.type), {
              data: { key: entry.key.value, keyType: info.type, family: meaning.family },
            }),
          );
          continue;
        }
        const report = (node: Node, written: string) =>
          findings.push(
            at(node, l10n.t('"{0}" takes {1}, not {2}: the condition never holds.', operator.name, familyTakes(meaning.family), written), {
              data: fixFor(meaning.family, written.replace(/^"|"$/g, '')),
            }),
          );
        for (const value of entry.values) {
          if (!valueFits(meaning.family, value.value)) report(value.node, JSON.stringify(value.value));
          else if ((meaning.family === 'Bool' || meaning.family === 'Null') && /^(?:true|false)$/i.test(value.value) && !/^(?:true|false)$/.test(value.value)) {
            // IAM reads "True" as true; its pages write the values in lower case.
            const suggestion = value.value.toLowerCase();
            findings.push(at(value.node, l10n.t('Write "{0}" as IAM\'s pages do; "{1}" reads the same.', suggestion, value.value), { severity: 'information', data: { suggestion } }));
          }
        }
        for (const scalar of entry.scalars) if (!scalarFits(meaning.family, scalar)) report(scalar, String(scalar.value));
      }
    }
    return findings;
  },
});

/** An operator of one family on a key of a type it does not compare: `"DateGreaterThan" compares Date values, but ...`. */
function familyMismatch(operator: string, family: OperatorFamily, key: string, keyType: string): string {
  const list = keyType.startsWith('ArrayOf');
  const type = keyType.replace(/^ArrayOf/, '');
  if (family === 'IPAddress') {
    return list
      ? l10n.t('"{0}" compares IP addresses, but "{1}" holds a list of {2} values: the condition never holds.', operator, key, type)
      : l10n.t('"{0}" compares IP addresses, but "{1}" holds {2} values: the condition never holds.', operator, key, type);
  }
  return list
    ? l10n.t('"{0}" compares {1} values, but "{2}" holds a list of {3} values: the condition never holds.', operator, family, key, type)
    : l10n.t('"{0}" compares {1} values, but "{2}" holds {3} values: the condition never holds.', operator, family, key, type);
}

/** What an operator family takes, for a message, in the display language. */
function familyTakes(family: OperatorFamily): string {
  switch (family) {
    case 'String':
      return l10n.t('a string');
    case 'Numeric':
      return l10n.t('a number');
    case 'Date':
      return l10n.t('a date (ISO 8601, such as 2026-12-31T23:59:59Z, or epoch seconds)');
    case 'Bool':
      return l10n.t('"true" or "false"');
    case 'Null':
      return l10n.t('"true" (the key is absent) or "false" (it is present)');
    case 'Binary':
      return l10n.t('base64');
    case 'IPAddress':
      return l10n.t('an IPv4 or IPv6 address or CIDR range');
    case 'ARN':
      return l10n.t('an ARN');
  }
}

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
