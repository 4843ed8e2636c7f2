// Why a backtest could not read the repository, in one line for the terminal: an unknown repository, a
// refused token, no access, the rate limit spent, GitHub unreachable. Anything else keeps GitHub's message.
import { statusOf } from '../github/conditional-requests.js';

interface GitHubError {
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: { message?: string } };
  cause?: { message?: string; code?: string; cause?: { code?: string; message?: string } };
}

export function describeFailure(err: unknown, ctx: { repo: string; apiUrl: string; token: boolean }): string {
  const e = (err ?? {}) as GitHubError;
  const status = statusOf(err);
  const headers = e.response?.headers ?? {};
  const said = e.response?.data?.message ?? e.message ?? String(err);
  if (status === 404) {
    const hint = ctx.token ? '' : ' (a private repository needs GITHUB_TOKEN or GH_TOKEN)';
    return `repository ${ctx.repo} not found at ${ctx.apiUrl}${hint}`;
  }
  if (status === 401) return `GitHub refused the token (401: ${said}); check GITHUB_TOKEN or GH_TOKEN`;
  if (
    (status === 403 || status === 429) &&
    (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(said))
  ) {
    const reset = Number(headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    const hint = ctx.token ? '' : '; a token (GITHUB_TOKEN or GH_TOKEN) raises the limit';
    return `GitHub's rate limit is spent${when} (${said})${hint}`;
  }
  if (status === 403) return `no access to ${ctx.repo} (403: ${said})`;
  if (status === undefined || status >= 500) {
    const cause = e.cause?.cause?.code ?? e.cause?.code ?? e.cause?.message ?? said;
    return status === undefined || !e.response
      ? `cannot reach GitHub's API at ${ctx.apiUrl} (${cause})`
      : `GitHub's API answered ${status} (${said})`;
  }
  return `GitHub's API answered ${status} (${said})`;
}
