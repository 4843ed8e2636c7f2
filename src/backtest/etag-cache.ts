// A disk cache of GitHub's answers, keyed by request, revalidated with their ETags: every GET the
// backtest repeats is sent with `If-None-Match`, and a 304 (which costs no rate limit) is answered from
// disk. So a second run (after editing an incident file, say) reads the same repository for free, and
// still sees every issue or comment that changed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { GitHubClient } from '../github/github-client.js';
import { statusOf } from '../github/conditional-requests.js';

interface Entry {
  etag: string;
  /** The headers a reader needs again (`link`, for pagination). */
  headers: Record<string, string>;
  data: unknown;
}

/** `$XDG_CACHE_HOME/crash-triage`, else `~/.cache/crash-triage`. */
export function defaultCacheDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_CACHE_HOME?.trim() || join(env.HOME?.trim() || homedir(), '.cache');
  return join(base, 'crash-triage');
}

/** Makes `octokit`'s GET requests conditional, with their answers kept under `dir`. */
export function useEtagCache(octokit: GitHubClient, dir: string): void {
  const folder = join(dir, 'http');
  mkdirSync(folder, { recursive: true });
  octokit.hook.wrap('request', async (request, options) => {
    if (options.method !== 'GET') return request(options);
    const { url, headers } = octokit.request.endpoint(options);
    const file = join(
      folder,
      `${createHash('sha256')
        .update(`${url} ${String(headers.accept ?? '')}`)
        .digest('hex')}.json`,
    );
    const cached = read(file);
    if (cached) options.headers = { ...options.headers, 'if-none-match': cached.etag };
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      if (etag) {
        const link = response.headers.link;
        const keep: Record<string, string> = link ? { link } : {};
        write(file, { etag, headers: keep, data: response.data });
      }
      return response;
    } catch (err) {
      if (statusOf(err) !== 304 || !cached) throw err;
      type Response = Awaited<ReturnType<typeof request>>;
      return {
        status: 200,
        url,
        headers: { ...cached.headers, etag: cached.etag },
        data: cached.data,
      } as Response;
    }
  });
}

function read(file: string): Entry | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch {
    // Missing or unreadable (an interrupted write): asked for again, in full.
    return null;
  }
}

function write(file: string, entry: Entry): void {
  // Written aside and renamed, so an interrupted run never leaves half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(entry));
  renameSync(partial, file);
}
