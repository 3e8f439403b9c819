import type { IamCatalog } from '../catalog/iamCatalog';
import { code, dataFooter, escapeMarkdown, joinSections } from './markdown';

/** Hover text for an ARN: its fields and the resource type it names. */
export function arnHoverText(catalog: IamCatalog, arn: string): string | undefined {
  const info = catalog.describeArn(arn);
  if (!info) return undefined;
  const service = catalog.service(info.service);
  const field = (value: string) => (value === '' ? '_(empty)_' : code(value));
  const rows = [
    `| Partition | ${field(info.partition)} |`,
    `| Service | ${field(info.service)}${service ? ` (${escapeMarkdown(service.name)})` : ''} |`,
    `| Region | ${field(info.region)} |`,
    `| Account | ${field(info.account)} |`,
    ...info.variables
      .filter(([name]) => !['Partition', 'Region', 'Account'].includes(name))
      .map(([name, value]) => `| ${escapeMarkdown(name)} | ${field(value)} |`),
  ];
  if (!info.resourceType) rows.push(`| Resource | ${field(info.resource)} |`);
  const heading = info.resourceType
    ? `**ARN** of a ${code(info.resourceType.name)} (${escapeMarkdown(info.resourceType.service.name)})`
    : '**ARN**';
  return joinSections([
    heading,
    `| Part | Value |\n|---|---|\n${rows.join('\n')}`,
    info.resourceType ? `Format: ${code(info.resourceType.arn)}` : undefined,
    dataFooter(catalog),
  ]);
}
