import type { Node } from 'jsonc-parser';
import { hasWildcard } from '../../catalog/wildcard';
import { parseArn } from '../../catalog/arn';
import type { ResourceTypeInfo } from '../../catalog/serviceEntry';
import type { StatementModel } from '../../policy/policyModel';
import type { RuleContext } from '../engine/ruleContext';
import { grantSiteIn, statementName } from './access';

/** A resource the policy grants an action on, as it is written, and where the grant is. */
export interface Grant {
  statement: StatementModel;
  /** The action's entry in the statement (or its `NotAction` key). */
  site: Node;
  /** An entry of the statement's `Resource` that fits the action; `*` for `NotResource` or none. */
  resource: string;
}

/**
 * Each resource the policy grants `action` on: the entries of each Allow statement that takes it
 * which can name a resource of a type the action takes (a stream for `kinesis:GetRecords`, not the
 * lease table listed beside it), or, with `only`, of those types alone.
 */
export function grantsOf(context: RuleContext, action: string, only?: readonly ResourceTypeInfo[]): Grant[] {
  const info = context.catalog.action(action);
  const types = only ?? (info ? info.service.resourceTypesOf(info) : []);
  const key = `${action.toLowerCase()}\u0000${types.map((t) => t.template.text).join('\u0000')}`;
  const grants: Grant[] = [];
  for (const statement of context.access.allowsOf(action)) {
    const site = grantSiteIn(statement, action);
    if (!site) continue;
    for (const resource of context.statementMemo(statement, key, () => fittingResources(context, statement, types))) grants.push({ statement, site, resource });
  }
  return grants;
}

/** The statement's resources that can name a resource of one of the types; `*` for `NotResource` or none. */
function fittingResources(context: RuleContext, statement: StatementModel, types: readonly ResourceTypeInfo[]): string[] {
  if (!statement.resource) return ['*'];
  return context
    .resourcesOf(statement)
    .filter((resolved) => types.length === 0 || context.fits(resolved, types))
    .map((resolved) => resolved.value.value);
}

/** What a job cannot do on the resources of one statement. */
export interface Gap {
  statement: StatementModel;
  site: Node;
  /** The resources of the statement where something is missing, in order, each once. */
  resources: string[];
  /** The actions missing: for a need met by any of several actions, all of them. */
  missing: string[];
  /** The Deny statements that took a needed action away, if that is why it is missing. */
  deniedBy: StatementModel[];
}

/**
 * For each resource the policy grants `marker` on, the needs it cannot meet there. A need is a
 * list of actions of which one suffices (`DescribeStream` or `DescribeStreamSummary`); it is met
 * where one of them is allowed, or may be (see `PolicyAccess.permits`). `resourceFor` turns the
 * granted resource into the one the need is about (a stream's consumers, a table's index).
 * Gaps are grouped by the statement that grants the marker.
 */
export function gapsBeside(
  context: RuleContext,
  marker: string,
  needs: readonly (readonly string[])[],
  resourceFor: (resource: string) => string = (r) => r,
): Gap[] {
  const gaps = new Map<StatementModel, Gap>();
  for (const grant of grantsOf(context, marker)) {
    const target = resourceFor(grant.resource);
    for (const need of needs) {
      const met = target === grant.resource
        ? need.some((action) => context.access.permitsBeside(grant.statement, action, target))
        : need.some((action) => context.access.permits(action, target));
      if (met) continue;
      let gap = gaps.get(grant.statement);
      if (!gap) {
        gap = { statement: grant.statement, site: grant.site, resources: [], missing: [], deniedBy: [] };
        gaps.set(grant.statement, gap);
      }
      if (!gap.resources.includes(grant.resource)) gap.resources.push(grant.resource);
      // A Deny is the cause only when it takes away every action that would meet the need;
      // otherwise what is missing is the actions nothing denies.
      const denials = need.map((action) => context.access.deniedBy(action, target));
      const open = need.filter((_, i) => denials[i].length === 0);
      for (const action of open.length > 0 ? open : need) if (!gap.missing.includes(action)) gap.missing.push(action);
      if (open.length === 0) for (const deny of denials.flat()) if (!gap.deniedBy.includes(deny.statement)) gap.deniedBy.push(deny.statement);
    }
  }
  return [...gaps.values()];
}

/** `stream orders`, `streams orders and payments`, `every stream` for a message. */
export function describeResources(resources: readonly string[], kind: string): string {
  const names = resources.map((r) => {
    if (r === '*') return undefined;
    const arn = parseArn(r);
    if (!arn) return r;
    const slash = arn.resource.indexOf('/');
    return slash >= 0 && !hasWildcard(arn.resource) ? arn.resource.slice(slash + 1) : r;
  });
  if (names.some((n) => n === undefined)) return `every ${kind}`;
  const list = names as string[];
  const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
  return `${kind}${list.length === 1 ? '' : 's'} ${joined}`;
}

/** A sentence naming the Denies behind a gap, or nothing. */
export function deniedClause(deniedBy: readonly StatementModel[]): string {
  if (deniedBy.length === 0) return '';
  const names = deniedBy.map(statementName);
  return ` The Deny in statement${names.length === 1 ? '' : 's'} ${names.join(', ')} takes it away.`;
}

/** Whether every resource is named without a wildcard: an application's own, rather than a person's broad access. */
export function allNamed(resources: readonly string[]): boolean {
  return resources.every((r) => !hasWildcard(r));
}

/**
 * What a gap's finding leaves for its quick fix: the missing actions, the resources, and whether
 * a Deny is the cause (then no fix is offered: an Allow cannot undo it).
 */
export function gapData(gap: Gap, missing: readonly string[] = gap.missing): Record<string, unknown> {
  return { missing: [...missing], resources: gap.resources, ...(gap.deniedBy.length > 0 ? { denied: true } : {}) };
}

/** The end of a gap's message: the Deny that took the action away, or what to grant. */
export function gapAdvice(gap: Gap, grant: string): string {
  return gap.deniedBy.length > 0 ? deniedClause(gap.deniedBy) : ` ${grant}`;
}
