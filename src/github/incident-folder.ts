// The rules for reading a repository's incident folder, wherever it is read from (the API, or the
// Action's checkout): incident files only, in name order, at most MAX_REPO_INCIDENT_FILES, none over the
// size limit, UTF-8 only. Each file refused becomes a problem named by file and field.
import { INCIDENT_FILE } from '../catalog/load-catalog.js';
import { MAX_INCIDENT_FILE_BYTES } from '../catalog/parse-incident-file.js';
import type { CatalogProblem, RepoIncidentFile, RepoIncidentFiles } from '../types.js';

/** More incident files than this in one repository folder are not read (the rest are reported). */
export const MAX_REPO_INCIDENT_FILES = 100;

export interface FolderEntry {
  name: string;
  /** Path in the repository, for messages. */
  path: string;
  size: number;
}

export interface ReadIncidentFolder<E extends FolderEntry> {
  /** The folder's files (other entries already left out). */
  entries: E[];
  /** The folder's path, for messages. */
  folder: string;
  /** `owner/repo:path`, for messages. */
  where: (path: string) => string;
  /** The file's blob sha and its text, or null text when it is not UTF-8. */
  read: (entry: E) => Promise<{ sha: string; text: string | null }>;
}

export async function readIncidentFolder<E extends FolderEntry>(
  params: ReadIncidentFolder<E>,
): Promise<RepoIncidentFiles> {
  const { where } = params;
  const problems: CatalogProblem[] = [];
  const entries = params.entries
    .filter((e) => INCIDENT_FILE.test(e.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (entries.length > MAX_REPO_INCIDENT_FILES) {
    const message = `more than ${MAX_REPO_INCIDENT_FILES} incident files; the rest are not read`;
    problems.push({ file: where(params.folder), field: '(folder)', message });
  }
  const files: RepoIncidentFile[] = [];
  for (const entry of entries.slice(0, MAX_REPO_INCIDENT_FILES)) {
    if (entry.size > MAX_INCIDENT_FILE_BYTES) {
      const message = `file is larger than ${MAX_INCIDENT_FILE_BYTES / 1024} KB`;
      problems.push({ file: where(entry.path), field: '(file)', message });
      continue;
    }
    const { sha, text } = await params.read(entry);
    if (text === null) {
      // Decoded leniently it would load with U+FFFD in its phrases: refused, as local files are.
      problems.push({ file: where(entry.path), field: '(file)', message: 'file is not valid UTF-8' });
      continue;
    }
    files.push({ source: where(entry.path), sha, text });
  }
  return { files, problems };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text, or null when they are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}
