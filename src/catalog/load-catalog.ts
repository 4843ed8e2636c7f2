// Loading incident files from folders on disk: the bundled signatures/ and any --catalog folder.
// A bad file becomes a problem (file + field) and is skipped; the rest of the catalog still loads.
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogProblem, Incident } from '../types.js';
import { MAX_INCIDENT_FILE_BYTES, parseIncidentBytes } from './parse-incident-file.js';
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
      const bytes = readSmallFile(path);
      // Bytes, not text: a file that is not UTF-8 is refused rather than read with U+FFFD in it.
      const result = bytes
        ? parseIncidentBytes(path, bytes)
        : { ok: false as const, problems: [{ file: path, field: '(file)', message: TOO_LARGE }] };
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

const TOO_LARGE = `file is larger than ${MAX_INCIDENT_FILE_BYTES / 1024} KB`;

/** A file's bytes, or null when it is larger than an incident file may be (then it is not read). */
function readSmallFile(path: string): Uint8Array | null {
  // One open and one fstat, rather than a stat by name and then readFileSync's own open and fstat.
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_INCIDENT_FILE_BYTES) return null;
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break; // shorter than it was a moment ago
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
