import * as l10n from '@vscode/l10n';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { CORE_SERVICES } from '../catalog/iamCatalog';
import type { CompletionRequest } from './completionRequest';
import { RETRIGGER, escapeSnippet, stringValueItem } from './items';

/**
 * `Action` and `NotAction` values: service prefixes until a colon is typed, then the service's
 * actions, leaving out those the statement already lists.
 */
export function completeActions(request: CompletionRequest): CompletionItem[] {
  const typed = request.cursor.prefix;
  const colon = typed.indexOf(':');
  return colon < 0 ? servicePrefixItems(request) : actionItems(request, typed.slice(0, colon));
}

function servicePrefixItems(request: CompletionRequest): CompletionItem[] {
  return request.catalog.services().map((service) => {
    const core = (CORE_SERVICES as readonly string[]).indexOf(service.prefix);
    return stringValueItem(request, `${service.prefix}:`, `${escapeSnippet(service.prefix)}:$1`, {
      kind: CompletionItemKind.Module,
      detail: service.name,
      // The services a Kinesis policy needs come first among equally good matches.
      sortText: core >= 0 ? `0${core}` : `1${service.prefix}`,
      snippet: true,
      command: RETRIGGER,
    });
  });
}

function actionItems(request: CompletionRequest, prefix: string): CompletionItem[] {
  const service = request.catalog.service(prefix);
  if (!service) return [];
  const listed = listedActions(request);
  const items = service.actions
    .filter((action) => !listed.has(action.qualifiedName.toLowerCase()))
    .map((action) =>
      stringValueItem(request, action.qualifiedName, action.qualifiedName, {
        kind: CompletionItemKind.Function,
        detail: action.accessLevel,
        documentation: { action: action.qualifiedName },
        sortText: `0${action.name}`,
      }),
    );
  const all = `${service.prefix}:*`;
  if (!listed.has(all)) {
    items.push(
      stringValueItem(request, all, all, {
        kind: CompletionItemKind.Constant,
        detail: l10n.t('All {0} actions', service.actions.length),
        documentation: l10n.t('Every {0} action. Grant only what the workload needs where you can.', service.name),
        sortText: '1',
      }),
    );
  }
  return items;
}

/** The actions the statement lists already, other than the one being typed. */
function listedActions(request: CompletionRequest): Set<string> {
  const { statement } = request.location;
  const current = request.cursor.string?.node;
  const element = request.location.rest[0] === 'NotAction' ? statement?.notAction : statement?.action;
  return new Set((element?.values ?? []).filter((v) => v.node !== current).map((v) => v.value.toLowerCase()));
}
