import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from './catalog/iamCatalog';
import { doComplete, resolveCompletionItem } from './completion';
import { doHover } from './hover';
import { validatePolicy, validationSteps, type ValidationOptions, type ValidationResult } from './diagnostics/engine/validate';
import { getCodeActions, resolveCodeAction, type CodeActionOptions } from './codeActions';
import { parsePolicy } from './policy/parsePolicy';
import type { PolicyModel } from './policy/policyModel';
import { updatePolicy } from './policy/updatePolicy';

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
  /**
   * The model of the document's text made from `previous`, the model of an earlier version, when
   * the change lies inside one statement: the same model `parsePolicy` gives, for the price of
   * parsing that statement. Undefined otherwise (parse the document then). On success the new
   * model takes over `previous`, which must not be read again.
   */
  updatePolicy(previous: PolicyModel, document: TextDocument): PolicyModel | undefined;
  doComplete(document: TextDocument, position: Position, policy: PolicyModel): CompletionList | null;
  /** A completion item with its documentation, which `doComplete` leaves out until an item is focused. */
  resolveCompletionItem(item: CompletionItem): CompletionItem;
  doHover(document: TextDocument, position: Position, policy: PolicyModel): Hover | null;
  doValidation(document: TextDocument, policy: PolicyModel, options: ValidationOptions): Diagnostic[];
  /** Validation in steps (a few statements, or one whole-policy rule), for callers that pause or stop between them. */
  validationSteps(document: TextDocument, policy: PolicyModel, options: ValidationOptions): Generator<void, ValidationResult, void>;
  /** Quick fixes, insertions and fix-all for the diagnostics in a range; resolve them for their edits. */
  getCodeActions(document: TextDocument, policy: PolicyModel, diagnostics: readonly Diagnostic[], options: Omit<CodeActionOptions, 'catalog'>): CodeAction[];
  resolveCodeAction(document: TextDocument, policy: PolicyModel, action: CodeAction, options: Omit<CodeActionOptions, 'catalog'>): CodeAction;
}

export function createLanguageService({ catalog }: LanguageServiceOptions): PolicyLanguageService {
  return {
    catalog,
    parsePolicy: (document) => parsePolicy(document.getText()),
    updatePolicy: (previous, document) => updatePolicy(previous, document.getText()),
    doComplete: (document, position, policy) => doComplete(document, position, policy, catalog),
    resolveCompletionItem: (item) => resolveCompletionItem(item, catalog),
    doHover: (document, position, policy) => doHover(document, position, policy, catalog),
    doValidation: (document, policy, options) => validatePolicy(document, policy, catalog, options).diagnostics,
    validationSteps: (document, policy, options) => validationSteps(document, policy, catalog, options),
    getCodeActions: (document, policy, diagnostics, options) => getCodeActions(document, policy, diagnostics, { ...options, catalog }),
    resolveCodeAction: (document, policy, action, options) => resolveCodeAction(document, policy, action, { ...options, catalog }),
  };
}
