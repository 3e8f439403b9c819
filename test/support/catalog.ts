import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IamCatalog, type CatalogIndexData, type CatalogSource, type ServiceData } from '../../server/src/service';

/** The repository root, from `out/test/support/`. */
export const ROOT = resolve(__dirname, '..', '..', '..');
export const DATA_DIR = join(ROOT, 'dist', 'data');

/** A catalog over the built data that records which services it had to read. */
export function loadCatalog(): { catalog: IamCatalog; reads: string[] } {
  const reads: string[] = [];
  const source: CatalogSource = {
    readIndex: () => JSON.parse(readFileSync(join(DATA_DIR, 'index.json'), 'utf8')) as CatalogIndexData,
    readService: (prefix) => {
      reads.push(prefix);
      return JSON.parse(readFileSync(join(DATA_DIR, 'services', `${prefix}.json`), 'utf8')) as ServiceData;
    },
  };
  return { catalog: new IamCatalog(source), reads };
}

let shared: IamCatalog | undefined;

/** One catalog for all tests in a process: loading it is the slow part. */
export function sharedCatalog(): IamCatalog {
  shared ??= loadCatalog().catalog;
  return shared;
}
