import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from './catalog/iamCatalog';
import { doComplete, resolveCompletionItem } from './completion';
import { doHover } from './hover';
import { createValidationMemory, validatePolicy, validationSteps, type ValidationOptions, type ValidationResult } from './diagnostics/engine/validate';
import { getCodeActions, resolveCodeAction, resolveCodeActionSteps, type CodeActionOptions } from './codeActions';
import { ArnDefaultsMemory } from './policy/arnDefaults';
import { parsePolicy } from './policy/parsePolicy';
import { parsePolicySteps } from './policy/parseSteps';
import type { PolicyModel } from './policy/policyModel';
import { updatePolicy } from './policy/updatePolicy';
import { textOf } from './text/documentText';
import { jsonTemplateSteps, yamlTemplate, yamlTemplateSteps, type TemplateDocument } from './hosts/templateHost';
import { templateCompletion, templateDiagnostics, templateDiagnosticsSteps } from './hosts/hostedFeatures';
import { templateHover } from './hosts/hostedHover';
import { templateCodeActions } from './hosts/hostedActions';
import { resolveTemplateCodeAction } from './hosts/templateFixAll';
import { terraformTemplate, terraformTemplateSteps } from './hosts/terraform/terraformHost';
import { finish, type Steps } from './steps';
import type { Parser } from 'web-tree-sitter';
import type { Range } from 'vscode-languageserver-types';

export interface LanguageServiceOptions {
  catalog: IamCatalog;
  /**
   * A tree-sitter parser set to the Terraform dialect of HCL, for `.tf` files, once it is loaded
   * (loading its WebAssembly is the caller's: see `server/src/hcl.ts`). Without one, Terraform is
   * not read.
   */
  hcl?: () => Parser | undefined;
}

/** Whether a document is a Terraform configuration: by its language, or its name where no extension gave it one. */
export function isTerraform(document: TextDocument): boolean {
  return document.languageId === 'terraform' || document.languageId === 'hcl' || /\.tf$/i.test(document.uri);
}

/** Code action options as callers give them: the catalog and memory are the service's own. */
export type CallerCodeActionOptions = Omit<CodeActionOptions, 'catalog' | 'memory'>;

/**
 * The Kinesis policy language service: pure functions over a document and its parsed policy.
 * It knows nothing of LSP connections or editors; the server, the CLI and tests all use it.
 */
export interface PolicyLanguageService {
  readonly catalog: IamCatalog;
  parsePolicy(document: TextDocument): PolicyModel;
  /** The same in steps (a large policy is parsed a few hundred statements at a time), for callers that pause between them. */
  parsePolicySteps(document: TextDocument): Generator<void, PolicyModel, void>;
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
  getCodeActions(document: TextDocument, policy: PolicyModel, diagnostics: readonly Diagnostic[], options: CallerCodeActionOptions): CodeAction[];
  resolveCodeAction(document: TextDocument, policy: PolicyModel, action: CodeAction, options: CallerCodeActionOptions): CodeAction;
  /** The same in small steps, for a caller that answers other requests between them (fix-all on a large document). */
  resolveCodeActionSteps(document: TextDocument, policy: PolicyModel, action: CodeAction, options: CallerCodeActionOptions): Generator<void, CodeAction, void>;
  /**
   * The CloudFormation or SAM template a document is, with its policies, or undefined for any other
   * document. A YAML document is read as YAML; any other as JSON, from `policy` if it was parsed
   * already (a policy file is no template).
   */
  parseTemplate(document: TextDocument, policy?: PolicyModel): TemplateDocument | undefined;
  /**
   * `parseTemplate` in steps, for a caller that pauses between them (a 1 MB template takes a
   * second or two to read). A caller that stops before the end must `return()` the steps.
   */
  parseTemplateSteps(document: TextDocument, policy?: PolicyModel): Steps<TemplateDocument | undefined>;
  /**
   * A YAML template's or a Terraform file's next version made from `previous`, the template of an
   * earlier one: the resources (in Terraform, the top-level items) whose text is unchanged are
   * kept, moved. `previous` must not be read again. Undefined where that cannot be done (parse the
   * document then).
   */
  updateTemplate(previous: TemplateDocument, document: TextDocument): TemplateDocument | undefined;
  /** The features on a template's policies, with ranges and edits in the template (see `hosts/`). */
  templateDiagnostics(document: TextDocument, template: TemplateDocument, options: ValidationOptions): Diagnostic[];
  /** `templateDiagnostics` in steps: its policies read, then checked, a few at a time. */
  templateDiagnosticsSteps(document: TextDocument, template: TemplateDocument, options: ValidationOptions): Steps<Diagnostic[]>;
  templateCompletion(document: TextDocument, position: Position, template: TemplateDocument): CompletionList | null;
  templateHover(document: TextDocument, position: Position, template: TemplateDocument): Hover | null;
  /**
   * Each has its edit, in the template's syntax, but a fix-all, which fixes every policy of the
   * template and is resolved when picked (`resolveTemplateCodeAction`).
   */
  templateCodeActions(document: TextDocument, template: TemplateDocument, range: Range, diagnostics: readonly Diagnostic[], options: CallerCodeActionOptions): CodeAction[];
  resolveTemplateCodeAction(document: TextDocument, template: TemplateDocument, action: CodeAction, options: CallerCodeActionOptions): CodeAction;
}

export function createLanguageService({ catalog, hcl }: LanguageServiceOptions): PolicyLanguageService {
  // What this service remembers of the models it has seen, kept weakly with them and shared with
  // no other service: each statement's resolved entries, findings and size, each model's ARN defaults.
  const memory = createValidationMemory();
  const arnDefaults = new ArnDefaultsMemory();
  const service: PolicyLanguageService = {
    catalog,
    parsePolicy: (document) => parsePolicy(textOf(document)),
    parsePolicySteps: (document) => parsePolicySteps(textOf(document)),
    updatePolicy: (previous, document) => updatePolicy(previous, textOf(document)),
    doComplete: (document, position, policy) => doComplete(document, position, policy, catalog, arnDefaults),
    resolveCompletionItem: (item) => resolveCompletionItem(item, catalog),
    doHover: (document, position, policy) => doHover(document, position, policy, catalog),
    doValidation: (document, policy, options) => validatePolicy(document, policy, catalog, memory, options).diagnostics,
    validationSteps: (document, policy, options) => validationSteps(document, policy, catalog, memory, options),
    getCodeActions: (document, policy, diagnostics, options) => getCodeActions(document, policy, diagnostics, { ...options, catalog, memory }),
    resolveCodeAction: (document, policy, action, options) => resolveCodeAction(document, policy, action, { ...options, catalog, memory }),
    resolveCodeActionSteps: (document, policy, action, options) => resolveCodeActionSteps(document, policy, action, { ...options, catalog, memory }),
    parseTemplate: (document, policy) => finish(service.parseTemplateSteps(document, policy)),
    *parseTemplateSteps(document, policy) {
      if (document.languageId === 'yaml') return yield* yamlTemplateSteps(document);
      if (isTerraform(document)) {
        const parser = hcl?.();
        return parser ? yield* terraformTemplateSteps(document, parser) : undefined;
      }
      const model = policy ?? parsePolicy(document.getText());
      return model.isPolicy ? undefined : yield* jsonTemplateSteps(document, model.root);
    },
    updateTemplate: (previous, document) => {
      if (document.languageId === 'yaml' && previous.format === 'yaml') return yamlTemplate(document, previous);
      const parser = previous.format === 'hcl' && isTerraform(document) ? hcl?.() : undefined;
      return parser ? terraformTemplate(document, parser, previous) : undefined;
    },
    templateDiagnostics: (document, template, options) => templateDiagnostics(service, document, template, options),
    templateDiagnosticsSteps: (document, template, options) => templateDiagnosticsSteps(service, document, template, options),
    templateCompletion: (document, position, template) => templateCompletion(service, document, template, position),
    templateHover: (document, position, template) => templateHover(service, document, template, position),
    templateCodeActions: (document, template, range, diagnostics, options) => templateCodeActions(service, document, template, range, diagnostics, options),
    resolveTemplateCodeAction: (document, template, action, options) => resolveTemplateCodeAction(service, document, template, action, options),
  };
  return service;
}
