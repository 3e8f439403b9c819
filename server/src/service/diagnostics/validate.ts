import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../catalog/iamCatalog';
import type { PolicyModel } from '../policy/policyModel';
import { KeptFindings, type DiagnosticMaker } from './keptFindings';
import { decidePolicyKind } from './policyKind';
import type { PolicyKind, PolicyRule, RuleSeverity } from './rule';
import { RuleContext } from './ruleContext';
import { RULES } from './rules';
import type { DiagnosticSettings } from './settings';

export const DIAGNOSTIC_SOURCE = 'kinesis-policy';

const SEVERITIES: Readonly<Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface ValidationOptions {
  settings: DiagnosticSettings;
  /** Where docs/rules.md is: each diagnostic links to `${rulesDocumentation}#${code}`. */
  rulesDocumentation: string;
}

export interface ValidationResult {
  kind: PolicyKind | undefined;
  diagnostics: Diagnostic[];
}

/** Runs every rule that applies to the policy's kind, with the user's severities. */
export function validatePolicy(document: TextDocument, model: PolicyModel, catalog: IamCatalog, options: ValidationOptions): ValidationResult {
  const steps = validationSteps(document, model, catalog, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same validation, one rule at a time: the caller may pause between rules (to answer other
 * requests while a large document is checked) or stop when the document has changed.
 */
export function* validationSteps(
  document: TextDocument,
  model: PolicyModel,
  catalog: IamCatalog,
  options: ValidationOptions,
): Generator<void, ValidationResult, void> {
  const { settings } = options;
  if (!model.isPolicy || !settings.enable) return { kind: undefined, diagnostics: [] };
  const kind = decidePolicyKind(model, settings.policyKind);
  const context = new RuleContext(model, catalog, settings, kind);
  const kept = new KeptFindings(document, context, JSON.stringify([settings, kind, options.rulesDocumentation]));
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    const configured = settings.rules[rule.code];
    if (configured === 'off' || !rule.kinds.includes(kind)) continue;
    const { code } = rule;
    // One link object for all of the rule's diagnostics: nothing changes a published diagnostic.
    const codeDescription = { href: `${options.rulesDocumentation}#${code}` };
    const configuredSeverity = configured === undefined ? undefined : SEVERITIES[configured];
    const defaultSeverity = SEVERITIES[rule.defaultSeverity];
    const make: DiagnosticMaker = (finding, base) => ({
      range: { start: document.positionAt(base + finding.offset), end: document.positionAt(base + finding.offset + finding.length) },
      severity: configuredSeverity ?? (finding.severity === undefined ? defaultSeverity : SEVERITIES[finding.severity]),
      code,
      codeDescription,
      source: DIAGNOSTIC_SOURCE,
      message: finding.message,
      tags: finding.tags,
      data: finding.data,
    });
    if (hasCheckStatement(rule)) {
      for (const statement of model.statements) for (const diagnostic of kept.diagnostics(statement, rule, make)) diagnostics.push(diagnostic);
    } else {
      for (const finding of rule.check(context)) diagnostics.push(make(finding, 0));
    }
    yield;
  }
  return { kind, diagnostics };
}

function hasCheckStatement(rule: PolicyRule): rule is PolicyRule & Required<Pick<PolicyRule, 'checkStatement'>> {
  return rule.checkStatement !== undefined;
}
