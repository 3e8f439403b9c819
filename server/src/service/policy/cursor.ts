import { getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import { locate, policyAt, type PolicyLocation, type PolicyPosition } from './policyAt';
import type { PolicyModel, PolicyString } from './policyModel';
import type { Characters, PieceText } from '../text/pieceText';

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
  /** Whether what is written at the cursor needs a comma after it: an array's element follows. */
  comma?: boolean;
  /** The statement the cursor is in, and where in it. */
  location: PolicyLocation;
}

export function cursorContext(model: PolicyModel, offset: number): CursorContext | undefined {
  const position = policyAt(model, offset, true);
  const { node, string } = position;
  if (!node) return undefined;
  if (string && offset > node.offset) return stringContext(model.source, position, string, offset);
  const container = node.type === 'string' ? node.parent : node;
  return container ? structuralContext(model, container, offset) : undefined;
}

function stringContext(text: PieceText, position: PolicyPosition, s: PolicyString, offset: number): CursorContext | undefined {
  const { node } = s;
  if (s.terminated && offset >= node.offset + node.length) return undefined;
  if (position.isKey && !node.parent?.parent) return undefined;
  return {
    kind: position.isKey ? 'key' : 'value',
    path: position.path,
    string: s,
    prefix: text.slice(node.offset + 1, offset),
    replaceOffset: node.offset,
    replaceLength: s.terminated ? node.length : offset - node.offset,
    location: { statement: position.statement, rest: position.rest },
  };
}

/** The cursor between tokens: after `{` or `,` in an object, after `:`, after `[` or `,`. */
function structuralContext(model: PolicyModel, node: Node, offset: number): CursorContext | undefined {
  const context = (kind: CursorContext['kind'], path: JSONPath): CursorContext => ({
    kind,
    path,
    prefix: '',
    replaceOffset: offset,
    replaceLength: 0,
    location: locate(model, path),
  });
  const previous = previousSignificantChar(model.source, offset);
  if (node.type === 'property') {
    const key = node.children?.[0];
    const value = node.children?.[1];
    const afterColon = node.colonOffset !== undefined && offset > node.colonOffset;
    if (!afterColon || !key || !node.parent || previous !== ':' || (value && value.offset <= offset)) return undefined;
    // A value written after the cursor: an item would go beside it, not over it. (Not the next
    // property's key, which a colon follows, read as this one's value while it has none.)
    if (value && nextSignificantChar(model.source, value.offset + value.length) !== ':') return undefined;
    return context('value', [...getNodePath(node.parent), String(key.value)]);
  }
  if (node.type === 'object' && (previous === '{' || previous === ',')) {
    return context('key', getNodePath(node));
  }
  if (node.type === 'array' && (previous === '[' || previous === ',')) {
    const index = (node.children ?? []).filter((c) => c.offset < offset).length;
    const next = nextSignificantChar(model.source, offset);
    return { ...context('value', [...getNodePath(node), index]), comma: next !== undefined && next !== ']' && next !== ',' };
  }
  return undefined;
}

/** The first character at or after `offset` that is not JSON white space. */
export function nextSignificantChar(text: Characters, offset: number): string | undefined {
  for (let i = offset; i < text.length; i++) if (!isJsonSpace(text.charCodeAt(i))) return String.fromCharCode(text.charCodeAt(i));
  return undefined;
}

function previousSignificantChar(text: Characters, offset: number): string | undefined {
  for (let i = offset - 1; i >= 0; i--) if (!isJsonSpace(text.charCodeAt(i))) return String.fromCharCode(text.charCodeAt(i));
  return undefined;
}

/** Space, tab, line feed, carriage return. */
function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
