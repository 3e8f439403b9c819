import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type {
  ConditionClause,
  ConditionElement,
  ListElement,
  PolicyModel,
  PolicyString,
  PrincipalElement,
  PrincipalEntry,
  StatementModel,
} from './policyModel';

/** A policy nests five levels (Statement, statement, Condition, operator, values); a thousand is no policy. */
const MAX_DEPTH = 1000;

/** Whether brackets outside strings nest deeper than `limit`; stops as soon as they do. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}

/** The two policy language versions IAM accepts. */
export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'] as const;

/**
 * Parses a document once into the policy model every feature reads. Tolerant: half-typed text
 * still yields the statements and strings that are there.
 */
export function parsePolicy(text: string): PolicyModel {
  // jsonc-parser recurses once per level: nesting deeper than any policy is not parsed at all.
  if (nestsDeeperThan(text, MAX_DEPTH)) return { text, root: undefined, isPolicy: false, statements: [], syntaxErrors: [] };
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { allowTrailingComma: true });
  const model: PolicyModel = { text, root, isPolicy: false, statements: [], syntaxErrors };
  if (root?.type !== 'object') return model;

  const top = propertiesOf(root);
  const statementProperty = top.get('Statement');
  const statementValue = valueOf(statementProperty);
  model.version = stringAt(text, valueOf(top.get('Version')));
  model.id = stringAt(text, valueOf(top.get('Id')));
  model.statementProperty = statementProperty;
  model.duplicateKeys = top.size !== (root.children?.length ?? 0);
  model.isPolicy =
    statementValue?.type === 'object' ||
    statementValue?.type === 'array' ||
    (model.version !== undefined && (POLICY_VERSIONS as readonly string[]).includes(model.version.value));

  if (statementValue?.type === 'object') {
    model.statements.push(parseStatement(text, statementValue, 0));
  } else if (statementValue?.type === 'array') {
    statementValue.children?.forEach((child, index) => {
      if (child.type === 'object') model.statements.push(parseStatement(text, child, index));
    });
  }
  return model;
}

function parseStatement(text: string, node: Node, index: number): StatementModel {
  const properties = propertiesOf(node);
  const list = (key: string) => listElement(text, key, properties.get(key));
  return {
    index,
    node,
    properties,
    duplicateKeys: properties.size !== (node.children?.length ?? 0),
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

function listElement(text: string, key: string, property: Node | undefined): ListElement | undefined {
  if (!property) return undefined;
  const value = valueOf(property);
  const { values, invalid } = stringsIn(text, value);
  return { key, property, value, values, invalid };
}

function principalElement(
  text: string,
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
  return element;
}

function conditionElement(text: string, property: Node | undefined): ConditionElement | undefined {
  if (!property) return undefined;
  const value = valueOf(property);
  const clauses: ConditionClause[] = [];
  for (const block of value?.type === 'object' ? (value.children ?? []) : []) {
    const operator = stringAt(text, block.children?.[0]);
    if (!operator) continue;
    const body = valueOf(block);
    const keys = (body?.type === 'object' ? (body.children ?? []) : []).flatMap((entry) => {
      const key = stringAt(text, entry.children?.[0]);
      return key ? [{ key, property: entry, values: stringsIn(text, valueOf(entry)).values }] : [];
    });
    clauses.push({ operator, property: block, keys });
  }
  return { property, value, clauses };
}

/** A string value, or each string of an array value; anything else is invalid. */
function stringsIn(text: string, value: Node | undefined): { values: PolicyString[]; invalid: Node[] } {
  const values: PolicyString[] = [];
  const invalid: Node[] = [];
  const items = value?.type === 'array' ? (value.children ?? []) : value ? [value] : [];
  for (const item of items) {
    const s = stringAt(text, item);
    if (s) values.push(s);
    else invalid.push(item);
  }
  return { values, invalid };
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

export function stringAt(text: string, node: Node | undefined): PolicyString | undefined {
  if (node?.type !== 'string') return undefined;
  const terminated = isTerminated(text, node);
  return {
    value: String(node.value),
    node,
    contentOffset: node.offset + 1,
    contentLength: Math.max(0, node.length - (terminated ? 2 : 1)),
    terminated,
  };
}

/** A string literal is terminated when it ends in a quote that no backslash escapes. */
function isTerminated(text: string, node: Node): boolean {
  if (node.length < 2 || text.charCodeAt(node.offset + node.length - 1) !== 0x22) return false;
  let backslashes = 0;
  for (let i = node.offset + node.length - 2; i > node.offset && text.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 0;
}
