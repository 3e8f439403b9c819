import type { IamCatalog } from '../catalog/iamCatalog';

/** The small print under every hover: where the IAM data comes from and how old it is. */
export function dataFooter(catalog: IamCatalog): string {
  return `<sub>IAM data of ${catalog.dataDate} (${catalog.dataPackage} ${catalog.dataVersion})</sub>`;
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Text as markdown that renders literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}

export function joinSections(sections: (string | undefined)[]): string {
  return sections.filter((s): s is string => !!s).join('\n\n');
}
