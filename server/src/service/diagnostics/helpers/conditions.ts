import { operatorMeaning, parseConditionOperator, type ConditionOperator, type OperatorFamily, type OperatorMeaning } from '../../catalog/conditionOperators';
import type { IamCatalog } from '../../catalog/iamCatalog';
import type { ConditionClause, StatementModel } from '../../policy/policyModel';

/** A clause of a statement's `Condition` with its operator read, when it reads as one. */
export interface ReadClause {
  clause: ConditionClause;
  qualifier?: string;
  operator?: ConditionOperator;
  meaning?: OperatorMeaning;
}

/** The clauses of a statement's `Condition`, where it is an object of operator blocks. */
export function readClauses(statement: StatementModel): ReadClause[] {
  if (statement.condition?.value?.type !== 'object') return [];
  return statement.condition.clauses.map((clause) => {
    const { qualifier, operator } = parseConditionOperator(clause.operator.value);
    return { clause, qualifier, operator, meaning: operator ? operatorMeaning(operator) : undefined };
  });
}

/**
 * The operator families that compare a key of the catalog's type, for the keys whose type the
 * reference states reliably: every global key, and service keys typed other than String. Service
 * keys typed String include numbers and dates the reference does not type (`glacier:ArchiveAgeInDays`,
 * `ec2:SnapshotTime`): no family is ruled out for them (undefined).
 */
export function familiesForKey(type: string, global: boolean): readonly OperatorFamily[] | undefined {
  if (!global && type.replace(/^ArrayOf/, '') === 'String') return undefined;
  return familiesForKeyType(type);
}

/**
 * The operator families that compare a key of the catalog's type. AWS's pages allow more than the
 * type alone says, and these follow them: string operators on ARN keys and ARN operators on string
 * keys that hold ARNs (`aws:SourceVpcArn`), numeric operators on `aws:EpochTime`, string operators
 * on Bool keys. `Null` checks any key. Undefined for a type the product does not know.
 */
export function familiesForKeyType(type: string): readonly OperatorFamily[] | undefined {
  switch (type.replace(/^ArrayOf/, '')) {
    case 'String':
    case 'ARN':
      return ['String', 'ARN', 'Null'];
    case 'Date':
      return ['Date', 'Numeric', 'Null'];
    case 'Numeric':
      return ['Numeric', 'String', 'Null'];
    case 'Bool':
      return ['Bool', 'String', 'Null'];
    case 'IPAddress':
      return ['IPAddress', 'String', 'Null'];
    default:
      return undefined;
  }
}

/**
 * The condition keys (catalog spellings, lower-cased) that the statement's actions support, their
 * resource types included; undefined when the statement's actions cannot be listed (`NotAction`,
 * `*`, an action the catalog does not know).
 */
export function statementKeys(statement: StatementModel, catalog: IamCatalog): ReadonlySet<string> | undefined {
  const written = statement.action?.values ?? [];
  if (!statement.action || statement.notAction || written.length === 0) return undefined;
  const keys = new Set<string>();
  for (const { value } of written) {
    if (value === '*' || !value.includes(':')) return undefined;
    const actions = catalog.matchActions(value);
    if (actions.length === 0) return undefined;
    for (const action of actions) for (const name of catalog.actionConditionKeys(action)) keys.add(name);
  }
  return keys;
}
