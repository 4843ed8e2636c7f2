// The backtest's Octokit: the REST methods with pagination (@octokit/rest), Probot's config loader (so the
// repository's settings are read as the app reads them: `_extends`, the organization's `.github`), and
// GitHub's throttling and retry plugins, so a large repository is read at the pace GitHub allows. Every
// HTTP request it sends (retries included) is counted, and a 304 apart: it costs no rate limit.
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { config } from '@probot/octokit-plugin-config';
import type { GitHubClient } from '../github/github-client.js';

const BacktestOctokit = Octokit.plugin(config, throttling, retry);

/** A primary or secondary rate limit is waited out when it resets within this; otherwise the run stops. */
const MAX_WAIT_SECONDS = 60;

export interface RequestCounts {
  /** HTTP requests sent, retries included. */
  sent: number;
  /** Of those, answered 304 Not Modified (free: not counted against the rate limit). */
  notModified: number;
}

export interface BacktestClient {
  octokit: GitHubClient;
  counts: RequestCounts;
}

export function createBacktestClient(params: { token?: string; apiUrl: string }): BacktestClient {
  const counts: RequestCounts = { sent: 0, notModified: 0 };
  const countingFetch: typeof fetch = async (input, init) => {
    counts.sent += 1;
    const response = await fetch(input, init);
    if (response.status === 304) counts.notModified += 1;
    return response;
  };
  const onLimit = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number): boolean =>
    retryCount < 2 && retryAfter <= MAX_WAIT_SECONDS;
  const octokit = new BacktestOctokit({
    ...(params.token ? { auth: params.token } : {}),
    baseUrl: params.apiUrl.replace(/\/+$/, ''),
    userAgent: 'crash-triage-backtest',
    request: { fetch: countingFetch },
    throttle: { onRateLimit: onLimit, onSecondaryRateLimit: onLimit },
    // Quiet: the command prints its own progress and errors.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  }) as unknown as GitHubClient;
  return { octokit, counts };
}
