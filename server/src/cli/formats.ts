import * as l10n from '@vscode/l10n';
import { RULES, TEMPLATE_CHECKS } from '../service';
import type { FileResult, Problem } from './check';
import { SYNTAX_ERROR_CODE, YAML_SYNTAX_ERROR_CODE, HCL_SYNTAX_ERROR_CODE } from './check';
import { githubAnchor, plainText, type RuleDoc } from './rulesDocs';

/** `file:line:col severity code message`, one a line, like a compiler, and a summary. */
export function formatText(results: FileResult[]): string {
  const problems = results.flatMap((r) => r.problems);
  // The severity is a word for people here (JSON and SARIF keep theirs); the shape stays a compiler's.
  const lines = problems.map((p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${severityWord(p.severity)} ${p.code} ${p.message}`);
  const count = (severity: string) => problems.filter((p) => p.severity === severity).length;
  const policies = results.reduce((sum, r) => sum + r.policies, 0);
  const skipped = results.filter((r) => r.policies === 0).length;
  const checked = policies === 1 ? l10n.t('{0} policy checked', policies) : l10n.t('{0} policies checked', policies);
  const errors = count('error') === 1 ? l10n.t('{0} error', 1) : l10n.t('{0} errors', count('error'));
  const warnings = count('warning') === 1 ? l10n.t('{0} warning', 1) : l10n.t('{0} warnings', count('warning'));
  const notes = count('information') === 1 ? l10n.t('{0} note', 1) : l10n.t('{0} notes', count('information'));
  if (skipped === 0) lines.push(l10n.t('{0}: {1}, {2}, {3}.', checked, errors, warnings, notes));
  else {
    const files = skipped === 1 ? l10n.t('{0} file skipped (not IAM policies)', skipped) : l10n.t('{0} files skipped (not IAM policies)', skipped);
    lines.push(l10n.t('{0}, {1}: {2}, {3}, {4}.', checked, files, errors, warnings, notes));
  }
  return lines.join('\n') + '\n';
}

/** A severity as the text output names it. */
function severityWord(severity: Problem['severity']): string {
  switch (severity) {
    case 'error':
      return l10n.t('error');
    case 'warning':
      return l10n.t('warning');
    case 'information':
      return l10n.t('information');
    case 'hint':
      return l10n.t('hint');
  }
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
function syntaxErrorDoc(): { summary: string; description: string } {
  return { summary: l10n.t('The policy is not valid JSON.'), description: l10n.t('The policy is not valid JSON: IAM rejects a policy it cannot parse.') };
}

function yamlSyntaxErrorDoc(): { summary: string; description: string } {
  return {
    summary: l10n.t('The template is not valid YAML.'),
    description: l10n.t('The template is not valid YAML: CloudFormation rejects it, and the policies near the error are not checked until it is mended.'),
  };
}

function hclSyntaxErrorDoc(): { summary: string; description: string } {
  return {
    summary: l10n.t('The Terraform file is not valid HCL.'),
    description: l10n.t('The Terraform file is not valid HCL: Terraform rejects it, and the policies near the error are not checked until it is mended.'),
  };
}

/** SARIF 2.1.0, for code-scanning services. */
export function formatSarif(results: FileResult[], tool: SarifTool): string {
  const rules = [
    ...[...RULES, ...TEMPLATE_CHECKS].map((r) => {
      const doc = tool.ruleDocs.get(r.code) ?? { summary: r.code, description: r.code, anchor: githubAnchor(`\`${r.code}\``) };
      const helpUri = tool.rulesDocumentationUrl === undefined ? undefined : `${tool.rulesDocumentationUrl}#${doc.anchor}`;
      return { id: r.code, level: SARIF_LEVELS[r.defaultSeverity], doc, helpUri };
    }),
    { id: SYNTAX_ERROR_CODE, level: 'error', doc: syntaxErrorDoc(), helpUri: undefined },
    { id: YAML_SYNTAX_ERROR_CODE, level: 'error', doc: yamlSyntaxErrorDoc(), helpUri: undefined },
    { id: HCL_SYNTAX_ERROR_CODE, level: 'error', doc: hclSyntaxErrorDoc(), helpUri: undefined },
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
