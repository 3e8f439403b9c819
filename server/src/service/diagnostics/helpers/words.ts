import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';

/**
 * What a JSON value is, for a message saying what a value should be instead: `null`, `a list`
 * (or, where a list of lists is meant, `a nested list`), `an object`, `a string`, `a number`,
 * `a boolean`.
 */
export function describeNode(node: Node, list: 'list' | 'nested list' = 'list'): string {
  switch (node.type) {
    case 'null':
      return l10n.t('null');
    case 'array':
      return list === 'list' ? l10n.t('a list') : l10n.t('a nested list');
    case 'object':
      return l10n.t('an object');
    case 'string':
      return l10n.t('a string');
    case 'number':
      return l10n.t('a number');
    case 'boolean':
      return l10n.t('a boolean');
    default:
      return `a ${node.type}`;
  }
}
