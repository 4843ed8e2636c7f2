// The Action's Octokit: the REST methods with pagination (@octokit/rest), Probot's config loader (so
// `_extends` and the organization's `.github` repository work as in the app), and GitHub's recommended
// throttling and retry plugins, so a burst of issues or a flaky API is waited out, not failed.
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { config } from '@probot/octokit-plugin-config';
import type { GitHubClient } from '../github/github-client.js';
import type { JobLog } from '../triage/ports.js';

const ActionOctokit = Octokit.plugin(config, throttling, retry);

/** Waits up to this long for a rate limit to reset; longer, and the step fails with the reason. */
const MAX_WAIT_SECONDS = 120;

export function createActionOctokit(params: { token: string; apiUrl: string; log: JobLog }): GitHubClient {
  const { log } = params;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const again = retryCount < 2 && retryAfter <= MAX_WAIT_SECONDS;
      log.warn({ retryAfter, request: `${options.method} ${options.url}`, again }, `${kind} rate limit hit`);
      return again;
    };
  return new ActionOctokit({
    auth: params.token,
    baseUrl: params.apiUrl,
    userAgent: 'crash-triage-action',
    throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    // Quiet by default: the job logs its own decisions.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  }) as unknown as GitHubClient;
}
