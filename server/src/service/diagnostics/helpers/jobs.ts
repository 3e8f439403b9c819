import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { hasWildcard } from '../../catalog/wildcard';
import { parseArn } from '../../catalog/arn';
import type { ResourceTypeInfo } from '../../catalog/serviceEntry';
import type { StatementModel } from '../../policy/policyModel';
import { at, type RuleFinding, type RuleSeverityLevel } from '../engine/rule';
import type { RuleContext } from '../engine/ruleContext';
import { listed, sentences, series } from '../../l10n';
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
 * where one of them is allowed, or may be (see `PolicyAccess.permits`). Gaps are grouped by the
 * statement that grants the marker.
 */
function gapsBeside(context: RuleContext, marker: string, needs: readonly (readonly string[])[]): Gap[] {
  const gaps = new Map<StatementModel, Gap>();
  for (const grant of grantsOf(context, marker)) {
    const target = grant.resource;
    for (const need of needs) {
      if (need.some((action) => context.access.permitsBeside(grant.statement, action, target))) continue;
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

/** A resource's name for a message: a stream's or table's name, the ARN of a pattern; undefined for `*`. */
export function resourceName(resource: string): string | undefined {
  if (resource === '*') return undefined;
  const arn = parseArn(resource);
  if (!arn) return resource;
  const slash = arn.resource.indexOf('/');
  return slash >= 0 && !hasWildcard(arn.resource) ? arn.resource.slice(slash + 1) : resource;
}

/** `stream orders`, `streams orders and payments`, `every stream` for a message (in Chinese `流 orders`, `所有流`). */
export function describeResources(resources: readonly string[], kind: 'stream' | 'table'): string {
  const names = resources.map(resourceName);
  if (names.some((n) => n === undefined)) return kind === 'stream' ? l10n.t('every stream') : l10n.t('every table');
  const list = names as string[];
  if (list.length === 1) return kind === 'stream' ? l10n.t('stream {0}', list[0]) : l10n.t('table {0}', list[0]);
  return kind === 'stream' ? l10n.t('streams {0}', listed(list)) : l10n.t('tables {0}', listed(list));
}

/** A sentence naming the Denies behind a gap, or nothing. */
export function deniedClause(deniedBy: readonly StatementModel[]): string {
  if (deniedBy.length === 0) return '';
  const names = series(deniedBy.map(statementName));
  return deniedBy.length === 1 ? l10n.t('The Deny in statement {0} takes it away.', names) : l10n.t('The Deny in statements {0} takes it away.', names);
}

/** A sentence naming the Denies behind a gap and the actions they take away, or nothing. */
export function deniedActionsClause(deniedBy: readonly StatementModel[], actions: readonly string[]): string {
  if (deniedBy.length === 0 || actions.length === 0) return deniedClause(deniedBy);
  const names = series(deniedBy.map(statementName));
  return deniedBy.length === 1 ? l10n.t('The Deny in statement {0} takes away {1}.', names, series(actions)) : l10n.t('The Deny in statements {0} takes away {1}.', names, series(actions));
}

/** How a rule words its findings on the gaps of one job. */
export interface GapWords {
  /** The message for a gap, given how to name its streams; a sentence about a Deny or `advice` follows. */
  message(gap: Gap, streams: string): string;
  /** What to grant, said when no Deny is the cause (in the display language: asked for when a finding is made). */
  advice?(): string;
  severity?(gap: Gap): RuleSeverityLevel | undefined;
}

/**
 * One finding per statement that grants one of the markers and cannot meet the needs on its
 * streams, on the marker's grant. Its data is what the quick fix needs: the missing actions, the
 * resources, and whether a Deny is the cause (then no fix is offered: an Allow cannot undo it).
 */
export function gapFindings(context: RuleContext, markers: readonly string[], needs: readonly (readonly string[])[], words: GapWords): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const seen = new Set<StatementModel>();
  for (const marker of markers) {
    for (const gap of gapsBeside(context, marker, needs)) {
      if (seen.has(gap.statement)) continue;
      seen.add(gap.statement);
      const denied = gap.deniedBy.length > 0;
      const tail = denied ? deniedClause(gap.deniedBy) : words.advice?.();
      findings.push(
        at(gap.site, sentences(words.message(gap, describeResources(gap.resources, 'stream')), tail), {
          severity: words.severity?.(gap),
          data: { missing: gap.missing, resources: gap.resources, ...(denied ? { denied } : {}) },
        }),
      );
    }
  }
  return findings;
}
