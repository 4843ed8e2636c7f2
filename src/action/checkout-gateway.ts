// In a workflow that checked the repository out, the settings file and the incident folder are read from
// the checkout (the default branch, as the app reads them) instead of the API: no request, no rate limit.
// Where the checkout has no settings file, or the file `_extends` another, the API's loader is used, so
// the organization's `.github` repository and `_extends` work as in the app. The same limits apply to
// local incident files as to the API's (count, size, UTF-8).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { CONFIG_FILE } from '../config/config-schema.js';
import {
  checkValueCount,
  MAX_CONFIG_BYTES,
  SettingsTooLarge,
  tooManyBytes,
} from '../config/config-limits.js';
import { readIncidentFolder, utf8Text } from '../github/incident-folder.js';
import type { IssueGateway } from '../triage/ports.js';

export function withCheckout(
  gateway: IssueGateway,
  params: { workspace: string; repo: string },
): IssueGateway {
  const { workspace, repo } = params;
  const where = (path: string): string => `${repo}:${path}`;
  return {
    ...gateway,
    async readConfig() {
      const path = join(workspace, CONFIG_FILE);
      if (!existsSync(path)) return gateway.readConfig();
      const file = where(CONFIG_FILE);
      const bytes = statSync(path).size;
      if (bytes > MAX_CONFIG_BYTES) return { file, raw: null, error: tooManyBytes(bytes).message };
      let raw: unknown;
      try {
        raw = load(readFileSync(path, 'utf8'), { schema: CORE_SCHEMA });
        checkValueCount(raw);
      } catch (err) {
        if (err instanceof SettingsTooLarge) return { file, raw: null, error: err.message };
        return { file, raw: null, error: `invalid YAML: ${(err as Error).message.split('\n')[0]}` };
      }
      const extendsOther = typeof raw === 'object' && raw !== null && '_extends' in raw;
      return extendsOther ? gateway.readConfig() : { file, raw: raw ?? null };
    },
    async readIncidentFiles(dir, from) {
      // Shared catalogs live in other repositories: read through the API.
      if (from) return gateway.readIncidentFiles(dir, from);
      const folder = dir.replace(/\/+$/, '');
      const path = join(workspace, folder);
      if (!existsSync(path)) return gateway.readIncidentFiles(dir);
      if (!statSync(path).isDirectory()) {
        return {
          files: [],
          problems: [{ file: where(folder), field: 'incident_dir', message: 'is not a folder' }],
        };
      }
      return readIncidentFolder({
        entries: readdirSync(path, { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => ({
            name: e.name,
            path: `${folder}/${e.name}`,
            size: statSync(join(path, e.name)).size,
          })),
        folder,
        where,
        read: async (entry) => {
          const bytes = readFileSync(join(workspace, entry.path));
          return { sha: gitBlobSha(bytes), text: utf8Text(bytes) };
        },
      });
    },
  };
}

/** The sha git gives the file's content (the key the runner compiles a catalog under). */
function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
