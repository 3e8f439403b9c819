import * as l10n from '@vscode/l10n';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { ActionInfo, ResourceTypeInfo } from '../catalog/serviceEntry';
import type { ArnDefaults } from '../policy/arnDefaults';
import type { CompletionRequest } from './completionRequest';
import { escapeSnippet, stringValueItem } from './items';

/** Resource types offered when the statement names no action to take them from. */
const DEFAULT_RESOURCE_TYPES: readonly [string, string][] = [
  ['kinesis', 'stream'],
  ['kinesis', 'consumer'],
  ['dynamodb', 'table'],
  ['kms', 'key'],
];

interface Candidate {
  resourceType: ResourceTypeInfo;
  required: boolean;
  actions: string[];
}

/**
 * `Resource` and `NotResource` values: an ARN template for each resource type the statement's
 * actions take, and `"*"` when an action takes no resource ARN. Partition, region and account
 * default to the ones the document's ARNs use.
 */
export function completeResources(request: CompletionRequest): CompletionItem[] {
  const actions = statementActions(request);
  const { candidates, wildcardOnly } = actions.length > 0 ? fromActions(actions) : fromDefaults(request);
  const defaults = request.arnDefaults.of(request.model);
  const items = candidates.flatMap((c) => {
    const type = `${c.resourceType.service.prefix} ${c.resourceType.name}`;
    const detail = c.required ? type : l10n.t('{0} (optional)', type);
    const documentation = c.actions.length > 0 ? l10n.t('Resource type for {0}.', summarise(c.actions)) : undefined;
    // A consumer statement (KCL, enhanced fan-out) names every consumer of its stream first.
    const every = c.resourceType.arn.replace(/\/consumer\/\$\{ConsumerName\}:\$\{CreationTimestamp\}$/, '/consumer/*');
    const templates = every !== c.resourceType.arn ? [every, c.resourceType.arn] : [c.resourceType.arn];
    return templates.map((template) => {
      const { label, snippet } = arnSnippet(template, defaults);
      // The label shows the part after account, where ARNs of one document differ; typing matches the whole ARN.
      return stringValueItem(request, resourcePart(label), snippet, {
        kind: CompletionItemKind.Reference,
        detail: template === every && every !== c.resourceType.arn ? l10n.t('{0}: every consumer of the stream', detail) : detail,
        documentation,
        snippet: true,
        filterText: `"${label}"`,
      });
    });
  });
  items.forEach((item, i) => (item.sortText = String(i).padStart(3, '0')));
  if (wildcardOnly.length > 0 || actions.length === 0) {
    // First when an action needs it, last when it is only the broadest choice.
    items[wildcardOnly.length > 0 ? 'unshift' : 'push'](
      stringValueItem(request, '*', '*', {
        kind: CompletionItemKind.Constant,
        detail: l10n.t('All resources'),
        documentation:
          wildcardOnly.length > 0
            ? wildcardOnly.length === 1
              ? l10n.t('{0} takes no resource ARN: only `"*"` applies.', summarise(wildcardOnly))
              : l10n.t('{0} take no resource ARN: only `"*"` applies.', summarise(wildcardOnly))
            : l10n.t('Every resource. Name the resources where the actions allow it.'),
        sortText: wildcardOnly.length > 0 ? '000' : '999',
      }),
    );
  }
  return items;
}

/** The actions of the statement's `Action`, wildcards expanded; `*` alone counts as none. */
function statementActions(request: CompletionRequest): ActionInfo[] {
  const values = request.location.statement?.action?.values ?? [];
  return values.filter((v) => v.value !== '*').flatMap((v) => request.catalog.matchActions(v.value));
}

function fromActions(actions: ActionInfo[]): { candidates: Candidate[]; wildcardOnly: string[] } {
  const byType = new Map<ResourceTypeInfo, Candidate>();
  const wildcardOnly: string[] = [];
  for (const action of actions) {
    const types = action.resourceTypes ?? [];
    if (!types.some((t) => t.required)) wildcardOnly.push(action.qualifiedName);
    for (const t of types) {
      const resourceType = action.service.resourceType(t.name);
      if (!resourceType) continue;
      const candidate = byType.get(resourceType) ?? { resourceType, required: false, actions: [] };
      candidate.required ||= t.required;
      candidate.actions.push(action.qualifiedName);
      byType.set(resourceType, candidate);
    }
  }
  // Types some action requires come first, then those that narrow an action optionally.
  const candidates = [...byType.values()].sort((a, b) => Number(b.required) - Number(a.required));
  return { candidates, wildcardOnly };
}

function fromDefaults(request: CompletionRequest): { candidates: Candidate[]; wildcardOnly: string[] } {
  const candidates = DEFAULT_RESOURCE_TYPES.flatMap(([prefix, name]) => {
    const resourceType = request.catalog.service(prefix)?.resourceType(name);
    return resourceType ? [{ resourceType, required: true, actions: [] }] : [];
  });
  return { candidates, wildcardOnly: [] };
}

const PLACEHOLDER = /\$\{([^}]+)\}/g;
const FIELD_DEFAULTS: Readonly<Record<string, keyof ArnDefaults>> = {
  Partition: 'partition',
  Region: 'region',
  Account: 'account',
};

/**
 * The template as a snippet. What the document says (partition, region, account) is written as
 * plain text; each part it does not say is a tab stop, in order, so that the first thing typed
 * goes in the first unknown part (the stream name, offered from the document's streams when it
 * names some). A partition the document does not say is `aws`.
 */
export function arnSnippet(template: string, defaults: ArnDefaults): { label: string; snippet: string } {
  const stops = new Map<string, number>();
  let snippet = '';
  let label = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(last, match.index);
    const name = match[1];
    const field = FIELD_DEFAULTS[name];
    const known = field ? (defaults[field] as string | undefined) ?? (field === 'partition' ? 'aws' : undefined) : undefined;
    snippet += escapeSnippet(literal);
    if (known !== undefined) snippet += escapeSnippet(known);
    else {
      const stop = stops.get(name) ?? stops.size + 1;
      stops.set(name, stop);
      const choices = name === 'StreamName' ? defaults.streams : [];
      snippet += choices.length > 0 ? `\${${stop}|${choices.join(',')}|}` : `\${${stop}:${escapeSnippet(name)}}`;
    }
    label += literal + (known ?? `\${${name}}`);
    last = match.index + match[0].length;
  }
  const tail = template.slice(last);
  return { label: label + tail, snippet: snippet + escapeSnippet(tail) };
}

/** `stream/${StreamName}` of `arn:aws:kinesis:us-east-1:111122223333:stream/${StreamName}`. */
function resourcePart(arn: string): string {
  let at = 0;
  for (let colons = 0; colons < 5; colons++) {
    at = arn.indexOf(':', at) + 1;
    if (at === 0) return arn;
  }
  return arn.slice(at);
}

function summarise(names: string[]): string {
  const unique = [...new Set(names)];
  const shown = unique.slice(0, 4).map((n) => `\`${n}\``);
  return unique.length > 4 ? l10n.t('{0} and {1} more', shown.join(', '), unique.length - 4) : shown.join(', ');
}
