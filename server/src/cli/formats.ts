import { RULES, TEMPLATE_CHECKS } from '../service';
import type { FileResult, Problem } from './check';
import { SYNTAX_ERROR_CODE, YAML_SYNTAX_ERROR_CODE, HCL_SYNTAX_ERROR_CODE } from './check';
import { githubAnchor, plainText, type RuleDoc } from './rulesDocs';

/** `file:line:col severity code message`, one a line, like a compiler, and a summary. */
export function formatText(results: FileResult[]): string {
  const problems = results.flatMap((r) => r.problems);
  const lines = problems.map((p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${p.message}`);
  const count = (severity: string) => problems.filter((p) => p.severity === severity).length;
  const policies = results.reduce((sum, r) => sum + r.policies, 0);
  const skipped = results.filter((r) => r.policies === 0).length;
  lines.push(
    `${plural(policies, 'policy', 'policies')} checked${skipped > 0 ? `, ${plural(skipped, 'file')} skipped (not IAM policies)` : ''}: ` +
      `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('information'), 'note')}.`,
  );
  return lines.join('\n') + '\n';
}

/** An array of `{file, range, severity, code, message}`; ranges are LSP's, zero-based. */
export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results.flatMap((r) => r.problems), null, 2) + '\n';
}

const SARIF_LEVELS: Record<Problem['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** What a SARIF log says of the tool and its rules. */
export interface SarifTool {
  version: string;
  /** The web page of docs/rules.md, e.g. on GitHub; without it the rules have no helpUri. */
  rulesDocumentationUrl: string | undefined;
  /** What docs/rules.md says of each rule, by code (see readRuleDocs). */
  ruleDocs: ReadonlyMap<string, RuleDoc>;
}

/** JSON syntax errors are found by the parser, not by a rule of docs/rules.md. */
const SYNTAX_ERROR_DOC = { summary: 'The policy is not valid JSON.', description: 'The policy is not valid JSON: IAM rejects a policy it cannot parse.' };
const YAML_SYNTAX_ERROR_DOC = {
  summary: 'The template is not valid YAML.',
  description: 'The template is not valid YAML: CloudFormation rejects it, and the policies near the error are not checked until it is mended.',
};

const HCL_SYNTAX_ERROR_DOC = {
  summary: 'The Terraform file is not valid HCL.',
  description: 'The Terraform file is not valid HCL: Terraform rejects it, and the policies near the error are not checked until it is mended.',
};

/** SARIF 2.1.0, for code-scanning services. */
export function formatSarif(results: FileResult[], tool: SarifTool): string {
  const rules = [
    ...[...RULES, ...TEMPLATE_CHECKS].map((r) => {
      const doc = tool.ruleDocs.get(r.code) ?? { summary: r.code, description: r.code, anchor: githubAnchor(`\`${r.code}\``) };
      const helpUri = tool.rulesDocumentationUrl === undefined ? undefined : `${tool.rulesDocumentationUrl}#${doc.anchor}`;
      return { id: r.code, level: SARIF_LEVELS[r.defaultSeverity], doc, helpUri };
    }),
    { id: SYNTAX_ERROR_CODE, level: 'error', doc: SYNTAX_ERROR_DOC, helpUri: undefined },
    { id: YAML_SYNTAX_ERROR_CODE, level: 'error', doc: YAML_SYNTAX_ERROR_DOC, helpUri: undefined },
    { id: HCL_SYNTAX_ERROR_CODE, level: 'error', doc: HCL_SYNTAX_ERROR_DOC, helpUri: undefined },
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kinesis-policy',
            version: tool.version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: plainText(r.doc.summary), markdown: r.doc.summary },
              fullDescription: { text: plainText(r.doc.description), markdown: r.doc.description },
              helpUri: r.helpUri,
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.problems.map((p) => ({
            ruleId: p.code,
            ruleIndex: rules.findIndex((rule) => rule.id === p.code),
            level: SARIF_LEVELS[p.severity],
            message: { text: p.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: p.file.split('\\').join('/') },
                  region: {
                    startLine: p.range.start.line + 1,
                    startColumn: p.range.start.character + 1,
                    endLine: p.range.end.line + 1,
                    endColumn: p.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
