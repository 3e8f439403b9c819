import * as l10n from '@vscode/l10n';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { POLICY_VERSIONS } from '../policy/parsePolicy';
import type { CompletionRequest } from './completionRequest';
import { RETRIGGER, propertyItem, stringValueItem } from './items';

interface KeySpec {
  key: string;
  /** Snippet for the value written after the key. */
  value: string;
  documentation: string;
  /** Keys that cannot stand beside this one. */
  excludes?: string;
  retrigger?: boolean;
}

/** The keys of the policy object (their text in the display language, so made per request). */
function policyKeys(): readonly KeySpec[] {
  return [
    { key: 'Version', value: '"2012-10-17"', documentation: l10n.t('The policy language version. Always use `2012-10-17`.') },
    { key: 'Id', value: '"$1"', documentation: l10n.t('An optional identifier for the policy.') },
    {
      key: 'Statement',
      value: '[\n\t{\n\t\t"Effect": "Allow",\n\t\t"Action": ["$1"],\n\t\t"Resource": ["$2"]\n\t}\n]',
      documentation: l10n.t('The statements of the policy: one object or an array of them.'),
    },
  ];
}

/** The keys of a statement. */
function statementKeys(): readonly KeySpec[] {
  return [
    { key: 'Sid', value: '"$1"', documentation: l10n.t('An optional statement identifier, unique within the policy.') },
    { key: 'Effect', value: '"${1|Allow,Deny|}"', documentation: l10n.t('Whether the statement allows or denies access.') },
    {
      key: 'Action',
      value: '["$1"]',
      excludes: 'NotAction',
      retrigger: true,
      documentation: l10n.t('The actions the statement allows or denies, as `service:Action`; `*` and `?` are wildcards.'),
    },
    {
      key: 'NotAction',
      value: '["$1"]',
      excludes: 'Action',
      retrigger: true,
      documentation: l10n.t('Every action except these. Easy to grant more than intended: prefer `Action`.'),
    },
    {
      key: 'Resource',
      value: '["$1"]',
      excludes: 'NotResource',
      retrigger: true,
      documentation: l10n.t('The resources the statement covers, as ARNs; `"*"` for actions that take no resource.'),
    },
    {
      key: 'NotResource',
      value: '["$1"]',
      excludes: 'Resource',
      retrigger: true,
      documentation: l10n.t('Every resource except these.'),
    },
    {
      key: 'Principal',
      value: '{\n\t"AWS": "$1"\n}',
      excludes: 'NotPrincipal',
      documentation: l10n.t('Who the statement applies to. Only in resource-based policies, such as a stream or consumer policy.'),
    },
    {
      key: 'NotPrincipal',
      value: '{\n\t"AWS": "$1"\n}',
      excludes: 'Principal',
      documentation: l10n.t('Everyone except these principals. Only in resource-based policies; rarely what you want.'),
    },
    {
      key: 'Condition',
      value: '{\n\t$1\n}',
      retrigger: true,
      documentation: l10n.t('When the statement applies: `{ "Operator": { "key": "value" } }`.'),
    },
  ];
}

/** Keys of the policy object and of a statement that are not there yet. */
export function completeKeys(request: CompletionRequest): CompletionItem[] {
  const { location, model, cursor } = request;
  const specs = location.statement ? statementKeys() : policyKeys();
  const object = location.statement?.node ?? model.root;
  const current = cursor.string?.value;
  const present = new Set(
    (object?.children ?? []).map((p) => String(p.children?.[0]?.value)).filter((key) => key !== current),
  );
  return specs
    .filter((spec) => !present.has(spec.key) && !(spec.excludes && present.has(spec.excludes)))
    .map((spec, i) =>
      propertyItem(request, spec.key, spec.value, {
        kind: CompletionItemKind.Property,
        documentation: spec.documentation,
        sortText: String(i).padStart(2, '0'),
        command: spec.retrigger ? RETRIGGER : undefined,
      }),
    );
}

export function completeEffect(request: CompletionRequest): CompletionItem[] {
  return [
    stringValueItem(request, 'Allow', 'Allow', { kind: CompletionItemKind.EnumMember, documentation: l10n.t('Grants the actions.') }),
    stringValueItem(request, 'Deny', 'Deny', {
      kind: CompletionItemKind.EnumMember,
      documentation: l10n.t('Refuses the actions, overriding any Allow.'),
    }),
  ];
}

export function completeVersion(request: CompletionRequest): CompletionItem[] {
  const [current, old] = POLICY_VERSIONS;
  return [
    stringValueItem(request, current, current, {
      kind: CompletionItemKind.EnumMember,
      detail: l10n.t('Current'),
      documentation: l10n.t('The current policy language: use this one.'),
      sortText: '0',
    }),
    stringValueItem(request, old, old, {
      kind: CompletionItemKind.EnumMember,
      detail: l10n.t('Old'),
      documentation: l10n.t('The old policy language: no policy variables such as `${aws:username}`.'),
      sortText: '1',
    }),
  ];
}
