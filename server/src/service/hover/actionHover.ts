import * as l10n from '@vscode/l10n';
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
    return `- ${t.required ? l10n.t('{0} (required)', code(t.name)) : code(t.name)}${arn ? `: ${code(arn)}` : ''}`;
  });
  const keys = [...(action.conditionKeys ?? []), ...(action.resourceTypes ?? []).flatMap((t) => t.conditionKeys ?? [])];
  const dependent = [...(action.dependentActions ?? []), ...(action.resourceTypes ?? []).flatMap((t) => t.dependentActions ?? [])];
  return joinSections([
    `**${action.qualifiedName}** — ${escapeMarkdown(action.service.name)}`,
    l10n.t('Access level: **{0}**', action.accessLevel),
    escapeMarkdown(action.description),
    resources.length > 0
      ? `${l10n.t('Resource types:')}\n${resources.join('\n')}`
      : l10n.t('Resource types: none. This action takes no resource ARN: use `"Resource": "*"`.'),
    keys.length > 0 ? l10n.t('Condition keys: {0}', [...new Set(keys)].map(code).join(', ')) : undefined,
    dependent.length > 0 ? l10n.t('Also needs: {0}', [...new Set(dependent)].map(code).join(', ')) : undefined,
    `[${l10n.t('Documentation')}](${actionDocumentationUrl(action)})`,
  ]);
}

function wildcardText(catalog: IamCatalog, pattern: string): string {
  if (pattern === '*') return joinSections([l10n.t('**`*`** — every action of every AWS service.'), dataFooter(catalog)]);
  const matches = catalog.matchActions(pattern);
  if (matches.length === 0) return joinSections([l10n.t('{0} matches no action.', code(pattern)), dataFooter(catalog)]);
  const shown = matches.slice(0, WILDCARD_LIST_LIMIT).map((a) => `- ${code(a.qualifiedName)} — ${a.accessLevel}`);
  const more = matches.length - shown.length;
  const levels = countBy(matches.map((a) => a.accessLevel));
  return joinSections([
    matches.length === 1
      ? l10n.t('{0} matches **{1}** action ({2}):', code(pattern), matches.length, levels)
      : l10n.t('{0} matches **{1}** actions ({2}):', code(pattern), matches.length, levels),
    shown.join('\n') + (more > 0 ? `\n- ${l10n.t('… and {0} more', more)}` : ''),
    dataFooter(catalog),
  ]);
}

function countBy(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
}
