import * as l10n from '@vscode/l10n';
import { sentences } from '../l10n';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { DISALLOWED_PRINCIPAL_TYPES } from '../kinesis/kinesisFacts';
import type { CompletionRequest } from './completionRequest';
import { itemData, propertyItem, replaceRange, stringValueItem } from './items';

/** The principal types, with what each names (in the display language, so made per request). */
function principalTypes(): readonly { type: string; value: string; documentation: string }[] {
  return [
    { type: 'AWS', value: '"$1"', documentation: l10n.t('AWS accounts, IAM users and IAM roles: account ids or IAM ARNs.') },
    { type: 'Service', value: '"$1"', documentation: l10n.t('An AWS service, such as `lambda.amazonaws.com`.') },
    { type: 'Federated', value: '"$1"', documentation: l10n.t('Users of a web identity or SAML provider.') },
    { type: 'CanonicalUser', value: '"$1"', documentation: l10n.t('An Amazon S3 canonical user id.') },
  ];
}

function kinesisNote(): string {
  return l10n.t('Not allowed in Kinesis Data Streams resource-based policies.');
}

/** The principal types inside `Principal` / `NotPrincipal`. */
export function completePrincipalTypes(request: CompletionRequest): CompletionItem[] {
  const element = request.location.statement?.principal ?? request.location.statement?.notPrincipal;
  const current = request.cursor.string?.node;
  const present = new Set((element?.entries ?? []).filter((e) => e.type.node !== current).map((e) => e.type.value));
  return principalTypes().filter((p) => !present.has(p.type)).map((p, i) => {
    const disallowed = DISALLOWED_PRINCIPAL_TYPES.includes(p.type);
    return propertyItem(request, p.type, p.value, {
      kind: CompletionItemKind.EnumMember,
      detail: disallowed ? l10n.t('Not for Kinesis resource policies') : undefined,
      documentation: disallowed ? `${p.documentation}\n\n${kinesisNote()}` : p.documentation,
      sortText: String(i),
    });
  });
}

/** Values of `"AWS": ...`: an account, its root, a role or a user. */
export function completeAwsPrincipals(request: CompletionRequest): CompletionItem[] {
  const templates: [string, string, string][] = [
    ['${AccountId}', '${1:AccountId}', l10n.t('An AWS account id (12 digits): the whole account.')],
    ['arn:aws:iam::${AccountId}:root', 'arn:aws:iam::${1:AccountId}:root', l10n.t('The whole account, as an ARN.')],
    ['arn:aws:iam::${AccountId}:role/${RoleName}', 'arn:aws:iam::${1:AccountId}:role/${2:RoleName}', l10n.t('An IAM role.')],
    ['arn:aws:iam::${AccountId}:user/${UserName}', 'arn:aws:iam::${1:AccountId}:user/${2:UserName}', l10n.t('An IAM user.')],
  ];
  return templates.map(([label, snippet, documentation], i) =>
    stringValueItem(request, label, snippet, {
      kind: CompletionItemKind.Reference,
      documentation,
      sortText: String(i),
      snippet: true,
    }),
  );
}

/** The value of `Principal` itself: `"*"` (everyone), or a typed principal object. */
export function completePrincipalValue(request: CompletionRequest): CompletionItem[] {
  const everyone = stringValueItem(request, '*', '*', {
    kind: CompletionItemKind.Constant,
    detail: l10n.t('Everyone'),
    documentation: sentences(l10n.t('Anyone, including anonymous users.'), kinesisNote()),
    sortText: '1',
  });
  if (request.cursor.string) return [everyone];
  const object: CompletionItem = {
    label: '{ "AWS": ... }',
    kind: CompletionItemKind.Struct,
    data: itemData(l10n.t('Accounts, IAM users or IAM roles.')),
    sortText: '0',
    textEdit: { range: replaceRange(request), newText: '{\n\t"AWS": "$1"\n}' },
    insertTextFormat: InsertTextFormat.Snippet,
  };
  return [object, everyone];
}
