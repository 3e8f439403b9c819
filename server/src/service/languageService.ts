import type { CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from './catalog/iamCatalog';
import { doComplete } from './completion';
import { doHover } from './hover';
import { validatePolicy, type ValidationOptions } from './diagnostics/validate';
import { parsePolicy } from './policy/parsePolicy';
import type { PolicyModel } from './policy/policyModel';

export interface LanguageServiceOptions {
  catalog: IamCatalog;
}

/**
 * The Kinesis policy language service: pure functions over a document and its parsed policy.
 * It knows nothing of LSP connections or editors; the server, the CLI and tests all use it.
 */
export interface PolicyLanguageService {
  readonly catalog: IamCatalog;
  parsePolicy(document: TextDocument): PolicyModel;
  doComplete(document: TextDocument, position: Position, policy: PolicyModel): CompletionList | null;
  doHover(document: TextDocument, position: Position, policy: PolicyModel): Hover | null;
  doValidation(document: TextDocument, policy: PolicyModel, options: ValidationOptions): Diagnostic[];
}

export function createLanguageService({ catalog }: LanguageServiceOptions): PolicyLanguageService {
  return {
    catalog,
    parsePolicy: (document) => parsePolicy(document.getText()),
    doComplete: (document, position, policy) => doComplete(document, position, policy, catalog),
    doHover: (document, position, policy) => doHover(document, position, policy, catalog),
    doValidation: (document, policy, options) => validatePolicy(document, policy, catalog, options).diagnostics,
  };
}
