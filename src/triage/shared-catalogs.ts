// Which shared incident catalogs a repository triages with, in merge order: the settings'
// `incident_repos` (`owner/repo` or `owner/repo:folder`), or by default the organization's `.github`
// repository (as `_extends` works for settings). Pure: the job reads them through the gateway.
import { MAX_INCIDENT_REPOS } from '../config/config-schema.js';

/** The folder a shared repository is read from when its entry names none. */
export const SHARED_FOLDER = '.github/crash-signatures/';

export interface SharedCatalog {
  /** `owner/name`. */
  repo: string;
  folder: string;
  /** True for the organization default: its absence is normal, not a problem. */
  implicit: boolean;
}

export function sharedCatalogs(repo: string, configured: readonly string[] | undefined): SharedCatalog[] {
  const self = repo.toLowerCase();
  if (configured === undefined) {
    const owner = repo.split('/')[0] ?? '';
    const org = `${owner}/.github`;
    // The `.github` repository's own folder is already its own catalog.
    return org.toLowerCase() === self ? [] : [{ repo: org, folder: SHARED_FOLDER, implicit: true }];
  }
  return configured
    .slice(0, MAX_INCIDENT_REPOS)
    .map((entry) => {
      const [name = '', folder] = entry.split(/:(.*)/s);
      return { repo: name, folder: folder || SHARED_FOLDER, implicit: false };
    })
    .filter((c) => c.repo.toLowerCase() !== self);
}
