import { describeArnPattern } from '../catalog/arnPatterns';
import type { IamCatalog } from '../catalog/iamCatalog';
import { hasWildcard } from '../catalog/wildcard';
import { code, dataFooter, escapeMarkdown, joinSections } from './markdown';

/** Hover text for an ARN: its fields and the resource type it names; for a pattern, what it can match. */
export function arnHoverText(catalog: IamCatalog, arn: string): string | undefined {
  if (hasWildcard(arn)) {
    const pattern = arnPatternHoverText(catalog, arn);
    if (pattern) return pattern;
  }
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

const FIELDS = ['Partition', 'Region', 'Account'];

function arnPatternHoverText(catalog: IamCatalog, arn: string): string | undefined {
  const info = describeArnPattern(catalog, arn);
  if (!info || info.types.length === 0) return undefined;
  const [type] = info.types;
  const field = (value: string) => (value === '' ? '_(empty)_' : hasWildcard(value) ? `${code(value)} (any)` : code(value));
  const rows = info.variables.map(([name, value]) => `| ${escapeMarkdown(name)} | ${field(value)} |`);
  const names = info.types.map((t) => code(t.name));
  // The names the pattern fixes, e.g. the stream of `stream/orders/consumer/*`.
  const fixed = info.variables.filter(([name, value]) => !FIELDS.includes(name) && !hasWildcard(value)).map(([name, value]) => `${escapeMarkdown(name)} ${code(value)}`);
  return joinSections([
    `**ARN pattern** of ${names.join(' or ')} ARNs (${escapeMarkdown(type.service.name)})${fixed.length > 0 ? ` with ${fixed.join(', ')}` : ''}`,
    rows.length > 0 ? `| Part | Value |\n|---|---|\n${rows.join('\n')}` : undefined,
    `Format: ${code(type.arn)}`,
    dataFooter(catalog),
  ]);
}
