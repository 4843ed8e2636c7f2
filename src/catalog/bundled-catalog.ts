// Where the bundled incident catalog lives: `signatures/` at the package root, two levels above this
// module whether it runs from src/ (tests) or dist/ (CLI, app).
import { fileURLToPath } from 'node:url';
import { loadCatalogDirs, type LoadedCatalog } from './load-catalog.js';

export const BUNDLED_CATALOG_DIR = fileURLToPath(new URL('../../signatures/', import.meta.url));

/** The bundled incidents plus any extra folders (later folders override bundled ids). */
export function loadCatalog(extraDirs: readonly string[] = [], { bundled = true } = {}): LoadedCatalog {
  return loadCatalogDirs(bundled ? [BUNDLED_CATALOG_DIR, ...extraDirs] : [...extraDirs]);
}
