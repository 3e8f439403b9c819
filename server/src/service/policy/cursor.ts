import { findNodeAtOffset, getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import type { PolicyModel, PolicyString, StatementModel } from './policyModel';
import { stringAt } from './policyString';

/** Where the cursor is in the policy: at a property key or at a value, and what is typed there. */
export interface CursorContext {
  kind: 'key' | 'value';
  /** For a key, the path of the object it belongs to; for a value, the value's own path. */
  path: JSONPath;
  /** The string literal under the cursor, if the cursor is inside one. */
  string?: PolicyString;
  /** What was typed between the opening quote and the cursor. */
  prefix: string;
  /**
   * What a completion replaces: the whole string literal, quotes included (up to the cursor
   * when the string is not terminated yet), or nothing at the cursor outside a string.
   */
  replaceOffset: number;
  replaceLength: number;
}

/** The statement a path lies in, and the path within that statement. */
export interface PolicyLocation {
  statement?: StatementModel;
  /** The rest of the path: inside the statement when there is one, else from the top. */
  rest: JSONPath;
}

export function cursorContext(model: PolicyModel, offset: number): CursorContext | undefined {
  const { root, text } = model;
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  if (!node) return undefined;
  if (node.type === 'string' && offset > node.offset) return stringContext(text, node, offset);
  const container = node.type === 'string' ? node.parent : node;
  return container ? structuralContext(text, container, offset) : undefined;
}

function stringContext(text: string, node: Node, offset: number): CursorContext | undefined {
  const s = stringAt(text, node);
  if (!s || (s.terminated && offset >= node.offset + node.length)) return undefined;
  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  const object = isKey ? node.parent?.parent : undefined;
  if (isKey && !object) return undefined;
  return {
    kind: isKey ? 'key' : 'value',
    path: getNodePath(object ?? node),
    string: s,
    prefix: text.slice(node.offset + 1, offset),
    replaceOffset: node.offset,
    replaceLength: s.terminated ? node.length : offset - node.offset,
  };
}

/** The cursor between tokens: after `{` or `,` in an object, after `:`, after `[` or `,`. */
function structuralContext(text: string, node: Node, offset: number): CursorContext | undefined {
  const previous = previousSignificantChar(text, offset);
  const at = { prefix: '', replaceOffset: offset, replaceLength: 0 };
  if (node.type === 'property') {
    const key = node.children?.[0];
    const value = node.children?.[1];
    const afterColon = node.colonOffset !== undefined && offset > node.colonOffset;
    if (!afterColon || !key || !node.parent || previous !== ':' || (value && value.offset <= offset)) return undefined;
    return { kind: 'value', path: [...getNodePath(node.parent), String(key.value)], ...at };
  }
  if (node.type === 'object' && (previous === '{' || previous === ',')) {
    return { kind: 'key', path: getNodePath(node), ...at };
  }
  if (node.type === 'array' && (previous === '[' || previous === ',')) {
    const index = (node.children ?? []).filter((c) => c.offset < offset).length;
    return { kind: 'value', path: [...getNodePath(node), index], ...at };
  }
  return undefined;
}

function previousSignificantChar(text: string, offset: number): string | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return ch;
  }
  return undefined;
}

/** Resolves a path to its statement: `["Statement", 2, "Action", 0]` is statement 2, `["Action", 0]`. */
export function locate(model: PolicyModel, path: JSONPath): PolicyLocation {
  if (path[0] !== 'Statement' || !model.statementProperty) return { rest: path };
  const statementValue = model.statementProperty.children?.[1];
  if (statementValue?.type === 'object') return { statement: model.statementAt(0), rest: path.slice(1) };
  if (statementValue?.type === 'array' && typeof path[1] === 'number') {
    const statement = model.statementAt(path[1]);
    return statement ? { statement, rest: path.slice(2) } : { rest: path };
  }
  return { rest: path };
}
