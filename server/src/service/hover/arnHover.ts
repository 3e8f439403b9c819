import * as l10n from '@vscode/l10n';
import { describeArnPattern } from '../catalog/arnPatterns';
import type { IamCatalog } from '../catalog/iamCatalog';
import { hasWildcard } from '../catalog/wildcard';
import { code, dataFooter, escapeMarkdown, joinSections } from './markdown';
import { alternatives } from '../l10n';

/** Hover text for an ARN: its fields and the resource type it names; for a pattern, what it can match. */
export function arnHoverText(catalog: IamCatalog, arn: string): string | undefined {
  if (hasWildcard(arn)) {
    const pattern = arnPatternHoverText(catalog, arn);
    if (pattern) return pattern;
  }
  const info = catalog.describeArn(arn);
  if (!info) return undefined;
  const service = catalog.service(info.service);
  const field = (value: string) => (value === '' ? l10n.t('_(empty)_') : code(value));
  const rows = [
    `| ${l10n.t('Partition')} | ${field(info.partition)} |`,
    `| ${l10n.t('Service')} | ${service ? l10n.t('{0} ({1})', field(info.service), escapeMarkdown(service.name)) : field(info.service)} |`,
    `| ${l10n.t('Region')} | ${field(info.region)} |`,
    `| ${l10n.t('Account')} | ${field(info.account)} |`,
    ...info.variables
      .filter(([name]) => !['Partition', 'Region', 'Account'].includes(name))
      .map(([name, value]) => `| ${escapeMarkdown(name)} | ${field(value)} |`),
  ];
  if (!info.resourceType) rows.push(`| ${l10n.t('Resource')} | ${field(info.resource)} |`);
  const heading = info.resourceType
    ? l10n.t('**ARN** of a {0} ({1})', code(info.resourceType.name), escapeMarkdown(info.resourceType.service.name))
    : '**ARN**';
  return joinSections([
    heading,
    `${partValueHeader()}\n${rows.join('\n')}`,
    info.resourceType ? l10n.t('Format: {0}', code(info.resourceType.arn)) : undefined,
    dataFooter(catalog),
  ]);
}

const FIELDS = ['Partition', 'Region', 'Account'];

function arnPatternHoverText(catalog: IamCatalog, arn: string): string | undefined {
  const info = describeArnPattern(catalog, arn);
  if (!info || info.types.length === 0) return undefined;
  const [type] = info.types;
  const field = (value: string) => (value === '' ? l10n.t('_(empty)_') : hasWildcard(value) ? l10n.t('{0} (any)', code(value)) : code(value));
  const rows = info.variables.map(([name, value]) => `| ${fieldLabel(name)} | ${field(value)} |`);
  const names = info.types.map((t) => code(t.name));
  // The names the pattern fixes, e.g. the stream of `stream/orders/consumer/*`.
  const fixed = info.variables.filter(([name, value]) => !FIELDS.includes(name) && !hasWildcard(value)).map(([name, value]) => `${escapeMarkdown(name)} ${code(value)}`);
  return joinSections([
    fixed.length > 0
      ? l10n.t('**ARN pattern** of {0} ARNs ({1}) with {2}', alternatives(names), escapeMarkdown(type.service.name), fixed.join(', '))
      : l10n.t('**ARN pattern** of {0} ARNs ({1})', alternatives(names), escapeMarkdown(type.service.name)),
    rows.length > 0 ? `${partValueHeader()}\n${rows.join('\n')}` : undefined,
    l10n.t('Format: {0}', code(type.arn)),
    dataFooter(catalog),
  ]);
}

/** The head of the table of an ARN's parts. */
function partValueHeader(): string {
  return `| ${l10n.t('Part')} | ${l10n.t('Value')} |\n|---|---|`;
}

/** A part of an ARN by its template's name: the fields every ARN has in words, a resource's names as IAM writes them. */
function fieldLabel(name: string): string {
  switch (name) {
    case 'Partition':
      return l10n.t('Partition');
    case 'Region':
      return l10n.t('Region');
    case 'Account':
      return l10n.t('Account');
    default:
      return escapeMarkdown(name);
  }
}
