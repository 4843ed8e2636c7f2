// The gateway (the port declared in src/triage/ports.ts): every GitHub API call the job makes, for one
// issue, over any Octokit with the REST methods and the config plugin (Probot's, or the Action's). Reads go through the shared caches
// (conditional requests for files, blobs by sha, the repository's labels), so a warm app spends no rate
// limit on reads that did not change. Expected outcomes (no settings file, no incident folder, a label
// already there) are values; anything else is thrown to the job, which logs it with the delivery id.
import deepmerge from 'deepmerge';
import { CONFIG_FILE } from '../config/config-schema.js';
import type { RawConfig } from '../config/load-config.js';
import {
  checkValueCount,
  MAX_CONFIG_BYTES,
  SettingsTooLarge,
  tooManyBytes,
} from '../config/config-limits.js';
import { readMarker, type MarkerData } from '../render/comment-marker.js';
import type { IssueGateway, OwnComment } from '../triage/ports.js';
import type { LabelSpec, Permission, RepoIncidentFiles } from '../types.js';
import { createLru, type Lru } from '../util/lru.js';
import {
  createConditionalCache,
  statusOf,
  useConditionalRequests,
  type ConditionalCache,
} from './conditional-requests.js';
import {
  createOwnCommentRecord,
  type OwnCommentRecord,
  type OwnCommentRecordOptions,
} from './own-comment-record.js';
import type { GitHubClient } from './github-client.js';
import { readIncidentFolder, utf8Text } from './incident-folder.js';

function headersOf(err: unknown): Record<string, string> | undefined {
  return (err as { response?: { headers?: Record<string, string> } }).response?.headers;
}

/** How long to wait before trying a write again: GitHub's `retry-after` (capped at a minute), else 1, 4, 9 s. */
function retryDelayMs(err: unknown, attempt: number): number {
  const after = Number(headersOf(err)?.['retry-after']);
  return Math.min(60, Number.isFinite(after) && after > 0 ? after : attempt * attempt) * 1000;
}

/** A rate limit GitHub asks to wait out: 429, or 403 with `retry-after` (secondary) or no quota left. */
function isRateLimited(err: unknown): boolean {
  const status = statusOf(err);
  const headers = headersOf(err);
  return (
    status === 429 ||
    (status === 403 && (!!headers?.['retry-after'] || headers?.['x-ratelimit-remaining'] === '0'))
  );
}

/** A write that may be repeated safely (same result twice), tried again on rate limits and 5xx. */
async function idempotentWrite<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      const status = statusOf(err) ?? 0;
      if ((!isRateLimited(err) && status < 500) || attempt >= 4) throw err;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(err, attempt)));
    }
  }
}

/** State shared by every gateway of one app: what makes a warm app cheap. */
export interface GatewayCaches {
  conditional: ConditionalCache;
  /** Git blob sha → text. Blobs never change, so a hit is always right. */
  /** Incident file texts by blob sha; null: the blob is not UTF-8 text. */
  blobs: Lru<string | null>;
  /** `owner/repo` (lower case) → the names of its labels (lower case). */
  labels: Lru<Set<string>>;
  /** Label listings and creations under way, shared by concurrent jobs of one repository. */
  labelListings: Map<string, Promise<Set<string>>>;
  labelCreations: Map<string, Promise<void>>;
  /** The issues this process has commented on: lets a job skip looking its comment up. */
  ownComments: OwnCommentRecord;
  /** The app's id: its comments carry it (`performed_via_github_app`), which tells them from other bots'. */
  appId: number | null;
}

export interface GatewayCachesOptions {
  now?: () => number;
  missTtlMs?: number;
  ownComments?: OwnCommentRecordOptions;
  appId?: number;
}

export function createGatewayCaches(options: GatewayCachesOptions = {}): GatewayCaches {
  return {
    conditional: createConditionalCache(options),
    ownComments: createOwnCommentRecord(options.ownComments),
    appId: options.appId ?? null,
    // Incident files are up to 256 KB each: bounded by their characters, not only their number.
    blobs: createLru(2_000, { maxWeight: 32 * 1024 * 1024, weigh: (text) => 64 + (text?.length ?? 0) }),
    labels: createLru(1_000),
    labelListings: new Map(),
    labelCreations: new Map(),
  };
}

export interface GatewayParams {
  /** Authenticated for the repository; the gateway adds conditional reads to it. */
  octokit: GitHubClient;
  /** `owner/name`. */
  repo: string;
  /** The repository's id (survives a rename), when known. */
  repoId?: number | null;
  number: number;
  caches: GatewayCaches;
  /** Read past remembered "not found" answers (a maintainer asked; a new file should show at once). */
  fresh?: boolean;
}

export function createIssueGateway(params: GatewayParams): IssueGateway {
  const { octokit, caches } = params;
  useConditionalRequests(octokit, caches.conditional, { fresh: params.fresh ?? false });
  const [owner = '', repo = ''] = params.repo.split('/');
  const issue_number = params.number;
  const where = (path: string): string => `${owner}/${repo}:${path}`;
  const issueRef = { repo: params.repoId ? String(params.repoId) : `${owner}/${repo}`, number: issue_number };
  // GitHub's own clock, for the own-comment record's proof (see own-comment-record.ts).
  octokit.hook.after('request', (response, options) => {
    const date = response.headers.date;
    if (date) caches.ownComments.observe(Date.parse(date));
    // A comment listing answered 200 without a list (an empty body from a proxy or a hiccup) must not read
    // as "no comment yet": Octokit's paginator would turn it into an empty page, so it is refused here.
    if (isCommentListing(options) && !Array.isArray(response.data)) {
      throw new Error('listing the comments did not return a list');
    }
    // A settings file (this repository's or one it extends) is bounded before the loader parses it.
    if (isSettingsRead(options) && typeof response.data === 'string') {
      const bytes = Buffer.byteLength(response.data);
      if (bytes > MAX_CONFIG_BYTES) throw tooManyBytes(bytes);
    }
  });

  return {
    async readConfig(): Promise<RawConfig> {
      const file = where(CONFIG_FILE);
      try {
        // Probot's loader, so `_extends: other-repo` and the organization's `.github` repository work.
        // Arrays replace rather than concatenate, so a repository's extra_labels override its base's.
        const { config, files } = await octokit.config.get({
          owner,
          repo,
          path: CONFIG_FILE,
          defaults: (configs) => {
            // Counted before the merge: deepmerge would expand a YAML alias bomb.
            for (const c of configs) checkValueCount(c);
            return deepmerge.all(configs, { arrayMerge: (_base, own: unknown[]) => own }) as Record<
              string,
              unknown
            >;
          },
        });
        const found = files.some((f) => f.config !== null);
        return { file, raw: found ? config : null };
      } catch (err) {
        if (err instanceof SettingsTooLarge) return { file, raw: null, error: err.message };
        // The loader's own errors (bad YAML, bad `_extends`) are the repository's to fix, not ours.
        if (err instanceof Error && err.message.startsWith('[@probot/octokit-plugin-config]')) {
          return { file, raw: null, error: err.message.replace('[@probot/octokit-plugin-config] ', '') };
        }
        throw err;
      }
    },

    async readIncidentFiles(dir: string, from?: string): Promise<RepoIncidentFiles> {
      const path = dir.replace(/\/+$/, '');
      // Another repository's folder (a shared catalog) is read the same way, named by its own repository.
      const [fromOwner, fromRepo] = from ? from.split('/') : [owner, repo];
      const at = { owner: fromOwner ?? '', repo: fromRepo ?? '' };
      const where = (p: string): string => `${at.owner}/${at.repo}:${p}`;
      let listing: unknown;
      try {
        listing = (await octokit.rest.repos.getContent({ ...at, path })).data;
      } catch (err) {
        const status = statusOf(err);
        if (status === 404 && !from) return { files: [], problems: [] };
        // A shared catalog that cannot be read is one problem line; the rest of the catalog still loads.
        if (from && (status === 404 || status === 403)) {
          const message = status === 404 ? 'not found (or the app cannot see it)' : 'no access (403)';
          return { files: [], problems: [{ file: where(path), field: 'incident_repos', message }] };
        }
        throw err;
      }
      if (!Array.isArray(listing)) {
        return {
          files: [],
          problems: [{ file: where(path), field: 'incident_dir', message: 'is not a folder' }],
        };
      }
      type Entry = { type: string; name: string; path: string; sha: string; size: number };
      return readIncidentFolder({
        entries: (listing as Entry[]).filter((e) => e.type === 'file'),
        folder: path,
        where,
        read: async (entry) => {
          let text = caches.blobs.get(entry.sha);
          if (text === undefined) {
            const blob = await octokit.rest.git.getBlob({ ...at, file_sha: entry.sha });
            const encoding = blob.data.encoding === 'base64' ? 'base64' : 'utf8';
            text = utf8Text(Buffer.from(blob.data.content, encoding));
            caches.blobs.set(entry.sha, text);
          }
          return { sha: entry.sha, text };
        },
      });
    },

    findOwnComment,

    provesNoOwnComment(createdAt) {
      return caches.ownComments.provesNone({ ...issueRef, createdAt });
    },

    async getPermission(login: string): Promise<Permission> {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
          owner,
          repo,
          username: login,
        });
        return { role: data.role_name ?? data.permission, base: data.permission };
      } catch (err) {
        if (statusOf(err) === 404) return { role: 'none', base: 'none' };
        throw err;
      }
    },

    async createComment(body: string): Promise<'created' | 'locked'> {
      // Noted first: even a failed attempt may have been stored by GitHub, so later jobs must look.
      caches.ownComments.note(issueRef);
      // Never retried blindly (Octokit's retry plugin is off for this request): a 5xx or a dropped
      // connection can come after GitHub stored the comment, so a new try first looks for it.
      for (let attempt = 1; ; attempt++) {
        try {
          await octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number,
            body,
            request: { retries: 0 },
          });
          return 'created';
        } catch (err) {
          const status = statusOf(err) ?? 0;
          // A locked issue takes no comments from the app (only from collaborators): not an error to retry.
          if (status === 403 && /locked/i.test(String((err as Error).message))) return 'locked';
          if ((status < 500 && !isRateLimited(err)) || attempt >= 4) throw err;
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs(err, attempt)));
          if (status >= 500 && (await findOwnComment())) return 'created';
        }
      }
    },

    async updateComment(commentId: number, body: string): Promise<void> {
      await idempotentWrite(() =>
        octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body }),
      );
    },

    async addLabels(labels: readonly LabelSpec[]): Promise<'added' | 'refused'> {
      const known = await repoLabels(labels);
      for (const label of labels) {
        if (!known.has(label.name.toLowerCase())) await createLabel(label, known);
      }
      const names = labels.map((l) => l.name);
      try {
        await idempotentWrite(() =>
          octokit.rest.issues.addLabels({ owner, repo, issue_number, labels: names }),
        );
        return 'added';
      } catch (err) {
        // A label GitHub will not take (its validation): the comment must still go out.
        if (statusOf(err) === 422) return 'refused';
        throw err;
      }
    },

    async removeLabels(names: readonly string[]): Promise<void> {
      // Read at write time: the event's label list is stale when commands race (a dismissed issue kept
      // the labels an earlier `/triage as` had just added).
      const current = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
        owner,
        repo,
        issue_number,
        per_page: 100,
      });
      const present = new Set(current.map((l) => l.name.toLowerCase()));
      for (const name of names.filter((n) => present.has(n.toLowerCase()))) {
        try {
          await idempotentWrite(() => octokit.rest.issues.removeLabel({ owner, repo, issue_number, name }));
        } catch (err) {
          // Already gone (someone removed it meanwhile): the outcome asked for.
          if (statusOf(err) !== 404) throw err;
        }
      }
    },

    async react(commentId: number, content): Promise<void> {
      await idempotentWrite(() =>
        octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content }),
      );
    },
  };

  async function findOwnComment(): Promise<OwnComment | null> {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number,
      per_page: 100,
    });
    for await (const page of pages) {
      for (const c of page.data) {
        const own = isOwnComment(c, caches.appId);
        if (own) return { id: c.id, body: c.body ?? '', marker: own };
      }
    }
    return null;
  }

  /** The repository's label names (lower case), listed once and then kept up to date by this app. */
  async function repoLabels(wanted: readonly LabelSpec[]): Promise<Set<string>> {
    const key = `${owner}/${repo}`.toLowerCase();
    const cached = caches.labels.get(key);
    if (cached && wanted.every((l) => cached.has(l.name.toLowerCase()))) return cached;
    let listing = caches.labelListings.get(key);
    if (!listing) {
      listing = octokit
        .paginate(octokit.rest.issues.listLabelsForRepo, { owner, repo, per_page: 100 })
        .then((all) => new Set(all.map((l) => l.name.toLowerCase())));
      caches.labelListings.set(key, listing);
      void listing.finally(() => caches.labelListings.delete(key)).catch(() => {});
    }
    const names = await listing;
    caches.labels.set(key, names);
    return names;
  }

  /** Creates a label the repository lacks (once, however many jobs want it at the same time). */
  async function createLabel(label: LabelSpec, known: Set<string>): Promise<void> {
    const key = `${owner}/${repo}:${label.name}`.toLowerCase();
    let creating = caches.labelCreations.get(key);
    if (!creating) {
      creating = octokit.rest.issues.createLabel({ owner, repo, ...label }).then(
        () => void known.add(label.name.toLowerCase()),
        (err: unknown) => {
          // Created by someone else between our read and our write.
          if (statusOf(err) !== 422) throw err;
          known.add(label.name.toLowerCase());
        },
      );
      caches.labelCreations.set(key, creating);
      void creating.finally(() => caches.labelCreations.delete(key)).catch(() => {});
    }
    await creating;
  }
}

interface ListedComment {
  body?: string | null;
  user?: { type?: string } | null;
  performed_via_github_app?: { id?: number } | null;
}

/**
 * The marker data when `c` is this app's comment, else null. A comment made by the app carries its id
 * (`performed_via_github_app`): that one is ours even if someone deleted its marker (then it is read as
 * "no verdict" and rewritten), and another app's comment is not ours even if it starts with our marker.
 * Where the app's id is unknown (the Action) or the listing does not say, a bot's comment with the marker
 * is ours; a person quoting the marker never is.
 */
export function isOwnComment(c: ListedComment, appId: number | null): MarkerData | null {
  const via = c.performed_via_github_app?.id;
  if (appId !== null && via !== undefined) {
    return via === appId ? (readMarker(c.body) ?? { state: 'no-match' }) : null;
  }
  return c.user?.type === 'Bot' ? readMarker(c.body) : null;
}

/** A read of an issue's comments (the route with its parameters, or a next page's URL). */
function isCommentListing(options: { method?: unknown; url?: unknown }): boolean {
  return (
    options.method === 'GET' &&
    typeof options.url === 'string' &&
    /\/issues\/(?:\{issue_number\}|\d+)\/comments(?:\?|$)/.test(options.url)
  );
}

/** A contents read of a settings file, as Probot's loader sends it (route and `path` parameter). */
function isSettingsRead(options: { url?: unknown; path?: unknown }): boolean {
  return typeof options.path === 'string' && options.path.endsWith(CONFIG_FILE.slice('.github/'.length));
}
