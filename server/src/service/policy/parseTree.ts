import { visit, type Node, type NodeType, type ParseError, type ParseOptions } from 'jsonc-parser';
import { documentString } from '../interned';

/** A node whose fields the parse, and the updates that move a tree, may set. */
export type MutableNode = { -readonly [K in keyof Node]: Node[K] };

/** A property's `colonOffset` until its colon is read; properties without one lose the field. */
const NO_COLON = -1;

/**
 * jsonc-parser recurses once per level of nesting, so a text nested deep enough overflows the
 * stack. A policy nests five levels (Statement, statement, Condition, operator, values): the
 * parse gives up past `maxDepth` objects and arrays inside each other.
 */
export class NestingTooDeep extends Error {
  constructor(readonly maxDepth: number) {
    super(`JSON nested deeper than ${maxDepth} levels`);
  }
}

/**
 * `parseTree` of jsonc-parser, giving the same tree (the same nodes with the same fields, errors
 * and parent links) in about half the memory: each node's `children` is an array of its exact
 * length, where jsonc-parser grows one with room for sixteen more, and a property has its
 * `colonOffset` from the start instead of in a second object added later; names and string values
 * are one copy of each (`documentString`: a policy names the same keys, actions and accounts in
 * statement after statement) and keep none of the text alive. A 2 MB policy has some 130,000
 * nodes, and the tree stays in memory as long as the document is open.
 */
export function parseTree(text: string, errors: ParseError[], options: ParseOptions, maxDepth = Infinity): Node | undefined {
  const top: Node[] = [];
  /** The children of the open objects and arrays, innermost last; reused from one container to the next. */
  const pending: Node[][] = [top];
  let depth = 0;
  let current: MutableNode | undefined;

  function completeProperty(endOffset: number): void {
    if (current?.type !== 'property') return;
    current.length = endOffset - current.offset;
    if (current.colonOffset === NO_COLON) delete current.colonOffset;
    current = current.parent;
  }
  function add(node: MutableNode): void {
    if (current?.type === 'property') current.children = [current.children![0], node];
    else pending[depth].push(node);
  }
  function open(node: MutableNode): void {
    // Thrown from inside jsonc-parser's recursion, before it goes any deeper.
    if (depth >= maxDepth) throw new NestingTooDeep(maxDepth);
    add(node);
    current = node;
    depth++;
    if (pending.length === depth) pending.push([]);
  }
  function close(offset: number, length: number): void {
    const node = current!;
    node.length = offset + length - node.offset;
    node.children = pending[depth].slice();
    pending[depth].length = 0;
    depth--;
    current = node.parent;
    completeProperty(offset + length);
  }

  visit(
    text,
    {
      onObjectBegin: (offset) => open({ type: 'object', offset, length: -1, parent: current, children: undefined }),
      onObjectProperty: (name: string, offset, length) => {
        const property: MutableNode = { type: 'property', offset, length: -1, parent: current, children: undefined, colonOffset: NO_COLON };
        pending[depth].push(property);
        property.children = [{ type: 'string', value: documentString(name), offset, length, parent: property }];
        current = property;
      },
      onObjectEnd: (offset, length) => {
        completeProperty(offset + length);
        close(offset, length);
      },
      onArrayBegin: (offset) => open({ type: 'array', offset, length: -1, parent: current, children: undefined }),
      onArrayEnd: close,
      onLiteralValue: (value: unknown, offset, length) => {
        add({ type: nodeType(value), offset, length, parent: current, value: typeof value === 'string' ? documentString(value) : value });
        completeProperty(offset + length);
      },
      onSeparator: (separator, offset) => {
        if (current?.type !== 'property') return;
        if (separator === ':') current.colonOffset = offset;
        else if (separator === ',') completeProperty(offset);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    options,
  );
  const root = top[0] as MutableNode | undefined;
  if (root) delete root.parent;
  return root;
}

function nodeType(value: unknown): NodeType {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return value === null ? 'null' : Array.isArray(value) ? 'array' : 'object';
  }
}
