// Conditional reads of repository files (settings, the incident folder listing), so that re-reading an
// unchanged file spends no rate limit: the response's ETag is kept and sent back as `If-None-Match`, and
// GitHub's 304 (which does not count against the limit) is answered from memory. A 404 (no settings
// file, no incident folder) has no ETag, so it is remembered for `missTtlMs` instead; a maintainer's
// command reads past it ("fresh"), so a newly added file is seen at once when someone asks. Identical
// reads under way at the same time share one request.
import type { GitHubClient } from './github-client.js';
import { createLru, type Lru } from '../util/lru.js';

interface CachedResponse {
  etag: string;
  response: unknown;
}

export interface ConditionalCache {
  responses: Lru<CachedResponse>;
  /** Reads under way: a burst of jobs for one repository shares one request instead of each sending it. */
  inflight: Map<string, Promise<unknown>>;
  /** Key → time the 404 was seen. */
  misses: Lru<number>;
  missTtlMs: number;
  now: () => number;
}

export interface ConditionalCacheOptions {
  maxEntries?: number;
  /** How long a "not found" is believed without asking again. */
  missTtlMs?: number;
  now?: () => number;
}

export function createConditionalCache(options: ConditionalCacheOptions = {}): ConditionalCache {
  const max = options.maxEntries ?? 5_000;
  return {
    // Settings files (up to 64 KB) and folder listings: bounded by size as well as number.
    responses: createLru<CachedResponse>(max, { maxWeight: 32 * 1024 * 1024, weigh: responseBytes }),
    inflight: new Map(),
    misses: createLru(max),
    missTtlMs: options.missTtlMs ?? 5 * 60_000,
    now: options.now ?? Date.now,
  };
}

// Only the contents API: settings files and folder listings. Blobs are fetched by sha and never change.
const CACHEABLE = /\/repos\/[^/]+\/[^/]+\/contents\//;
const CONTENTS_ROUTE = '/repos/{owner}/{repo}/contents/{path}';

interface ContentsRead {
  method: string;
  url: string;
  owner?: unknown;
  repo?: unknown;
  path?: unknown;
  ref?: unknown;
  headers?: { accept?: unknown };
  mediaType?: { format?: string };
}

/**
 * The cache key of a request: null when it is not a read of repository contents (most requests: writes,
 * comments, labels), told apart without expanding the endpoint; the usual contents read (the route with
 * its parameters, as Octokit's methods and Probot's config loader send it) is keyed from its parameters;
 * only another form of it (`expand`) is expanded into its URL.
 */
function cacheKey(
  options: ContentsRead,
  expand: () => { url: string; accept: string },
): { key: string; url: string } | null {
  if (options.method !== 'GET' || typeof options.url !== 'string' || !options.url.includes('/contents/')) {
    return null;
  }
  const accept = String(options.headers?.accept ?? '');
  if (options.url === CONTENTS_ROUTE) {
    const ref = typeof options.ref === 'string' ? options.ref : '';
    const url = `/repos/${String(options.owner)}/${String(options.repo)}/contents/${String(options.path)}`;
    return { key: `${url}?ref=${ref} ${options.mediaType?.format ?? ''} ${accept}`, url };
  }
  const expanded = expand();
  return CACHEABLE.test(expanded.url)
    ? { key: `${expanded.url} ${expanded.accept}`, url: expanded.url }
    : null;
}

/** Makes `octokit`'s GET requests for repository contents conditional, through `cache`. */
export function useConditionalRequests(
  octokit: GitHubClient,
  cache: ConditionalCache,
  { fresh = false } = {},
): void {
  octokit.hook.wrap('request', async (request, options) => {
    const cacheable = cacheKey(options as ContentsRead, () => {
      const { url, headers } = octokit.request.endpoint(options);
      return { url, accept: String(headers.accept ?? '') };
    });
    if (!cacheable) return request(options);
    const { key, url } = cacheable;

    type Response = Awaited<ReturnType<typeof request>>;
    const pending = cache.inflight.get(key);
    if (pending) return pending as Promise<Response>;

    const read = async (): Promise<Response> => {
      const missAt = cache.misses.get(key);
      if (!fresh && missAt !== undefined && cache.now() - missAt < cache.missTtlMs) throw notFound(url);
      const hit = cache.responses.get(key);
      if (hit) options.headers = { ...options.headers, 'if-none-match': hit.etag };
      try {
        const response = await request(options);
        cache.misses.delete(key);
        const etag = response.headers.etag;
        if (etag) cache.responses.set(key, { etag, response });
        return response;
      } catch (err) {
        const status = statusOf(err);
        if (status === 304 && hit) return hit.response as Response;
        if (status === 404) {
          cache.responses.delete(key);
          cache.misses.set(key, cache.now());
        }
        throw err;
      }
    };
    const running = read();
    cache.inflight.set(key, running);
    try {
      return await running;
    } finally {
      cache.inflight.delete(key);
    }
  });
}

/** The HTTP status of an Octokit request error, if it is one. */
export function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : undefined;
}

/**
 * The error a real 404 would raise, as far as callers look at it (`status`). Without a stack trace: it is
 * an expected answer, raised several times per delivery, and capturing a stack is most of its cost.
 */
function notFound(url: string): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return Object.assign(new Error(`Not Found (remembered): ${url}`), { status: 404 });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** About how much a cached response holds: its text, or its JSON form for a parsed body. */
function responseBytes(cached: CachedResponse): number {
  const data = (cached.response as { data?: unknown }).data;
  if (typeof data === 'string') return 256 + data.length;
  try {
    return 256 + (JSON.stringify(data)?.length ?? 0);
  } catch {
    return 4096;
  }
}
