// Loading incident files from folders on disk: the bundled signatures/ and any --catalog folder.
// A bad file becomes a problem (file + field) and is skipped; the rest of the catalog still loads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogProblem, Incident } from '../types.js';
import { MAX_INCIDENT_FILE_BYTES, parseIncidentFile } from './parse-incident-file.js';
import { mergeIncidents } from './merge-incidents.js';

/** File names read as incident files. */
export const INCIDENT_FILE = /\.ya?ml$/i;

export interface LoadedCatalog {
  incidents: Incident[];
  problems: CatalogProblem[];
}

/** Reads every incident file of one folder (not recursive), in name order so loading is deterministic. */
export function loadCatalogDir(dir: string): LoadedCatalog {
  const incidents: Incident[] = [];
  const problems: CatalogProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => INCIDENT_FILE.test(n))
      .sort();
  } catch (err) {
    return { incidents, problems: [{ file: dir, field: '(folder)', message: errorMessage(err) }] };
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (statSync(path).size > MAX_INCIDENT_FILE_BYTES) {
        problems.push({
          file: path,
          field: '(file)',
          message: `file is larger than ${MAX_INCIDENT_FILE_BYTES / 1024} KB`,
        });
        continue;
      }
      const result = parseIncidentFile(path, readFileSync(path, 'utf8'));
      if (result.ok) incidents.push(result.incident);
      else problems.push(...result.problems);
    } catch (err) {
      problems.push({ file: path, field: '(file)', message: errorMessage(err) });
    }
  }
  return { incidents, problems };
}

/** Loads several folders; later folders' incidents override earlier ones with the same id (reported). */
export function loadCatalogDirs(dirs: readonly string[]): LoadedCatalog {
  const loaded = dirs.map(loadCatalogDir);
  const merged = mergeIncidents(loaded.map((l) => l.incidents));
  return {
    incidents: merged.incidents,
    problems: [...loaded.flatMap((l) => l.problems), ...merged.problems],
  };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
