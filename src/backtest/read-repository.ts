// What the backtest reads from GitHub, over the backtest's Octokit: the repository (first, without
// retries, so a wrong name, a refused token or an unreachable API is said at once), its settings and
// incident files through the app's own gateway (so they are read exactly as the app reads them), the
// issues (every page, pull requests counted and skipped) and the comments of issues that have any.
import { createGatewayCaches, createIssueGateway } from '../github/issue-gateway.js';
import type { GitHubClient } from '../github/github-client.js';
import type { RawConfig } from '../config/load-config.js';
import type { RepoIncidentFiles } from '../types.js';

export interface ListedIssue {
  number: number;
  title: string;
  body: string;
  url: string;
  state: string;
  /** Comments on the issue, as the listing counts them. */
  comments: number;
}

export interface ListedComment {
  body: string;
  user: { login: string; type: string } | null;
  url: string;
}

export interface IssueQuery {
  state: 'open' | 'closed' | 'all';
  /** ISO date: issues updated at or after it. */
  since?: string;
  /** Stop after this many issues (pull requests not counted). */
  limit?: number;
}

export interface RepositoryReader {
  /** The repository's canonical `owner/name`; throws GitHub's error when it cannot be read. */
  checkRepository(): Promise<string>;
  readConfig(): Promise<RawConfig>;
  /** `from`: another repository's folder (a shared catalog). */
  readIncidentFiles(dir: string, from?: string): Promise<RepoIncidentFiles>;
  /** The issues, newest first; `skippedPullRequests` counts the pull requests left out. */
  listIssues(
    query: IssueQuery,
    onPage?: (issues: number) => void,
  ): Promise<{ issues: ListedIssue[]; skippedPullRequests: number }>;
  listComments(issue: number): Promise<ListedComment[]>;
}

export function createRepositoryReader(octokit: GitHubClient, fullName: string): RepositoryReader {
  const [owner = '', repo = ''] = fullName.split('/');
  // The gateway's reads of settings and incident files need no issue; 0 stands for none.
  const gateway = createIssueGateway({ octokit, repo: fullName, number: 0, caches: createGatewayCaches() });
  return {
    async checkRepository() {
      const { data } = await octokit.rest.repos.get({ owner, repo, request: { retries: 0 } });
      return data.full_name;
    },
    readConfig: () => gateway.readConfig(),
    readIncidentFiles: (dir, from) => gateway.readIncidentFiles(dir, from),
    async listIssues(query, onPage) {
      const issues: ListedIssue[] = [];
      let skippedPullRequests = 0;
      const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        state: query.state,
        ...(query.since ? { since: query.since } : {}),
        per_page: 100,
      });
      for await (const page of pages) {
        for (const item of page.data) {
          if (item.pull_request) {
            skippedPullRequests += 1;
            continue;
          }
          if (query.limit !== undefined && issues.length >= query.limit) break;
          issues.push({
            number: item.number,
            title: item.title,
            body: item.body ?? '',
            url: item.html_url,
            state: item.state,
            comments: item.comments,
          });
        }
        onPage?.(issues.length);
        if (query.limit !== undefined && issues.length >= query.limit) break;
      }
      return { issues, skippedPullRequests };
    },
    async listComments(issue) {
      const all = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issue,
        per_page: 100,
      });
      return all.map((c) => ({
        body: c.body ?? '',
        user: c.user ? { login: c.user.login, type: c.user.type } : null,
        url: c.html_url,
      }));
    },
  };
}
