import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeCatalogSource } from '../nodeCatalogSource';
import { createLanguageService, IamCatalog } from '../service';
import { parseArgs, takeLocale, usageText, UsageError, type CheckOptions } from './args';
import { environmentLocale, usePackagedLanguage } from '../l10nFiles';
import { checkText, type FileResult } from './check';
import { CHECKED_SUFFIXES, collectFiles } from './files';
import { loadHcl } from '../hcl';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyKindSetting } from '../../../common/src/choices';
import { formatJson, formatSarif, formatText } from './formats';
import { readRuleDocs, rulesDocumentationWebUrl } from './rulesDocs';
import { PolicyFileError, runAccess } from './access';
import { runAccessTests } from './accessTests';

// scripts/build.mjs puts these in the bundle: the version and repository of package.json, and docs/rules.md.
declare const SERVER_VERSION: string | undefined;
declare const PACKAGE_REPOSITORY: unknown;
declare const RULES_MARKDOWN: string | undefined;
const VERSION = typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'dev';
/** Where diagnostics link: the rules.md shipped beside dist/. */
const RULES_DOCUMENTATION = pathToFileURL(join(__dirname, '..', 'docs', 'rules.md')).href;
/** Where SARIF links, for code scanning on another machine: rules.md in the repository. */
const RULES_WEB_DOCUMENTATION = rulesDocumentationWebUrl(typeof PACKAGE_REPOSITORY === 'undefined' ? undefined : PACKAGE_REPOSITORY);

/** The command line: returns the exit status. */
async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    // The environment's language until --locale is read: a wrong --locale is told in it.
    usePackagedLanguage(environmentLocale(process.env));
    const { locale, rest } = takeLocale(argv);
    usePackagedLanguage(locale ?? environmentLocale(process.env));
    parsed = parseArgs(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kinesis-policy: ${error.message}\n\n${usageText()}\n`);
    return 2;
  }
  if (parsed.command === 'help') {
    process.stdout.write(`${usageText()}\n`);
    return 0;
  }
  if (parsed.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    if (parsed.command === 'access') return runAccess(parsed.options, (text) => process.stdout.write(text), new IamCatalog(nodeCatalogSource(join(__dirname, 'data'))));
    if (parsed.command === 'test') return runAccessTests(parsed.options, (text) => process.stdout.write(text), VERSION);
  } catch (error) {
    if (!(error instanceof PolicyFileError) && !(error instanceof UsageError)) throw error;
    process.stderr.write(`kinesis-policy: ${error.message}\n`);
    return 2;
  }
  return check(parsed.options);
}

async function check(options: CheckOptions): Promise<number> {
  let files: string[];
  try {
    files = collectFiles(options.paths);
  } catch (error) {
    process.stderr.write(`kinesis-policy: ${(error as Error).message}\n`);
    return 2;
  }
  // A wrong path in CI must not pass as "nothing wrong".
  if (files.length === 0) {
    process.stderr.write(`kinesis-policy: ${l10n.t('no policy or template files ({0}) in {1}', CHECKED_SUFFIXES.join(', '), options.paths.join(', '))}\n`);
    return 2;
  }
  // Terraform's grammar is loaded only when there is Terraform to read.
  const hcl = files.some((f) => /\.tf$/i.test(f)) ? await loadHcl(__dirname) : undefined;
  if (files.some((f) => /\.tf$/i.test(f)) && !hcl) {
    process.stderr.write(`kinesis-policy: ${l10n.t('cannot load the HCL grammar (tree-sitter-terraform.wasm beside {0}) to read Terraform files', __filename)}\n`);
    return 2;
  }
  const service = createLanguageService({ catalog: new IamCatalog(nodeCatalogSource(join(__dirname, 'data'))), hcl: () => hcl });
  const results: FileResult[] = [];
  let unreadable = false;
  // What the Terraform files read with file(...), and as what kind of policy.
  const usedAs = new Map<string, Exclude<PolicyKindSetting, 'auto'>>();
  for (const file of files.filter((f) => /\.tf$/i.test(f))) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const template = service.parseTemplate(TextDocument.create(pathToFileURL(resolve(file)).href, 'terraform', 1, text));
    for (const read of template?.policyFiles ?? []) usedAs.set(resolve(dirname(file), read.path), read.kind);
  }
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`kinesis-policy: ${l10n.t('cannot read {0}: {1}', file, (error as Error).message)}\n`);
      unreadable = true;
      continue;
    }
    const shown = relative(process.cwd(), file) || file;
    results.push(checkText(service, shown, text.replace(/^\uFEFF/, ''), options, RULES_DOCUMENTATION, usedAs.get(resolve(file))));
  }
  const output =
    options.format === 'json'
      ? formatJson(results)
      : options.format === 'sarif'
        ? formatSarif(results, {
            version: VERSION,
            rulesDocumentationUrl: RULES_WEB_DOCUMENTATION,
            ruleDocs: readRuleDocs(typeof RULES_MARKDOWN === 'string' ? RULES_MARKDOWN : ''),
          })
        : formatText(results);
  process.stdout.write(output);
  if (unreadable) return 2;
  return results.some((r) => r.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

void main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
