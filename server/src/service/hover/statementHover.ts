import * as l10n from '@vscode/l10n';
import type { IamCatalog } from '../catalog/iamCatalog';
import { hasWildcard } from '../catalog/wildcard';
import type { PrincipalElement, StatementModel } from '../policy/policyModel';
import { code, dataFooter, joinSections, moreOf } from './markdown';
import { alternatives } from '../l10n';

/** How many names a list shows before "and N more". */
const SHOWN = 12;

/**
 * What a statement grants (or denies), in words, for a hover on its `Effect` or `Sid`: the actions
 * with wildcards expanded, on which resources, to whom, under which conditions.
 */
export function statementHoverText(catalog: IamCatalog, statement: StatementModel): string | undefined {
  const effect = statement.effect?.value;
  if (effect !== 'Allow' && effect !== 'Deny') return undefined;
  const sid = statement.sid ? code(statement.sid.value) : undefined;
  const title =
    effect === 'Allow'
      ? sid
        ? l10n.t('**Allows** ({0})', sid)
        : l10n.t('**Allows**')
      : sid
        ? l10n.t('**Denies** ({0})', sid)
        : l10n.t('**Denies**');
  return joinSections([
    title,
    actionsText(catalog, statement),
    resourcesText(statement),
    principalText(statement.principal) ?? principalText(statement.notPrincipal),
    conditionsText(statement),
    dataFooter(catalog),
  ]);
}

function list(values: readonly string[]): string {
  return moreOf(values.slice(0, SHOWN).map(code), values.length);
}

function actionsText(catalog: IamCatalog, statement: StatementModel): string | undefined {
  const element = statement.action ?? statement.notAction;
  if (!element) return undefined;
  const written = element.values.map((v) => v.value);
  const expanded = [...new Set(written.flatMap((a) => (a === '*' ? [] : hasWildcard(a) ? catalog.matchActions(a).map((x) => x.qualifiedName) : [a])))];
  const everything = written.includes('*');
  if (statement.notAction) {
    return written.some(hasWildcard)
      ? l10n.t('**Actions:** every action except {0} ({1})', list(expanded), list(written))
      : l10n.t('**Actions:** every action except {0}', list(expanded));
  }
  if (everything) return l10n.t('**Actions:** every action of every service (`*`)');
  const wildcards = written.filter(hasWildcard);
  if (wildcards.length === 0) return l10n.t('**Actions ({0}):** {1}', expanded.length, list(expanded));
  const patterns = wildcards.map(code).join(', ');
  return wildcards.length === 1
    ? l10n.t('**Actions ({0}):** {1} — {2} expands to {3} in the IAM data', expanded.length, list(expanded), patterns, expanded.length)
    : l10n.t('**Actions ({0}):** {1} — {2} expand to {3} in the IAM data', expanded.length, list(expanded), patterns, expanded.length);
}

function resourcesText(statement: StatementModel): string | undefined {
  if (statement.resource) {
    const values = statement.resource.values.map((v) => v.value);
    return values.includes('*') ? l10n.t('**On:** every resource (`*`)') : l10n.t('**On:** {0}', list(values));
  }
  if (statement.notResource) return l10n.t('**On:** every resource except {0}', list(statement.notResource.values.map((v) => v.value)));
  return undefined;
}

function principalText(element: PrincipalElement | undefined): string | undefined {
  if (!element) return undefined;
  const who = (names: string) => (element.key === 'NotPrincipal' ? l10n.t('**To everyone except:** {0}', names) : l10n.t('**To:** {0}', names));
  if (element.bare) return who(element.bare.value === '*' ? l10n.t('everyone, including anonymous users (`*`)') : code(element.bare.value));
  const names = element.entries.flatMap((e) => e.values.map((v) => `${e.type.value} ${code(v.value)}`));
  return names.length > 0 ? who(moreOf(names.slice(0, SHOWN), names.length)) : undefined;
}

function conditionsText(statement: StatementModel): string | undefined {
  const clauses = statement.condition?.clauses ?? [];
  const lines = clauses.flatMap((clause) =>
    clause.keys.map((entry) => {
      const values = [...entry.values.map((v) => v.value), ...entry.scalars.map((n) => String(n.value))];
      return `- ${code(clause.operator.value)} ${code(entry.key.value)}: ${alternatives(values.map(code))}`;
    }),
  );
  return lines.length > 0 ? `${l10n.t('**Only when:**')}\n${lines.join('\n')}` : undefined;
}
