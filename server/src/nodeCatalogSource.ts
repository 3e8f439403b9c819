import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogIndexData, CatalogSource, ServiceData } from './service';

/** Reads the catalog files that `scripts/build-data.mjs` writes beside the server bundle. */
export function nodeCatalogSource(dataDir: string): CatalogSource {
  return {
    readIndex: () => JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')) as CatalogIndexData,
    readService: (prefix) => {
      // Prefixes come from the index, never from the document, so the path stays in dataDir.
      const text = readFileSync(join(dataDir, 'services', `${prefix}.json`), 'utf8');
      return JSON.parse(text) as ServiceData;
    },
  };
}
