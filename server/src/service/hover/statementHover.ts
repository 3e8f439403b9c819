import type { IamCatalog } from '../catalog/iamCatalog';
import { hasWildcard } from '../catalog/wildcard';
import type { PrincipalElement, StatementModel } from '../policy/policyModel';
import { code, dataFooter, joinSections } from './markdown';

/** How many names a list shows before "and N more". */
const SHOWN = 12;

/**
 * What a statement grants (or denies), in words, for a hover on its `Effect` or `Sid`: the actions
 * with wildcards expanded, on which resources, to whom, under which conditions.
 */
export function statementHoverText(catalog: IamCatalog, statement: StatementModel): string | undefined {
  const effect = statement.effect?.value;
  if (effect !== 'Allow' && effect !== 'Deny') return undefined;
  const verb = effect === 'Allow' ? 'Allows' : 'Denies';
  const title = `**${verb}**${statement.sid ? ` (${code(statement.sid.value)})` : ''}`;
  return joinSections([
    title,
    actionsText(catalog, statement),
    resourcesText(statement),
    principalText(statement.principal, 'To') ?? principalText(statement.notPrincipal, 'To everyone except'),
    conditionsText(statement),
    dataFooter(catalog),
  ]);
}

function list(values: readonly string[]): string {
  const shown = values.slice(0, SHOWN).map(code).join(', ');
  return values.length > SHOWN ? `${shown} and ${values.length - SHOWN} more` : shown;
}

function actionsText(catalog: IamCatalog, statement: StatementModel): string | undefined {
  const element = statement.action ?? statement.notAction;
  if (!element) return undefined;
  const written = element.values.map((v) => v.value);
  const expanded = [...new Set(written.flatMap((a) => (a === '*' ? [] : hasWildcard(a) ? catalog.matchActions(a).map((x) => x.qualifiedName) : [a])))];
  const everything = written.includes('*');
  if (statement.notAction) return `**Actions:** every action except ${list(expanded)}${written.some(hasWildcard) ? ` (${list(written)})` : ''}`;
  if (everything) return '**Actions:** every action of every service (`*`)';
  const wildcards = written.filter(hasWildcard);
  const note = wildcards.length > 0 ? ` — ${wildcards.map(code).join(', ')} ${wildcards.length === 1 ? 'expands' : 'expand'} to ${expanded.length} in the IAM data` : '';
  return `**Actions (${expanded.length}):** ${list(expanded)}${note}`;
}

function resourcesText(statement: StatementModel): string | undefined {
  if (statement.resource) {
    const values = statement.resource.values.map((v) => v.value);
    return values.includes('*') ? '**On:** every resource (`*`)' : `**On:** ${list(values)}`;
  }
  if (statement.notResource) return `**On:** every resource except ${list(statement.notResource.values.map((v) => v.value))}`;
  return undefined;
}

function principalText(element: PrincipalElement | undefined, lead: string): string | undefined {
  if (!element) return undefined;
  if (element.bare) return `**${lead}:** ${element.bare.value === '*' ? 'everyone, including anonymous users (`*`)' : code(element.bare.value)}`;
  const names = element.entries.flatMap((e) => e.values.map((v) => `${e.type.value} ${code(v.value)}`));
  return names.length > 0 ? `**${lead}:** ${names.slice(0, SHOWN).join(', ')}${names.length > SHOWN ? ` and ${names.length - SHOWN} more` : ''}` : undefined;
}

function conditionsText(statement: StatementModel): string | undefined {
  const clauses = statement.condition?.clauses ?? [];
  const lines = clauses.flatMap((clause) =>
    clause.keys.map((entry) => {
      const values = [...entry.values.map((v) => v.value), ...entry.scalars.map((n) => String(n.value))];
      return `- ${code(clause.operator.value)} ${code(entry.key.value)}: ${values.map(code).join(' or ')}`;
    }),
  );
  return lines.length > 0 ? `**Only when:**\n${lines.join('\n')}` : undefined;
}
