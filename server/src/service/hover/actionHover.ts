import { actionDocumentationUrl } from '../catalog/documentationLinks';
import type { IamCatalog } from '../catalog/iamCatalog';
import type { ActionInfo } from '../catalog/serviceEntry';
import { hasWildcard } from '../catalog/wildcard';
import { code, dataFooter, escapeMarkdown, joinSections } from './markdown';

/** How many matched actions a wildcard hover lists before it only counts. */
const WILDCARD_LIST_LIMIT = 25;

/** Hover text for an `Action` entry: one action, or what a wildcard covers. */
export function actionHoverText(catalog: IamCatalog, written: string): string | undefined {
  if (hasWildcard(written)) return wildcardText(catalog, written);
  const action = catalog.action(written);
  return action ? joinSections([actionText(action), dataFooter(catalog)]) : undefined;
}

function actionText(action: ActionInfo): string {
  const resources = (action.resourceTypes ?? []).map((t) => {
    const arn = action.service.resourceType(t.name)?.arn;
    return `- ${code(t.name)}${t.required ? ' (required)' : ''}${arn ? `: ${code(arn)}` : ''}`;
  });
  const keys = [...(action.conditionKeys ?? []), ...(action.resourceTypes ?? []).flatMap((t) => t.conditionKeys ?? [])];
  const dependent = [...(action.dependentActions ?? []), ...(action.resourceTypes ?? []).flatMap((t) => t.dependentActions ?? [])];
  return joinSections([
    `**${action.qualifiedName}** — ${escapeMarkdown(action.service.name)}`,
    `Access level: **${action.accessLevel}**`,
    escapeMarkdown(action.description),
    resources.length > 0
      ? `Resource types:\n${resources.join('\n')}`
      : 'Resource types: none. This action takes no resource ARN: use `"Resource": "*"`.',
    keys.length > 0 ? `Condition keys: ${[...new Set(keys)].map(code).join(', ')}` : undefined,
    dependent.length > 0 ? `Also needs: ${[...new Set(dependent)].map(code).join(', ')}` : undefined,
    `[Documentation](${actionDocumentationUrl(action)})`,
  ]);
}

function wildcardText(catalog: IamCatalog, pattern: string): string {
  if (pattern === '*') return joinSections(['**`*`** — every action of every AWS service.', dataFooter(catalog)]);
  const matches = catalog.matchActions(pattern);
  if (matches.length === 0) return joinSections([`${code(pattern)} matches no action.`, dataFooter(catalog)]);
  const shown = matches.slice(0, WILDCARD_LIST_LIMIT).map((a) => `- ${code(a.qualifiedName)} — ${a.accessLevel}`);
  const more = matches.length - shown.length;
  const levels = countBy(matches.map((a) => a.accessLevel));
  return joinSections([
    `${code(pattern)} matches **${matches.length}** action${matches.length === 1 ? '' : 's'} (${levels}):`,
    shown.join('\n') + (more > 0 ? `\n- … and ${more} more` : ''),
    dataFooter(catalog),
  ]);
}

function countBy(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
}
