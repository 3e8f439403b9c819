import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { lineOf, parseAccessTestFile, runAccessTest, type AccessTestOutcome, type PolicyFile } from '../service/access';
import { PolicyFileError, formatAccessText, readPolicyFile, resultJson } from './access';
import type { AccessTestOptions } from './accessArgs';
import { collectFiles } from './files';

interface FileOutcome {
  file: string;
  text: string;
  outcomes: AccessTestOutcome[];
}

/** `kinesis-policy test`: runs every access test; 0 when all hold, 1 otherwise, 2 for a file that cannot be used. */
export function runAccessTests(options: AccessTestOptions, write: (text: string) => void, version: string): number {
  let paths: string[];
  try {
    paths = collectFiles(options.paths, ['.access.json']);
  } catch (error) {
    throw new PolicyFileError((error as Error).message);
  }
  if (paths.length === 0) throw new PolicyFileError(l10n.t('no *.access.json files in {0}', options.paths.join(', ')));
  const files = paths.map(runFile);
  const output = options.format === 'json' ? formatJson(files) : options.format === 'sarif' ? formatSarif(files, version) : formatText(files);
  write(output);
  return files.every((f) => f.outcomes.every((o) => o.passed)) ? 0 : 1;
}

function runFile(path: string): FileOutcome {
  const shown = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new PolicyFileError(l10n.t('cannot read {0}: {1}', shown, (error as Error).message));
  }
  const { file, problems } = parseAccessTestFile(text);
  if (!file || problems.length > 0) {
    const [first] = problems;
    throw new PolicyFileError(`${shown}:${lineOf(text, first?.offset ?? 0)}: ${first?.message ?? l10n.t('not an access-test file')}`);
  }
  // Policy paths are relative to the test file; each is read once.
  const loaded = new Map<string, PolicyFile>();
  const load = (written: string) => {
    // Relative to the test file; an absolute path as it is; "\\" read as "/" so a file written on Windows runs anywhere.
    const full = resolve(dirname(path), written.split('\\').join('/'));
    let policy = loaded.get(full);
    if (!policy) {
      policy = readPolicyFile(full, relative(process.cwd(), full) || full);
      loaded.set(full, policy);
    }
    return policy;
  };
  const outcomes = file.tests.map((test) => {
    try {
      return runAccessTest(file, test, load);
    } catch (error) {
      if (error instanceof PolicyFileError) throw error;
      throw new PolicyFileError(`${shown}:${lineOf(text, test.offset)}: ${(error as Error).message}`);
    }
  });
  return { file: shown, text, outcomes };
}

function decisionOf(outcome: AccessTestOutcome): string {
  const decisions = [...new Set(outcome.results.map((r) => r.decision))];
  return decisions.join(', ');
}

function formatText(files: FileOutcome[]): string {
  const lines: string[] = [];
  for (const f of files) {
    lines.push(f.file);
    for (const o of f.outcomes) {
      if (o.passed) {
        lines.push(`  ${l10n.t('ok    {0}', o.test.name)}`);
        continue;
      }
      lines.push(`  ${l10n.t('FAIL  {0} ({1}:{2}): expected {3}, got {4}', o.test.name, f.file, lineOf(f.text, o.test.offset), o.test.expect, decisionOf(o))}`);
      const shown = o.test.expect === 'allowed' ? o.results.filter((r) => r.decision !== 'allowed') : o.results;
      lines.push(formatAccessText(shown, '        ').trimEnd());
    }
  }
  const all = files.flatMap((f) => f.outcomes);
  const failed = all.filter((o) => !o.passed).length;
  lines.push(failed > 0 ? l10n.t('{0} of {1} access tests passed, {2} failed.', all.length - failed, all.length, failed) : l10n.t('{0} of {1} access tests passed.', all.length, all.length));
  return `${lines.join('\n')}\n`;
}

function formatJson(files: FileOutcome[]): string {
  const tests = files.flatMap((f) =>
    f.outcomes.map((o) => ({
      file: f.file,
      line: lineOf(f.text, o.test.offset),
      name: o.test.name,
      expect: o.test.expect,
      passed: o.passed,
      results: o.results.map(resultJson),
    })),
  );
  return `${JSON.stringify({ tests }, null, 2)}\n`;
}

/** SARIF 2.1.0: each failing test, at its place in its file. */
function formatSarif(files: FileOutcome[], version: string): string {
  const results = files.flatMap((f) =>
    f.outcomes
      .filter((o) => !o.passed)
      .map((o) => ({
        ruleId: 'access-test/failed',
        level: 'error',
        message: { text: l10n.t('{0}: expected {1}, got {2}.', o.test.name, o.test.expect, decisionOf(o)) },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.file.split('\\').join('/') }, region: { startLine: lineOf(f.text, o.test.offset) } } }],
      })),
  );
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'kinesis-policy',
            version,
            rules: [{ id: 'access-test/failed', shortDescription: { text: l10n.t('An access test does not hold: the policies do not give the answer it expects.') } }],
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
