import { RULES } from '../service';
import type { FileResult, Problem } from './check';
import { SYNTAX_ERROR_CODE } from './check';

/** `file:line:col severity code message`, one a line, like a compiler, and a summary. */
export function formatText(results: FileResult[]): string {
  const problems = results.flatMap((r) => r.problems);
  const lines = problems.map((p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${p.message}`);
  const count = (severity: string) => problems.filter((p) => p.severity === severity).length;
  const policies = results.filter((r) => r.isPolicy).length;
  const skipped = results.length - policies;
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

/** SARIF 2.1.0, for code-scanning services. */
export function formatSarif(results: FileResult[], version: string, rulesDocumentation: string): string {
  const rules = [
    ...RULES.map((r) => ({ id: r.code, level: SARIF_LEVELS[r.defaultSeverity], help: `${rulesDocumentation}#${r.code}` })),
    { id: SYNTAX_ERROR_CODE, level: 'error', help: undefined },
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kinesis-policy',
            version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.id },
              helpUri: r.help,
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
