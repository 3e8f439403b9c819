import * as l10n from '@vscode/l10n';
import { printParseErrorCode } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DEFAULT_FILE_KINDS, type PolicyKindSetting } from '../../../common/src/choices';
import { pathMatcher, type PathMatcher } from '../filePatterns';
import { DEFAULT_SETTINGS, parseYaml, type PolicyLanguageService } from '../service';

import type { CheckOptions } from './args';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Problem {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
}

export interface FileResult {
  file: string;
  /** How many policies the file holds: one for a policy file, each one a template holds. */
  policies: number;
  problems: Problem[];
}

export const SYNTAX_ERROR_CODE = 'json/syntax-error';
export const YAML_SYNTAX_ERROR_CODE = 'yaml/syntax-error';
export const HCL_SYNTAX_ERROR_CODE = 'hcl/syntax-error';
const SEVERITY_NAMES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/**
 * Checks one file's text with the same engine as the editor: a policy file (with its JSON syntax
 * errors), or the policies of a CloudFormation or SAM template in JSON or YAML, or of a Terraform file.
 */
export function checkText(
  service: PolicyLanguageService,
  file: string,
  text: string,
  options: CheckOptions,
  rulesDocumentation: string,
  /** The kind a Terraform file's use gives the file (`file("share.json")`), where the options leave it open. */
  usedAs?: Exclude<PolicyKindSetting, 'auto'>,
): FileResult {
  const document = TextDocument.create(`file:///${file}`, /\.tf$/i.test(file) ? 'terraform' : isYamlFile(file, text) ? 'yaml' : 'json', 1, text);
  const kind = kindOf(file, options.kind);
  const settings = { ...DEFAULT_SETTINGS, policyKind: kind === 'auto' && usedAs ? usedAs : kind, kclVersion: options.kclVersion, rules: options.rules };
  const model = document.languageId === 'yaml' || document.languageId === 'terraform' ? undefined : service.parsePolicy(document);
  if (!model?.isPolicy) {
    const template = service.parseTemplate(document, model);
    if (!template) return { file, policies: 0, problems: [] };
    const diagnostics = service.templateDiagnostics(document, template, { settings, rulesDocumentation });
    const syntax = !template.broken ? [] : template.syntaxErrors ? hclSyntaxErrors(file, document, template.syntaxErrors) : yamlSyntaxErrors(file, document);
    return { file, policies: template.policies.length, problems: sorted([...syntax, ...problemsOf(file, diagnostics)]) };
  }
  const syntax: Problem[] = model.syntaxErrors.map((e) => ({
    file,
    range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
    severity: 'error',
    code: SYNTAX_ERROR_CODE,
    message: l10n.t('JSON syntax error: {0}.', parseError(words(printParseErrorCode(e.error)))),
  }));
  const diagnostics = service.doValidation(document, model, { settings, rulesDocumentation });
  return { file, policies: 1, problems: sorted([...syntax, ...problemsOf(file, diagnostics)]) };
}

/**
 * A broken template's YAML errors: its policies near them are not checked until they are mended,
 * so CI must not pass it silently.
 */
function yamlSyntaxErrors(file: string, document: TextDocument): Problem[] {
  return parseYaml(document.getText(), { uniqueKeys: false, logLevel: 'silent' }).errors.map((e) => ({
    file,
    range: { start: document.positionAt(e.pos[0]), end: document.positionAt(Math.max(e.pos[1], e.pos[0])) },
    severity: 'error',
    code: YAML_SYNTAX_ERROR_CODE,
    message: l10n.t('YAML syntax error: {0}.', e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')),
  }));
}

/** A Terraform file's syntax errors: as a broken template's, its policies near them wait to be mended. */
function hclSyntaxErrors(file: string, document: TextDocument, errors: readonly { start: number; end: number }[]): Problem[] {
  return errors.map((e) => ({
    file,
    range: { start: document.positionAt(e.start), end: document.positionAt(e.end) },
    severity: 'error',
    code: HCL_SYNTAX_ERROR_CODE,
    message:
      e.end > e.start
        ? l10n.t('HCL syntax error: unexpected "{0}".', document.getText().slice(e.start, Math.min(e.end, e.start + 40)).split('\n')[0])
        : l10n.t('HCL syntax error: something is missing here.'),
  }));
}

/** YAML by its name; a `.template` file is YAML unless it starts as JSON does. */
function isYamlFile(file: string, text: string): boolean {
  return /\.ya?ml$/i.test(file) || (/\.template$/i.test(file) && !text.trimStart().startsWith('{'));
}

function problemsOf(file: string, diagnostics: readonly Diagnostic[]): Problem[] {
  return diagnostics
    .filter((d) => d.severity !== 4) // hints are for the editor, not for CI
    .map((d) => ({
      file,
      range: d.range,
      severity: SEVERITY_NAMES[d.severity ?? 1],
      code: String(d.code),
      message: typeof d.message === 'string' ? d.message : d.message.value,
    }));
}

function sorted(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const FILE_KINDS: readonly [PathMatcher, PolicyKindSetting][] = [
  [pathMatcher(DEFAULT_FILE_KINDS.vpcEndpointPolicies), 'vpc-endpoint'],
  [pathMatcher(DEFAULT_FILE_KINDS.resourcePolicies), 'resource'],
];

/** The kind `--kind` asks for, or with `auto` the one the file's name says, as in the editor by default. */
function kindOf(file: string, kind: PolicyKindSetting): PolicyKindSetting {
  if (kind !== 'auto') return kind;
  const path = `/${file.replace(/\\/g, '/')}`;
  return FILE_KINDS.find(([matches]) => matches(path))?.[1] ?? 'auto';
}

/** `CommaExpected` as `comma expected`. */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** What the JSON parser found wrong (`comma expected`), in the display language. */
function parseError(english: string): string {
  switch (english) {
    case 'invalid symbol':
      return l10n.t('invalid symbol');
    case 'invalid number format':
      return l10n.t('invalid number format');
    case 'property name expected':
      return l10n.t('property name expected');
    case 'value expected':
      return l10n.t('value expected');
    case 'colon expected':
      return l10n.t('colon expected');
    case 'comma expected':
      return l10n.t('comma expected');
    case 'close brace expected':
      return l10n.t('close brace expected');
    case 'close bracket expected':
      return l10n.t('close bracket expected');
    case 'end of file expected':
      return l10n.t('end of file expected');
    case 'invalid comment token':
      return l10n.t('invalid comment token');
    case 'unexpected end of comment':
      return l10n.t('unexpected end of comment');
    case 'unexpected end of string':
      return l10n.t('unexpected end of string');
    case 'unexpected end of number':
      return l10n.t('unexpected end of number');
    case 'invalid unicode':
      return l10n.t('invalid unicode');
    case 'invalid escape character':
      return l10n.t('invalid escape character');
    case 'invalid character':
      return l10n.t('invalid character');
    default:
      return english;
  }
}
