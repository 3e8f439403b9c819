import type { IamCatalog } from '../../catalog/iamCatalog';
import { ParsedPolicy } from '../../policy/parsePolicy';
import type { PolicyModel, StatementModel } from '../../policy/policyModel';
import type { Steps } from '../../steps';
import { piecesOf } from '../../text/pieceText';
import { RULES } from '../rules';
import { decidePolicyKind, type PolicyKind } from './policyKind';
import type { RuleFinding, StatementRule } from './rule';
import { RuleContext, type StatementMemory } from './ruleContext';
import type { DiagnosticSettings } from './settings';
import { applies, hasCheckStatement } from './validate';

/** A statement whose text changed: its model before, at its place among the statements, and now. */
export interface ChangedStatement {
  /** Its place in `PolicyModel.statements`. */
  position: number;
  before: StatementModel;
  /** Read from the text as it is now, at its offsets there. */
  after: StatementModel;
}

/** A finding of a rule in a changed statement, as the check of the whole text would make it. */
export interface ChangedFinding {
  code: string;
  finding: RuleFinding;
  statement: ChangedStatement;
}

/** How many changed statements are checked between two pauses. */
const STATEMENTS_PER_STEP = 16;

/**
 * What a check of a whole policy, after some of its statements changed and nothing else, finds
 * that the check before could not have found: the statement rules' findings in the changed
 * statements. Undefined where that cannot be told from the changed statements alone, and only a
 * check of the whole text can tell.
 *
 * - A statement rule's findings depend on nothing but its statement (`PolicyRule.checkStatement`):
 *   in the statements that did not change they are those found before.
 * - The kind of policy is decided again, from the statements as they are now; a change of kind
 *   changes which rules run, and that is left to the whole check.
 * - A rule over the whole policy finds what it found before where it says what it reads of each
 *   statement (`PolicyRule.readOfStatement`) and no changed statement reads differently; any other
 *   such rule, or a statement rule that also looks outside the statements, and it is undefined.
 *
 * Fix-all's last round asks this: it would otherwise parse and check the whole text again only to
 * learn that its fixes left nothing more to fix.
 */
export function* changedStatementFindings(
  before: PolicyModel,
  beforeKind: PolicyKind,
  text: string,
  changed: readonly ChangedStatement[],
  catalog: IamCatalog,
  settings: DiagnosticSettings,
  memory: StatementMemory,
): Steps<ChangedFinding[] | undefined> {
  const statements = before.statements.slice();
  for (const { position, after } of changed) statements[position] = after;
  const kind = decidePolicyKind({ statements }, settings.policyKind);
  if (kind !== beforeKind) return undefined;
  const rules = RULES.filter((rule) => applies(rule, settings, kind));
  for (const rule of rules) {
    if (hasCheckStatement(rule) ? rule.checkOutside !== undefined : rule.readOfStatement === undefined) return undefined;
  }
  const wholeRules = rules.filter((rule) => !hasCheckStatement(rule));
  for (const rule of wholeRules) {
    for (const { before: was, after } of changed) if (rule.readOfStatement!(was) !== rule.readOfStatement!(after)) return undefined;
  }
  // Statement rules read the statement, and may read the text at its offsets: the text as it is now,
  // whose tree they never read.
  const context = new RuleContext(new ParsedPolicy(piecesOf(text), undefined, []), catalog, settings, kind, memory);
  const found: ChangedFinding[] = [];
  const statementRules: StatementRule[] = [];
  for (const rule of rules) if (hasCheckStatement(rule)) statementRules.push(rule);
  for (let i = 0; i < changed.length; i++) {
    const statement = changed[i];
    for (const rule of statementRules) for (const finding of rule.checkStatement(statement.after, context)) found.push({ code: rule.code, finding, statement });
    if (i % STATEMENTS_PER_STEP === STATEMENTS_PER_STEP - 1) yield;
  }
  return found;
}
