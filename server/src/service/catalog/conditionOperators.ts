import * as l10n from '@vscode/l10n';
import { sentences } from '../l10n';
/**
 * IAM condition operators, from the IAM User Guide's "IAM JSON policy elements: Condition
 * operators". Every operator but `Null` also has an `...IfExists` form, and multivalued keys
 * take the `ForAnyValue:` and `ForAllValues:` set qualifiers.
 */

/** The kinds of value operators compare. */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';

export interface ConditionOperator {
  name: string;
  /** The kind of value it compares: String, Numeric, Date, Bool, Binary, IP address, ARN, Null. */
  valueType: OperatorFamily;
  description: string;
}

/** An operator's meaning, for checks and evaluation. */
export interface OperatorMeaning {
  family: OperatorFamily;
  /** The operator without `IfExists`: `StringNotLike`. */
  base: string;
  /** `...IfExists`: true as well when the key is absent from the request. */
  ifExists: boolean;
  /** A negated matching operator (`StringNotEquals`, `NotIpAddress`, `ArnNotLike`...): its values combine with NOR, and an absent key makes it true. */
  negated: boolean;
}

/** Descriptions are getters: read when shown, in the display language of the moment. */
const OPERATORS: readonly ConditionOperator[] = [
  { name: 'StringEquals', valueType: 'String', get description() { return l10n.t('Exact match, case-sensitive.'); } },
  { name: 'StringNotEquals', valueType: 'String', get description() { return l10n.t('Negated exact match, case-sensitive.'); } },
  { name: 'StringEqualsIgnoreCase', valueType: 'String', get description() { return l10n.t('Exact match, ignoring case.'); } },
  { name: 'StringNotEqualsIgnoreCase', valueType: 'String', get description() { return l10n.t('Negated exact match, ignoring case.'); } },
  { name: 'StringLike', valueType: 'String', get description() { return l10n.t('Case-sensitive match with `*` and `?` wildcards.'); } },
  { name: 'StringNotLike', valueType: 'String', get description() { return l10n.t('Negated case-sensitive match with `*` and `?` wildcards.'); } },
  { name: 'NumericEquals', valueType: 'Numeric', get description() { return l10n.t('Numbers are equal.'); } },
  { name: 'NumericNotEquals', valueType: 'Numeric', get description() { return l10n.t('Numbers are not equal.'); } },
  { name: 'NumericLessThan', valueType: 'Numeric', get description() { return l10n.t('The request value is less than the policy value.'); } },
  { name: 'NumericLessThanEquals', valueType: 'Numeric', get description() { return l10n.t('Less than or equal.'); } },
  { name: 'NumericGreaterThan', valueType: 'Numeric', get description() { return l10n.t('The request value is greater than the policy value.'); } },
  { name: 'NumericGreaterThanEquals', valueType: 'Numeric', get description() { return l10n.t('Greater than or equal.'); } },
  { name: 'DateEquals', valueType: 'Date', get description() { return l10n.t('Dates are equal (ISO 8601 or epoch seconds).'); } },
  { name: 'DateNotEquals', valueType: 'Date', get description() { return l10n.t('Dates are not equal.'); } },
  { name: 'DateLessThan', valueType: 'Date', get description() { return l10n.t('The request date is before the policy date.'); } },
  { name: 'DateLessThanEquals', valueType: 'Date', get description() { return l10n.t('At or before the policy date.'); } },
  { name: 'DateGreaterThan', valueType: 'Date', get description() { return l10n.t('The request date is after the policy date.'); } },
  { name: 'DateGreaterThanEquals', valueType: 'Date', get description() { return l10n.t('At or after the policy date.'); } },
  { name: 'Bool', valueType: 'Bool', get description() { return l10n.t('Boolean match: `"true"` or `"false"`.'); } },
  { name: 'BinaryEquals', valueType: 'Binary', get description() { return l10n.t('Byte-for-byte match of a base64-encoded value.'); } },
  { name: 'IpAddress', valueType: 'IPAddress', get description() { return l10n.t('The IP address is in the given CIDR range.'); } },
  { name: 'NotIpAddress', valueType: 'IPAddress', get description() { return l10n.t('The IP address is outside the given CIDR range.'); } },
  { name: 'ArnEquals', valueType: 'ARN', get description() { return l10n.t('ARN match, field by field; `*` and `?` allowed in each field.'); } },
  { name: 'ArnLike', valueType: 'ARN', get description() { return l10n.t('ARN match, field by field; `*` and `?` allowed in each field.'); } },
  { name: 'ArnNotEquals', valueType: 'ARN', get description() { return l10n.t('Negated ARN match.'); } },
  { name: 'ArnNotLike', valueType: 'ARN', get description() { return l10n.t('Negated ARN match.'); } },
  { name: 'Null', valueType: 'Null', get description() { return l10n.t('`"true"`: the key is absent from the request; `"false"`: it is present.'); } },
];

export const SET_QUALIFIERS: readonly { name: string; description: string }[] = [
  {
    name: 'ForAnyValue',
    get description() {
      return l10n.t('True when at least one value in the request matches one of the policy values.');
    },
  },
  {
    name: 'ForAllValues',
    get description() {
      return l10n.t('True when every value in the request matches one of the policy values (and when the request has none).');
    },
  },
];

const IF_EXISTS = 'IfExists';

/** All operators in the order users read them, each base operator followed by its IfExists form. */
export const CONDITION_OPERATORS: readonly ConditionOperator[] = OPERATORS.flatMap((op) =>
  op.name === 'Null'
    ? [op]
    : [
        op,
        {
          name: op.name + IF_EXISTS,
          valueType: op.valueType,
          get description() {
            return sentences(op.description, l10n.t('True as well when the key is absent from the request.'));
          },
        },
      ],
);

const BY_NAME = new Map(CONDITION_OPERATORS.map((op) => [op.name.toLowerCase(), op]));

/** What an operator of the list means: its family, IfExists and negation. */
export function operatorMeaning(operator: ConditionOperator): OperatorMeaning {
  const ifExists = operator.name.endsWith(IF_EXISTS);
  const base = ifExists ? operator.name.slice(0, -IF_EXISTS.length) : operator.name;
  return { family: operator.valueType, base, ifExists, negated: base.includes('Not') };
}

/** Every qualifier-and-operator spelling, for "did you mean" on a misspelt one. */
export function operatorSpellings(): string[] {
  return [...CONDITION_OPERATORS.map((op) => op.name), ...SET_QUALIFIERS.flatMap((q) => CONDITION_OPERATORS.filter((op) => op.name !== 'Null').map((op) => `${q.name}:${op.name}`))];
}

export interface ParsedOperator {
  qualifier?: string;
  operator?: ConditionOperator;
}

/** `ForAnyValue:StringLikeIfExists` → its set qualifier and operator; operator undefined if unknown. */
export function parseConditionOperator(text: string): ParsedOperator {
  const colon = text.indexOf(':');
  const qualifierText = colon >= 0 ? text.slice(0, colon) : undefined;
  const qualifier = SET_QUALIFIERS.find((q) => q.name.toLowerCase() === qualifierText?.toLowerCase())?.name;
  if (qualifierText !== undefined && !qualifier) return {};
  // Operator names are matched as IAM matches them: case-sensitively would reject `stringequals`,
  // but users still deserve the documentation on hover.
  return { qualifier, operator: BY_NAME.get(text.slice(colon + 1).toLowerCase()) };
}
