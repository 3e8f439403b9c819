import { strict as assert } from 'node:assert';
import type { Node } from 'jsonc-parser';
import type { PolicyModel } from '../../server/src/service/policy/policyModel';

/** The tree as plain data, checking on the way that every child points back to its parent. */
function tree(node: Node | undefined, parent?: Node): unknown {
  if (!node) return undefined;
  assert.equal(node.parent, parent, `the parent of the ${node.type} at ${node.offset}`);
  const { type, offset, length, colonOffset } = node;
  const value: unknown = node.value;
  return { type, offset, length, value, colonOffset, children: node.children?.map((c) => tree(c, node)) };
}

/** A statement model (or any part of it) as plain data: nodes by their place, strings by what they read. */
export function plain(value: unknown): unknown {
  if (value instanceof Map) return [...(value as Map<unknown, unknown>)].map(([k, v]) => [k, plain(v)]);
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if ('contentOffset' in object) {
    const { value: v, contentOffset, contentLength, terminated, node } = object as { value: string; contentOffset: number; contentLength: number; terminated: boolean; node: Node };
    return { v, contentOffset, contentLength, terminated, node: plain(node) };
  }
  if ('type' in object && 'offset' in object && 'length' in object) {
    const node = object as unknown as Node;
    return { type: node.type, offset: node.offset, length: node.length, children: node.children?.length };
  }
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, plain(v)]));
}

/** Everything a model says, as plain data: what completion, hover and the rules can read. */
export function snapshot(model: PolicyModel): unknown {
  const items = (model.statementProperty?.children?.[1]?.children ?? []).length;
  return {
    text: model.text,
    isPolicy: model.isPolicy,
    version: plain(model.version),
    id: plain(model.id),
    statementProperty: plain(model.statementProperty),
    duplicateKeys: model.duplicateKeys,
    syntaxErrors: model.syntaxErrors,
    root: tree(model.root),
    statements: plain(model.statements),
    statementAt: Array.from({ length: items + 1 }, (_, i) => plain(model.statementAt(i))),
  };
}

