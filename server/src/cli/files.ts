import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders never searched: dependencies, build output and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'cdk.out', '.terraform']);

/**
 * The files to read: each named file as it is, and the files ending in `suffix` below each named folder,
 * in a stable order. Throws for a path that does not exist.
 */
export function collectFiles(paths: readonly string[], suffix = '.json'): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${path}: no such file or folder`);
    if (stat.isDirectory()) walk(path, files, suffix);
    else files.push(path);
  }
  return files;
}

function walk(dir: string, files: string[], suffix: string): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(path, files, suffix);
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith(suffix)) {
      files.push(path);
    }
  }
}
