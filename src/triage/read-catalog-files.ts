// Step 3's catalog reads (see run-triage-job.ts): each shared
// catalog (settings' `incident_repos`, or the organization's `.github` repository), then the repository's own incident folder, returned in merge
// order: shared catalogs first, in the order given, the repository's own files last so they override by
// id. A shared catalog that cannot be read is a problem line; the organization default may be absent.
import type { RepoConfig } from '../config/config-schema.js';
import type { RepoIncidentFile, RepoIncidentFiles } from '../types.js';
import type { IssueReader } from './ports.js';
import { sharedCatalogs } from './shared-catalogs.js';

export async function readCatalogFiles(
  reader: Pick<IssueReader, 'readIncidentFiles'>,
  repo: string,
  config: Pick<RepoConfig, 'incident_dir' | 'incident_repos'>,
): Promise<RepoIncidentFiles> {
  const files: RepoIncidentFile[] = [];
  const problems = [];
  for (const shared of sharedCatalogs(repo, config.incident_repos)) {
    const read = await reader.readIncidentFiles(shared.folder, shared.repo);
    files.push(...read.files);
    problems.push(
      ...(shared.implicit ? read.problems.filter((p) => p.field !== 'incident_repos') : read.problems),
    );
  }
  const own = await reader.readIncidentFiles(config.incident_dir);
  return { files: [...files, ...own.files], problems: [...problems, ...own.problems] };
}
