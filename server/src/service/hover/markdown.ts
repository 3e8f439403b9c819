import * as l10n from '@vscode/l10n';
import type { IamCatalog } from '../catalog/iamCatalog';

/** The small print under every hover: where the IAM data comes from and how old it is. */
export function dataFooter(catalog: IamCatalog): string {
  return `<sub>${l10n.t('IAM data of {0} ({1} {2})', catalog.dataDate, catalog.dataPackage, catalog.dataVersion)}</sub>`;
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Text as markdown that renders literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}

/** Names, a few of them shown and the rest counted: `a, b and 3 more`. */
export function moreOf(shown: readonly string[], total: number): string {
  const text = shown.join(', ');
  return total > shown.length ? l10n.t('{0} and {1} more', text, total - shown.length) : text;
}

export function joinSections(sections: (string | undefined)[]): string {
  return sections.filter((s): s is string => !!s).join('\n\n');
}
