import { getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import type { PolicyModel, PolicyString, StatementModel } from './policyModel';
import { stringAt } from './policyString';

/** A statement, and a path within it; or, outside every statement, the path from the top. */
export interface PolicyLocation {
  statement?: StatementModel;
  /** The rest of the path: inside the statement when there is one, else from the top. */
  rest: JSONPath;
}

/**
 * What lies at an offset of the policy: the one question completion, hover and code actions ask
 * of the model (as `getNodeFromOffset` is for VS Code's JSON service).
 */
export interface PolicyPosition extends PolicyLocation {
  /** The innermost node there; undefined outside the document's JSON value. */
  node?: Node;
  /**
   * The string literal there. When it is a string of the statement's model (an action, an ARN,
   * a principal, a condition operator, key or value, the Sid or Effect) it is that very object,
   * so callers may look it up in the model's lists.
   */
  string?: PolicyString;
  /** Whether the node is a property's key. */
  isKey: boolean;
  /** For a key, the path of the object it belongs to; otherwise the node's own path. */
  path: JSONPath;
}

/**
 * The node at `offset` and where it lies in the policy. With `includeRightBound`, an offset just
 * after a node is in it (the cursor at the end of a word being typed).
 */
export function policyAt(model: PolicyModel, offset: number, includeRightBound = false): PolicyPosition {
  const node = model.root && nodeAt(model.root, offset, includeRightBound);
  if (!node) return { isKey: false, path: [], rest: [] };
  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  const object = isKey ? node.parent?.parent : undefined;
  const path = getNodePath(object ?? node);
  const location = locate(model, path);
  const { statement } = location;
  // A path names the last `Statement` key; a node under an earlier duplicate is in no statement.
  const inStatement = statement && statement.node.offset <= node.offset && node.offset < statement.node.offset + statement.node.length;
  const string = node.type === 'string' ? ((inStatement && modelString(statement, node)) || stringAt(model.source, node)) : undefined;
  return inStatement ? { node, string, isKey, path, ...location } : { node, string, isKey, path, rest: path };
}

/**
 * The innermost node at `offset`: jsonc-parser's `findNodeAtOffset`, which tries a node's
 * children one by one, so that finding a place in the last of thousands of statements went past
 * all the others. Siblings stand in text order without overlapping, so where they end grows from
 * one to the next: the first that could hold the offset is found by halving, and from there the
 * children are tried in order as `findNodeAtOffset` tries them, with the same result.
 */
export function nodeAt(node: Node, offset: number, includeRightBound = false): Node | undefined {
  const end = node.offset + node.length;
  if (!(offset >= node.offset && offset < end) && !(includeRightBound && offset === end)) return undefined;
  const children = node.children;
  if (!children) return node;
  // The first child that ends at or after the offset: those before it end before it, and hold it not.
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (children[middle].offset + children[middle].length < offset) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < children.length && children[i].offset <= offset; i++) {
    const found = nodeAt(children[i], offset, includeRightBound);
    if (found) return found;
  }
  return node;
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

/** The statement model's own string for a node, if the model has one there. */
function modelString(statement: StatementModel, node: Node): PolicyString | undefined {
  const at = (s: PolicyString | undefined) => s !== undefined && s.node.offset === node.offset;
  for (const element of [statement.action, statement.notAction, statement.resource, statement.notResource]) {
    const found = element?.values.find(at);
    if (found) return found;
  }
  for (const principal of [statement.principal, statement.notPrincipal]) {
    if (at(principal?.bare)) return principal?.bare;
    for (const entry of principal?.entries ?? []) {
      if (at(entry.type)) return entry.type;
      const found = entry.values.find(at);
      if (found) return found;
    }
  }
  for (const clause of statement.condition?.clauses ?? []) {
    if (at(clause.operator)) return clause.operator;
    for (const entry of clause.keys) {
      if (at(entry.key)) return entry.key;
      const found = entry.values.find(at);
      if (found) return found;
    }
  }
  return [statement.sid, statement.effect].find(at);
}
