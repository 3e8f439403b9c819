import type { Node } from 'jsonc-parser';
import type {
  ConditionClause,
  ConditionElement,
  ListElement,
  PolicyString,
  PrincipalElement,
  PrincipalEntry,
  StatementModel,
} from './policyModel';
import { stringAt } from './policyString';
import type { Characters } from '../text/pieceText';
import { exactLength } from '../exactLength';

/** The model of one statement object, read from its node. */
export function parseStatement(text: Characters, node: Node, index: number): StatementModel {
  const properties = propertiesOf(node);
  const list = (key: string) => listElement(text, key, properties.get(key));
  return {
    index,
    node,
    properties,
    sid: stringAt(text, valueOf(properties.get('Sid'))),
    effect: stringAt(text, valueOf(properties.get('Effect'))),
    action: list('Action'),
    notAction: list('NotAction'),
    resource: list('Resource'),
    notResource: list('NotResource'),
    principal: principalElement(text, 'Principal', properties.get('Principal')),
    notPrincipal: principalElement(text, 'NotPrincipal', properties.get('NotPrincipal')),
    condition: conditionElement(text, properties.get('Condition')),
  };
}

function listElement(text: Characters, key: string, property: Node | undefined): ListElement | undefined {
  if (!property) return undefined;
  const value = valueOf(property);
  const { values, invalid } = stringsIn(text, value);
  return { key, property, value, values, invalid };
}

function principalElement(
  text: Characters,
  key: 'Principal' | 'NotPrincipal',
  property: Node | undefined,
): PrincipalElement | undefined {
  if (!property) return undefined;
  const value = valueOf(property);
  const element: PrincipalElement = { key, property, value, entries: [] };
  if (value?.type === 'string') element.bare = stringAt(text, value);
  for (const entry of value?.type === 'object' ? (value.children ?? []) : []) {
    const type = stringAt(text, entry.children?.[0]);
    if (!type) continue;
    const principal: PrincipalEntry = { type, property: entry, ...stringsIn(text, valueOf(entry)) };
    element.entries.push(principal);
  }
  element.entries = exactLength(element.entries);
  return element;
}

function conditionElement(text: Characters, property: Node | undefined): ConditionElement | undefined {
  if (!property) return undefined;
  const value = valueOf(property);
  const clauses: ConditionClause[] = [];
  for (const block of value?.type === 'object' ? (value.children ?? []) : []) {
    const operator = stringAt(text, block.children?.[0]);
    if (!operator) continue;
    const body = valueOf(block);
    const keys = exactLength((body?.type === 'object' ? (body.children ?? []) : []).flatMap((entry) => {
      const key = stringAt(text, entry.children?.[0]);
      if (!key) return [];
      const { values, invalid } = stringsIn(text, valueOf(entry));
      // IAM takes numbers and booleans in a condition as the strings they read as.
      if (invalid.length === 0) return [{ key, property: entry, values, scalars: NO_NODES, invalid: NO_NODES }];
      const scalars = invalid.filter((n) => n.type === 'number' || n.type === 'boolean');
      return [{ key, property: entry, values, scalars, invalid: invalid.filter((n) => !scalars.includes(n)) }];
    }));
    clauses.push({ operator, property: block, body, keys });
  }
  return { property, value, clauses: exactLength(clauses) };
}

/** One empty list for every element with nothing invalid in it: most of the thousands a large policy has. */
const NO_NODES: readonly Node[] = Object.freeze([]);

/** A string value, or each string of an array value; anything else is invalid. */
function stringsIn(text: Characters, value: Node | undefined): { values: PolicyString[]; invalid: readonly Node[] } {
  const items = value?.type === 'array' ? (value.children ?? []) : value ? [value] : [];
  // Arrays of their exact size: a policy has thousands of these lists, mostly of strings alone.
  const strings = items.map((item) => stringAt(text, item));
  if (strings.every((s) => s !== undefined)) return { values: strings, invalid: NO_NODES };
  return { values: strings.filter((s) => s !== undefined), invalid: items.filter((_, i) => strings[i] === undefined) };
}

/** The object's properties by key; for a duplicate key the last one wins, as in IAM. */
export function propertiesOf(object: Node): Map<string, Node> {
  const map = new Map<string, Node>();
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (property.type === 'property' && key?.type === 'string') map.set(String(key.value), property);
  }
  return map;
}

export function valueOf(property: Node | undefined): Node | undefined {
  return property?.children?.[1];
}
