import type { CompletionList, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../catalog/iamCatalog';
import type { ArnDefaultsMemory } from '../policy/arnDefaults';
import { cursorContext } from '../policy/cursor';
import type { PolicyModel } from '../policy/policyModel';
import { completeActions } from './actionCompletion';
import { completeConditionKeys, completeConditionOperators, completeConditionValues } from './conditionCompletion';
import type { CompletionRequest } from './completionRequest';
import { completeEffect, completeKeys, completeVersion } from './keyCompletion';
import { completeAwsPrincipals, completePrincipalTypes, completePrincipalValue } from './principalCompletion';
import { completeResources } from './resourceCompletion';

export { resolveCompletionItem } from './documentation';

/** Completion at a position of a policy document; null where the policy offers nothing. */
export function doComplete(
  document: TextDocument,
  position: Position,
  model: PolicyModel,
  catalog: IamCatalog,
  arnDefaults: ArnDefaultsMemory,
): CompletionList | null {
  if (!model.isPolicy) return null;
  const cursor = cursorContext(model, document.offsetAt(position));
  if (!cursor) return null;
  const request: CompletionRequest = { document, model, catalog, cursor, location: cursor.location, arnDefaults };
  const items = cursor.kind === 'key' ? completeKey(request) : completeValue(request);
  return items.length > 0 ? { isIncomplete: false, items } : null;
}

function completeKey(request: CompletionRequest) {
  const { statement, rest } = request.location;
  if (rest.length === 0 && (statement || request.cursor.path.length === 0)) return completeKeys(request);
  if (!statement) return [];
  if (rest.length === 1 && rest[0] === 'Condition') return completeConditionOperators(request);
  if (rest.length === 2 && rest[0] === 'Condition') return completeConditionKeys(request);
  if (rest.length === 1 && (rest[0] === 'Principal' || rest[0] === 'NotPrincipal')) return completePrincipalTypes(request);
  return [];
}

function completeValue(request: CompletionRequest) {
  const { statement, rest } = request.location;
  if (!statement) return request.cursor.path.length === 1 && rest[0] === 'Version' ? completeVersion(request) : [];
  const [element, inner] = rest;
  const isListValue = rest.length === 1 || (rest.length === 2 && typeof inner === 'number');
  switch (element) {
    case 'Effect':
      return rest.length === 1 ? completeEffect(request) : [];
    case 'Action':
    case 'NotAction':
      return isListValue ? completeActions(request) : [];
    case 'Resource':
    case 'NotResource':
      return isListValue ? completeResources(request) : [];
    case 'Principal':
    case 'NotPrincipal':
      if (rest.length === 1) return completePrincipalValue(request);
      return inner === 'AWS' && (rest.length === 2 || (rest.length === 3 && typeof rest[2] === 'number'))
        ? completeAwsPrincipals(request)
        : [];
    case 'Condition': {
      const [, operator, key, index] = rest;
      const atValue = rest.length === 3 || (rest.length === 4 && typeof index === 'number');
      return atValue && typeof operator === 'string' && typeof key === 'string' ? completeConditionValues(request, operator, key) : [];
    }
    default:
      return [];
  }
}
