import type { Node as SyntaxNode } from 'web-tree-sitter';
import { madeAt as madeAtNode, type TemplateEntry, type TemplateMap, type TemplateNode, type TemplateScalar } from '../cloudformation/templateTree';
import { attributeOf, bodyOf, childBlocks, labels, valueOf } from './hclBlocks';
import { hclValue, type References } from './hclValues';
import { exactLength } from '../../exactLength';

/**
 * `data "aws_iam_policy_document"` blocks as the policies they write (Terraform AWS provider,
 * "Data Source: aws_iam_policy_document"): statements, principals and conditions, the documents
 * they merge, in the order of the file where their offsets map back.
 */

/** `statement` block attributes and the policy elements they write (the data source's documentation). */
const STATEMENT_ELEMENTS: Readonly<Record<string, string>> = {
  sid: 'Sid',
  effect: 'Effect',
  actions: 'Action',
  not_actions: 'NotAction',
  resources: 'Resource',
  not_resources: 'NotResource',
};

/**
 * The statements of the documents an attribute lists, each made at the place that names it (their
 * own text is elsewhere); undefined if one of them cannot be read.
 */
function documentList(block: SyntaxNode, attribute: string, merged: (expression: SyntaxNode) => TemplateMap | undefined): TemplateNode[] | undefined {
  const named = attributeOf(block, attribute);
  const expression = named && valueOf(named);
  if (!expression) return [];
  const tuple = expression.namedChildren[0]?.type === 'collection_value' ? expression.namedChildren[0].namedChildren[0] : undefined;
  if (tuple?.type !== 'tuple') return undefined;
  const statements: TemplateNode[] = [];
  for (const item of tuple.namedChildren) {
    if (item?.type !== 'expression') continue;
    const document = merged(item);
    const list = document?.entries.find((e) => e.key === 'Statement')?.value;
    if (!document || !list) return undefined;
    // Their text is written elsewhere: here they stand, as a whole, where the document is named.
    const at = { start: item.startIndex, end: item.endIndex };
    for (const statement of list.type === 'seq' ? list.items : [list]) statements.push(madeAtNode(statement, at));
  }
  return statements;
}

function sidOf(statement: TemplateNode): string | undefined {
  const sid = statement.type === 'map' ? statement.entries.find((e) => e.key === 'Sid')?.value : undefined;
  return sid?.type === 'scalar' && typeof sid.value === 'string' && sid.value !== '' ? sid.value : undefined;
}

/**
 * A `data "aws_iam_policy_document"` block as the policy it writes: `version` (2012-10-17 when not
 * given), each `statement` block with its `principals` and `condition` blocks merged by type and
 * by test and variable, as the data source merges them. Keys stand where their attributes are
 * written; what the data source adds (the version, `Effect: Allow`) stands, zero-wide, where it
 * would be written. The policy's text is written in the order of the file, so that its offsets
 * map back in order; what cannot be (a condition whose parts are written out of order) maps as a whole.
 */
export function policyDocumentNode(block: SyntaxNode, references: References, merged: (expression: SyntaxNode) => TemplateMap | undefined): { node: TemplateMap; partial: boolean } | undefined {
  const start = block.startIndex;
  const entries: TemplateEntry[] = [];
  const version = attributeOf(block, 'version');
  entries.push(version ? attributeEntry(version, 'Version', references) : { key: 'Version', keyNode: madeAt('Version', start), value: madeAt('2012-10-17', start) });
  // `dynamic "statement"` blocks write one statement per item, as their `content` says.
  const written = blocksNamed(block, 'statement');
  // The data source's merge: the source documents' statements, then its own, then the overriding
  // documents'; a statement with a Sid already there takes its place. A document it cannot read
  // (a variable, a file) leaves the policy unknown, and it is not judged.
  const sources = documentList(block, 'source_policy_documents', merged);
  const overrides = documentList(block, 'override_policy_documents', merged);
  if (!sources || !overrides) return undefined;
  let statements: TemplateNode[] = [];
  const put = (statement: TemplateNode) => {
    const sid = sidOf(statement);
    const same = sid === undefined ? -1 : statements.findIndex((s) => sidOf(s) === sid);
    if (same >= 0) statements[same] = statement;
    else statements.push(statement);
  };
  // A statement whose shape only Terraform knows (an element that may be null, principals or
  // conditions a dynamic block may leave out) is not read: what it is, IAM will say.
  const certain = written.filter((s) => !uncertainShape(s));
  if (written.length > 0 && certain.length === 0 && sources.length === 0 && overrides.length === 0) return undefined;
  for (const statement of sources) put(statement);
  for (const statement of certain.map((s) => statementNode(s, references))) put(statement);
  for (const statement of overrides) put(statement);
  statements = statements.sort((a, b) => a.start - b.start);
  const first = statements[0]?.start ?? start;
  entries.push({ key: 'Statement', keyNode: madeAt('Statement', first), value: { type: 'seq', start: first, end: statements[statements.length - 1]?.end ?? first, items: exactLength(statements), flow: true } });
  entries.sort((a, b) => a.keyNode.start - b.keyNode.start);
  return { node: { type: 'map', start, end: block.endIndex, entries: exactLength(entries), flow: true }, partial: certain.length < written.length };
}

/**
 * Whether a statement block's elements are known only when Terraform runs: an attribute whose
 * value may be null (`try(each.value.not_actions, null)`: the data source then leaves the element
 * out), or `principals`, `not_principals` or `condition` blocks a `dynamic` block may or may not write.
 */
function uncertainShape(statement: SyntaxNode): boolean {
  if (childBlocks(statement, 'dynamic').length > 0) return true;
  const nested = [...childBlocks(statement, 'principals'), ...childBlocks(statement, 'not_principals'), ...childBlocks(statement, 'condition')];
  return [statement, ...nested].some((b) => (bodyOf(b)?.namedChildren ?? []).some((c) => c?.type === 'attribute' && mayBeNull(c)));
}

/** Whether an expression holds a `null`: it may be null when Terraform evaluates it. */
function mayBeNull(node: SyntaxNode): boolean {
  if (node.type === 'null_lit') return true;
  return node.namedChildren.some((c) => c !== null && mayBeNull(c));
}

/** A block's `name` blocks, and the `content` of its `dynamic "name"` blocks (one per item, known when Terraform runs), in order. */
function blocksNamed(block: SyntaxNode, name: string): SyntaxNode[] {
  const dynamic = childBlocks(block, 'dynamic')
    .filter((d) => labels(d)[1] === name)
    .flatMap((d) => childBlocks(d, 'content'));
  return [...childBlocks(block, name), ...dynamic].sort((a, b) => a.startIndex - b.startIndex);
}

/** What the data source writes that the file does not: a string standing, zero-wide, at `at`. */
function madeAt(value: string, at: number): TemplateScalar {
  return { type: 'scalar', start: at, end: at, value, style: 'json', synthetic: true };
}

function statementNode(block: SyntaxNode, references: References): TemplateMap {
  const entries: TemplateEntry[] = [];
  for (const [attributeName, element] of Object.entries(STATEMENT_ELEMENTS)) {
    const attribute = attributeOf(block, attributeName);
    if (attribute) entries.push(attributeEntry(attribute, element, references));
  }
  for (const [blockName, element] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
    const principals = blocksNamed(block, blockName);
    if (principals.length === 0) continue;
    const byType: TemplateEntry[] = [];
    for (const principal of principals) {
      const type = attributeOf(principal, 'type');
      const identifiers = attributeOf(principal, 'identifiers');
      const typeValue = type && valueOf(type) && hclValue(valueOf(type)!, references);
      if (typeValue?.type !== 'scalar' || typeof typeValue.value !== 'string') continue;
      byType.push({ key: typeValue.value, keyNode: typeValue, value: identifiers && valueOf(identifiers) ? hclValue(valueOf(identifiers)!, references) : undefined });
    }
    const first = principals[0];
    const span = { start: first.startIndex, end: principals[principals.length - 1].endIndex };
    // `type = "*"` writes `"Principal": "*"`.
    const value: TemplateNode = byType.length === 1 && byType[0].key === '*' ? { ...byType[0].keyNode } : { type: 'map', ...span, entries: byType, flow: true };
    entries.push({ key: element, keyNode: keyAt(first), value: inOrder(value) });
  }
  const conditions = blocksNamed(block, 'condition');
  if (conditions.length > 0) {
    const byTest = new Map<string, TemplateEntry>();
    for (const condition of conditions) {
      const test = attributeOf(condition, 'test');
      const variable = attributeOf(condition, 'variable');
      const values = attributeOf(condition, 'values');
      const testValue = test && valueOf(test) && hclValue(valueOf(test)!, references);
      const variableValue = variable && valueOf(variable) && hclValue(valueOf(variable)!, references);
      if (testValue?.type !== 'scalar' || typeof testValue.value !== 'string' || variableValue?.type !== 'scalar' || typeof variableValue.value !== 'string') continue;
      let operator = byTest.get(testValue.value);
      if (!operator) {
        // The operator's keys and values are written after it, where the variable is: its map starts there.
        operator = { key: testValue.value, keyNode: testValue, value: { type: 'map', start: Math.max(testValue.end, Math.min(variableValue.start, condition.endIndex)), end: condition.endIndex, entries: [], flow: true } };
        byTest.set(testValue.value, operator);
      }
      if (operator.value?.type === 'map') {
        operator.value.end = condition.endIndex;
        operator.value.entries.push({ key: variableValue.value, keyNode: variableValue, value: values && valueOf(values) ? hclValue(valueOf(values)!, references) : undefined });
      }
    }
    const span = { start: conditions[0].startIndex, end: conditions[conditions.length - 1].endIndex };
    entries.push({ key: 'Condition', keyNode: keyAt(conditions[0]), value: inOrder({ type: 'map', ...span, entries: [...byTest.values()], flow: true }) });
  }
  // In the order written; the data source's own `Effect: Allow` last, at the block's end.
  entries.sort((a, b) => a.keyNode.start - b.keyNode.start);
  if (!entries.some((e) => e.key === 'Effect')) entries.push({ key: 'Effect', keyNode: madeAt('Effect', block.endIndex - 1), value: madeAt('Allow', block.endIndex - 1) });
  return { type: 'map', start: block.startIndex, end: block.endIndex, entries: exactLength(entries), flow: true };
}

/** The node as it is when written in order of the file, else made at its place and mapped as a whole. */
function inOrder(node: TemplateNode): TemplateNode {
  let last = -1;
  let ordered = true;
  const visit = (n: TemplateNode) => {
    if (n.start < last) ordered = false;
    last = Math.max(last, n.start);
    if (n.type === 'map')
      for (const e of n.entries) {
        visit(e.keyNode);
        if (e.value) visit(e.value);
      }
    else if (n.type === 'seq') for (const item of n.items) visit(item);
    last = Math.max(last, n.end);
  };
  visit(node);
  return ordered ? node : { ...node, synthetic: true };
}

function attributeEntry(attribute: SyntaxNode, element: string, references: References): TemplateEntry {
  const expression = valueOf(attribute);
  return { key: element, keyNode: keyAt(attribute), value: expression ? hclValue(expression, references) : undefined };
}

/** A key written as an attribute or block name: it stands where the name is, not copied. */
function keyAt(node: SyntaxNode): TemplateScalar {
  const name = node.namedChildren[0];
  return { type: 'scalar', start: name?.startIndex ?? node.startIndex, end: name?.endIndex ?? node.endIndex, value: name?.text ?? '', style: 'json' };
}






