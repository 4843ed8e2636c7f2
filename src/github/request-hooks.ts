// Hooks on an Octokit for the app and the Action: every request gets a timeout (a request that never
// answers would otherwise hold its job, and its share of the workers, for minutes; a timed-out request
// fails like a dropped connection, which the retry plugin and the queue retry), and every answer is
// counted by status for the metrics.
import type { GitHubClient } from './github-client.js';
import { statusOf } from './conditional-requests.js';

export interface RequestHookOptions {
  timeoutMs: number;
  /** Called with each request's method and status (`error` when no answer came). */
  count?: (method: string, status: string) => void;
}

export function useRequestHooks(octokit: GitHubClient, options: RequestHookOptions): void {
  octokit.hook.wrap('request', async (request, params) => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const method = String(params.method ?? 'GET');
    try {
      const response = await request({ ...params, request: { ...params.request, signal } });
      options.count?.(method, String(response.status));
      return response;
    } catch (err) {
      const status = statusOf(err);
      options.count?.(method, status !== undefined && status !== 500 ? String(status) : 'error');
      throw err;
    }
  });
}
