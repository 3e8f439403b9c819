import type { Node } from 'jsonc-parser';
import { policyAt } from '../policy/policyAt';
import type { PolicyModel, StatementModel } from '../policy/policyModel';

/**
 * Whether the text is JSON that edits by path can be trusted on. In broken JSON (an unterminated
 * string swallowing the rest of a line, a missing comma) a path names another place than the user
 * sees, and reformatting around an edit can change text the user did not touch.
 */
export function wellFormed(model: PolicyModel): boolean {
  return model.syntaxErrors.length === 0;
}

/** Fixes edit by JSON path, which syntax errors and duplicate keys make ambiguous: none are offered there. */
export function editable(model: PolicyModel, offset: number): boolean {
  return editableIn(model, policyAt(model, offset).statement);
}

/** `editable` at a place whose statement is known already (fix-all asks for thousands). */
export function editableInStatement(model: PolicyModel, offset: number, statement: StatementModel | undefined): boolean {
  return statement ? editableIn(model, statement) : editable(model, offset);
}

function editableIn(model: PolicyModel, statement: StatementModel | undefined): boolean {
  return wellFormed(model) && !model.duplicateKeys && (statement === undefined || !statementHasDuplicateKeys(statement));
}

/**
 * Whether an object in the statement names a key twice, answered once for each statement model:
 * a model stands for its text as long as it lives (an edit elsewhere keeps it, an edit inside it
 * makes a new one), and code actions and fix-all ask again and again.
 */
const duplicatesInStatement = new WeakMap<StatementModel, boolean>();

function statementHasDuplicateKeys(statement: StatementModel): boolean {
  let answer = duplicatesInStatement.get(statement);
  if (answer === undefined) {
    answer = hasDuplicateKeys(statement.node);
    duplicatesInStatement.set(statement, answer);
  }
  return answer;
}

/** Whether an object in this tree names a property twice. */
function hasDuplicateKeys(node: Node): boolean {
  if (node.type === 'object') {
    const keys = new Set<unknown>();
    for (const property of node.children ?? []) {
      const key: unknown = property.children?.[0]?.value;
      if (keys.has(key)) return true;
      keys.add(key);
    }
  }
  return (node.type === 'object' || node.type === 'array' || node.type === 'property') && (node.children ?? []).some(hasDuplicateKeys);
}
