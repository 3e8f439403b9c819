import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';

/**
 * A key written twice in one object: JSON parsers, IAM's among them, keep the later value and
 * drop the earlier without a word, so the statement means less (or more) than it reads. The
 * earlier one, which is ignored, is marked.
 */
export const duplicateKey = statementRule({
  code: 'iam/duplicate-key',
  defaultSeverity: 'warning',
  kinds: ALL_KINDS,
  checkStatement(statement) {
    const findings: RuleFinding[] = [];
    duplicatesIn(statement.node, findings);
    return findings;
  },
  checkOutside(context) {
    const findings: RuleFinding[] = [];
    // The top level only: statements are checked one by one.
    if (context.model.root?.type === 'object') duplicatesOf(context.model.root, findings);
    return findings;
  },
});

/** Every object in the tree, the statement itself included. */
function duplicatesIn(node: Node, findings: RuleFinding[]): void {
  if (node.type === 'object') duplicatesOf(node, findings);
  for (const child of node.children ?? []) if (child.type === 'object' || child.type === 'array' || child.type === 'property') duplicatesIn(child, findings);
}

function duplicatesOf(object: Node, findings: RuleFinding[]): void {
  const children = object.children ?? [];
  if (children.length < 2) return;
  const last = new Map<string, Node>();
  for (const property of children) {
    const key = property.children?.[0];
    if (key?.type === 'string') last.set(String(key.value), key);
  }
  if (last.size === children.length) return;
  for (const property of children) {
    const key = property.children?.[0];
    if (key?.type !== 'string') continue;
    const kept = last.get(String(key.value));
    if (kept && kept !== key) {
      const name = String(key.value);
      findings.push(at(key, l10n.t('"{0}" is written again later in this object: only the later value counts, and this one is ignored.', name), { data: { key: name } }));
    }
  }
}
