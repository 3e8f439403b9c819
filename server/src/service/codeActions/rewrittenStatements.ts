import type { ParseError } from 'jsonc-parser';
import type { ChangedStatement } from '../diagnostics/engine/changedStatements';
import type { PolicyModel, StatementModel } from '../policy/policyModel';
import { parseStatement } from '../policy/statementModel';
import { move, parseStatementAlone } from '../policy/updatePolicy';
import type { Steps } from '../steps';
import type { Rewritten } from './transaction';

/** How many rewritten statements are read between two pauses. */
const STATEMENTS_PER_STEP = 64;

/**
 * The statements that fixes made backwards rewrote, each read alone from the text as it is now and
 * paired with its model before: what `changedStatementFindings` checks. Undefined where a piece is
 * not one statement of the model, or does not read alone as one object without errors.
 */
export function* rewrittenStatements(model: PolicyModel, text: string, rewritten: readonly Rewritten[]): Steps<ChangedStatement[] | undefined> {
  const changed: ChangedStatement[] = [];
  for (let i = 0; i < rewritten.length; i++) {
    const { was, start, end } = rewritten[i];
    const position = statementPosition(model, was);
    const before = position === undefined ? undefined : model.statements[position];
    if (position === undefined || !before || before.node.offset !== was) return undefined;
    const errors: ParseError[] = [];
    const node = parseStatementAlone(text.slice(start, end), errors, before.node);
    if (!node || errors.length > 0) return undefined;
    move(node, start);
    changed.push({ position, before, after: parseStatement(text, node, before.index) });
    if (i % STATEMENTS_PER_STEP === STATEMENTS_PER_STEP - 1) yield;
  }
  return changed;
}

/** The place in `model.statements` of the statement whose object holds an offset (they stand in the order of the text). */
export function statementPosition(model: PolicyModel, offset: number): number | undefined {
  const { statements } = model;
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const { offset: start, length } = statements[middle].node;
    if (offset < start) high = middle - 1;
    else if (offset >= start + length) low = middle + 1;
    else return middle;
  }
  return undefined;
}

/** The statement whose object holds an offset. */
export function statementContaining(model: PolicyModel, offset: number): StatementModel | undefined {
  const position = statementPosition(model, offset);
  return position === undefined ? undefined : model.statements[position];
}
