import { DIAGNOSTIC_SOURCE } from '../../../../../common/src/commands';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../catalog/iamCatalog';
import { readStatements, type PolicyModel } from '../../policy/policyModel';
import { KeptFindings, type KeptEntries, type RuleRun } from './keptFindings';
import { diagnosticStyle, type DiagnosticStyles } from './diagnosticStyle';
import { couldBeEndpointPolicy, decidePolicyKind, type PolicyKind } from './policyKind';
import type { PolicyRule, StatementRule } from './rule';
import { RuleContext, type StatementMemory } from './ruleContext';
import { RULES } from '../rules';
import type { DiagnosticSettings } from './settings';
import { currentLanguage } from '../../l10n';
import { finish } from '../../steps';
import { Interned } from '../../interned';
import { settingsSignature } from './signature';

export { DIAGNOSTIC_SOURCE };

/**
 * What a check needs of the document: its text, and the line and character of an offset (where
 * its findings are placed). Fix-all, which never shows its findings, places them at offsets.
 */
export type CheckedText = Pick<TextDocument, 'getText' | 'positionAt'>;

export interface ValidationOptions {
  settings: DiagnosticSettings;
  /** Where docs/rules.md is: each diagnostic links to `${rulesDocumentation}#${code}`. */
  rulesDocumentation: string;
  /**
   * Another model's check to take statements' findings from where this model has a statement of
   * the same text and of a policy of the same kind (see `KeptSource`): its settings must run every
   * rule these do.
   */
  keptFrom?: { model: PolicyModel; memory: ValidationMemory; settings: DiagnosticSettings };
  /**
   * The model is checked once, never again (a template's policy, whose diagnostics are kept with
   * it): what is worked out of its statements lives only as long as the check.
   */
  once?: boolean;
}

/**
 * What validation remembers from one run to the next, weakly keyed by the statement models it was
 * worked out from. Each language service makes its own (see `createLanguageService`): two
 * services never share it.
 */
export interface ValidationMemory {
  statements: StatementMemory;
  kept: KeptEntries;
  /**
   * The signatures of the settings checked with lately (`settingsSignature`), each one string:
   * every statement's kept findings hold it.
   */
  signatures: Interned;
  /** Findings' messages, one copy of each: a rule says the same sentence of many statements. */
  messages: Interned;
  /** How each rule's findings become diagnostics, under each of the settings checked with. */
  styles: DiagnosticStyles;
}

/** More settings than a window of templates and policies is checked with. */
const SIGNATURES_KEPT = 64;
/** More different messages than the policies of a window say. */
const MESSAGES_KEPT = 4096;

export function createValidationMemory(): ValidationMemory {
  return {
    statements: { actions: new WeakMap(), resources: new WeakMap(), sizes: new WeakMap(), compiled: new WeakMap(), derived: new WeakMap() },
    kept: new WeakMap(),
    signatures: new Interned(SIGNATURES_KEPT),
    messages: new Interned(MESSAGES_KEPT),
    styles: new Map(),
  };
}

export interface ValidationResult {
  /** How the policy was read; undefined for a document that is not a policy, or with checks off. */
  kind: PolicyKind | undefined;
  /** Read as a Kinesis resource policy from its content, it could as well be a VPC endpoint policy. */
  mayBeEndpointPolicy?: boolean;
  diagnostics: Diagnostic[];
}

/** The settings with every rule but those `keep` names turned off: a check that looks for some findings alone. */
export function onlyRules(settings: DiagnosticSettings, keep: (code: string) => boolean): DiagnosticSettings {
  const off = Object.fromEntries(RULES.filter((r) => !keep(r.code)).map((r) => [r.code, 'off' as const]));
  return { ...settings, rules: { ...settings.rules, ...off } };
}

/** Runs every rule that applies to the policy's kind, with the user's severities. */
export function validatePolicy(
  document: CheckedText,
  model: PolicyModel,
  catalog: IamCatalog,
  memory: ValidationMemory,
  options: ValidationOptions,
): ValidationResult {
  return finish(validationSteps(document, model, catalog, memory, options));
}

/**
 * The same validation in steps (a few statements, or one rule over the whole policy): the caller
 * may pause between steps (to answer other requests while a large document is checked) or stop
 * when the document has changed.
 */
export function* validationSteps(
  document: CheckedText,
  model: PolicyModel,
  catalog: IamCatalog,
  memory: ValidationMemory,
  options: ValidationOptions,
): Generator<void, ValidationResult, void> {
  const { settings } = options;
  if (!model.isPolicy || !settings.enable) return { kind: undefined, diagnostics: [] };
  yield* readStatements(model);
  // Where each line starts, read once for the whole text when a diagnostic is first placed: a step of its own.
  document.positionAt(model.source.length);
  yield;
  const kind = decidePolicyKind(model, settings.policyKind);
  // Kept in tables of the check's own for a model checked once: in the service's, weakly keyed by
  // statements, V8's young-generation collections keep what a statement's entries point back to,
  // and a 1 MB template's first check left its policies' models for the next full collection.
  const within = options.once ? onceMemory(memory) : memory;
  const context = new RuleContext(model, catalog, settings, kind, within.statements);
  // Kept findings hold their messages' text: in another display language they are made anew.
  const signatureWith = (checked: DiagnosticSettings, within: ValidationMemory) =>
    within.signatures.of(settingsSignature(checked, kind, options.rulesDocumentation, currentLanguage()));
  const signature = signatureWith(settings, memory);
  const from = options.keptFrom;
  const source =
    from && decidePolicyKind(from.model, from.settings.policyKind) === kind
      ? { model: from.model, entries: from.memory.kept, signature: signatureWith(from.settings, from.memory) }
      : undefined;
  const kept = new KeptFindings(within, document, context, signature, source);
  // What each rule found, by its place in RULES; the statement rules run first, statement by statement.
  const found: Diagnostic[][] = RULES.map(() => []);
  const statementRuns: RuleRun<StatementRule>[] = [];
  const policyRuns: RuleRun[] = [];
  const hedged = kind === 'kinesis-resource' && couldBeEndpointPolicy(model, settings.policyKind);
  RULES.forEach((rule, index) => {
    if (!applies(rule, settings, kind)) return;
    const kinesisOnly = rule.kinds.length === 1 && rule.kinds[0] === 'kinesis-resource';
    const style = diagnosticStyle(memory.styles, rule, index, settings.rules[rule.code], options.rulesDocumentation, hedged && kinesisOnly, memory.messages);
    if (hasCheckStatement(rule)) statementRuns.push({ rule, index, style });
    if (!hasCheckStatement(rule) || rule.checkOutside) policyRuns.push({ rule, index, style });
  });
  yield* kept.collect(statementRuns, found);
  // The policy's size, for the rules that read it, measured statement by statement beforehand.
  if (policyRuns.some((run) => run.rule.readsSize)) yield* context.measureSteps();
  for (const { rule, index, style } of policyRuns) {
    const findings = hasCheckStatement(rule) ? (rule.checkOutside?.(context) ?? []) : rule.check(context);
    for (const finding of findings) found[index].push(style.make(document, finding, 0));
    // A statement rule's findings outside the statements join those inside them in document order.
    if (hasCheckStatement(rule) && findings.length > 0) found[index].sort(byStart);
    yield;
  }
  const diagnostics: Diagnostic[] = [];
  for (let r = 0; r < found.length; r++) for (let d = 0, list = found[r]; d < list.length; d++) diagnostics.push(list[d]);
  return { kind, mayBeEndpointPolicy: hedged, diagnostics };
}

function byStart(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The memory for one check of a model checked once: its own tables for statements, the service's interned strings. */
function onceMemory(memory: ValidationMemory): ValidationMemory {
  return {
    ...memory,
    statements: { actions: new Map(), resources: new Map(), sizes: new Map(), compiled: new Map(), derived: new Map() },
    kept: new Map(),
  };
}

/** Whether a check with these settings runs the rule on a policy of this kind. */
export function applies(rule: PolicyRule, settings: DiagnosticSettings, kind: PolicyKind): boolean {
  return settings.rules[rule.code] !== 'off' && rule.kinds.includes(kind);
}

export function hasCheckStatement(rule: PolicyRule): rule is StatementRule {
  return rule.checkStatement !== undefined;
}
