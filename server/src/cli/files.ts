import * as l10n from '@vscode/l10n';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Folders never searched: dependencies, build output and version control. (`cdk.out` is searched:
 * the CDK writes its templates there.)
 */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.terraform']);

/** What `check` reads in a folder: policy files and templates, in JSON or YAML, and Terraform files. */
export const CHECKED_SUFFIXES = ['.json', '.yaml', '.yml', '.template', '.tf'];

/**
 * The files to read: each named file as it is, and the files ending in one of `suffixes` below
 * each named folder, in a stable order. Throws for a path that does not exist.
 */
export function collectFiles(paths: readonly string[], suffixes: readonly string[] = CHECKED_SUFFIXES): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new Error(l10n.t('{0}: no such file or folder', path));
    if (stat.isDirectory()) walk(path, files, suffixes);
    else files.push(path);
  }
  return files;
}

function walk(dir: string, files: string[], suffixes: readonly string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(path, files, suffixes);
    } else if (entry.isFile() && suffixes.some((suffix) => entry.name.toLowerCase().endsWith(suffix))) {
      files.push(path);
    }
  }
}
