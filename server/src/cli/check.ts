import { printParseErrorCode } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { DEFAULT_FILE_KINDS, type PolicyKindSetting } from '../../../common/src/choices';
import { pathMatcher, type PathMatcher } from '../filePatterns';
import { DEFAULT_SETTINGS, type PolicyLanguageService } from '../service';
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
  isPolicy: boolean;
  problems: Problem[];
}

export const SYNTAX_ERROR_CODE = 'json/syntax-error';
const SEVERITY_NAMES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** Checks one file's text with the same engine as the editor, plus its JSON syntax errors. */
export function checkText(
  service: PolicyLanguageService,
  file: string,
  text: string,
  options: CheckOptions,
  rulesDocumentation: string,
): FileResult {
  const document = TextDocument.create(`file:///${file}`, 'json', 1, text);
  const model = service.parsePolicy(document);
  if (!model.isPolicy) return { file, isPolicy: false, problems: [] };
  const syntax: Problem[] = model.syntaxErrors.map((e) => ({
    file,
    range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
    severity: 'error',
    code: SYNTAX_ERROR_CODE,
    message: `JSON syntax error: ${words(printParseErrorCode(e.error))}.`,
  }));
  const settings = { ...DEFAULT_SETTINGS, policyKind: kindOf(file, options.kind), kclVersion: options.kclVersion, rules: options.rules };
  const diagnostics = service.doValidation(document, model, { settings, rulesDocumentation });
  const problems = diagnostics
    .filter((d) => d.severity !== 4) // hints are for the editor, not for CI
    .map((d) => ({
      file,
      range: d.range,
      severity: SEVERITY_NAMES[d.severity ?? 1],
      code: String(d.code),
      message: typeof d.message === 'string' ? d.message : d.message.value,
    }));
  const byPosition = (a: Problem, b: Problem) =>
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  return { file, isPolicy: true, problems: [...syntax, ...problems].sort(byPosition) };
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
