import type { Node } from 'jsonc-parser';
import type { PolicyModel, StatementModel } from '../policy/policyModel';
import { lineStart } from '../text/pieceText';
import { stringify, statementPath, type PolicyTransaction } from './transaction';

/** Appends statements to the policy; turns a single statement object into an array first. */
export function appendStatements(tx: PolicyTransaction, statements: readonly object[]): void {
  const statementValue = tx.model.statementProperty?.children?.[1];
  if (!tx.model.root || isEmptyDocument(tx.model)) {
    tx.replaceAll(stringify({ Version: '2012-10-17', Statement: statements }, tx.formatting));
    return;
  }
  if (statementValue?.type === 'array') {
    for (const statement of statements) tx.insert(['Statement', -1], statement);
  } else if (statementValue?.type === 'object') {
    wrapStatement(tx, statementValue, statements);
  } else {
    tx.set(['Statement'], [...statements]);
  }
}

/**
 * `"Statement": {...}` becomes an array of that object and the new statements. The object is kept
 * as written, one level deeper: read and written again, its numbers would lose their spelling
 * (`1.50`, digits past 2^53, `1e400` turned `null`) and a JSONC document its comments.
 */
function wrapStatement(tx: PolicyTransaction, object: Node, statements: readonly object[]): void {
  const { text, formatting } = tx;
  const eol = formatting.eol ?? '\n';
  const unit = formatting.insertSpaces === false ? '\t' : ' '.repeat(formatting.tabSize ?? 2);
  const lineBegins = lineStart(text, object.offset);
  const base = /^[ \t]*/.exec(text.slice(lineBegins, object.offset))?.[0] ?? '';
  const added = statements.map((s) => stringify(s, formatting).trimEnd().split(eol).join(eol + base + unit));
  tx.replace(object.offset, object.length, listAround(text.slice(object.offset, object.offset + object.length), added, base, unit, eol));
}

/**
 * A list written around a value as it is written and the items after it, one a line at `base`
 * and `unit` deeper, the `]` at `base`: the value's own lines move `unit` deeper, the items come
 * written at that depth already. (A policy's single statement made a list, in a file or a template.)
 */
export function listAround(written: string, items: readonly string[], base: string, unit: string, eol: string): string {
  const inner = base + unit;
  return `[${eol}${inner}${[deeper(written, unit), ...items].join(`,${eol}${inner}`)}${eol}${base}]`;
}

/**
 * Text moved `unit` deeper: every line after the first. Blank lines stay blank; no string holds a
 * line break, and in a block scalar or a comment every line moving alike keeps what it says.
 */
export function deeper(text: string, unit: string): string {
  return text.replace(/\n(?=[^\r\n])/g, `\n${unit}`);
}

/** An empty document, white space, or `{}`: a new policy can be written there whole. */
export function isEmptyDocument(model: PolicyModel): boolean {
  // A document with a tree is not white space: its text is read only when there is none (a large one is not made whole).
  if (model.root) return model.root.type === 'object' && (model.root.children?.length ?? 0) === 0;
  return model.text.trim() === '';
}

/** The actions of a statement's `Action` as written, in order. */
export function actionsOf(statement: StatementModel): string[] {
  return (statement.action?.values ?? []).map((v) => v.value);
}

/** Rewrites a statement's `Action` as the given list (a string when it is one action). */
export function setActions(tx: PolicyTransaction, statement: StatementModel, actions: string[]): void {
  const unique = [...new Map(actions.map((a) => [a.toLowerCase(), a])).values()];
  tx.set([...statementPath(tx.model, statement), 'Action'], unique.length === 1 && statement.action?.value?.type === 'string' ? unique[0] : unique);
}
