// What `crash-triage learn` reads from GitHub: the app's own comments across the repository (one
// paginated listing of every issue comment, kept when a bot wrote it with the app's marker; the latest
// per issue), then the issues they are on (title, body, state and why it was closed).
import type { GitHubClient } from '../github/github-client.js';
import { readMarker, type MarkerData } from '../render/comment-marker.js';

/** An issue the app commented on, with what its comment says now. */
export interface AppVerdict {
  number: number;
  title: string;
  body: string;
  url: string;
  state: 'open' | 'closed';
  /** GitHub's `state_reason`: `completed`, `not_planned`, `reopened`, or null. */
  stateReason: string | null;
  marker: MarkerData;
}

export interface ReadVerdictsParams {
  octokit: GitHubClient;
  /** `owner/name`. */
  repo: string;
  onProgress?: (phase: string, done: number, total?: number) => void;
}

// The issue number at the end of a comment's `issue_url`.
const ISSUE_NUMBER = /\/issues\/(\d+)$/;

export async function readAppVerdicts(p: ReadVerdictsParams): Promise<AppVerdict[]> {
  const [owner = '', repo = ''] = p.repo.split('/');
  // 1. every comment of the repository (oldest first): the app's latest marker per issue wins
  const markers = new Map<number, MarkerData>();
  let seen = 0;
  const comments = p.octokit.paginate.iterator(p.octokit.rest.issues.listCommentsForRepo, {
    owner,
    repo,
    per_page: 100,
  });
  for await (const page of comments) {
    for (const c of page.data) {
      const marker = c.user?.type === 'Bot' ? readMarker(c.body) : null;
      const number = Number(ISSUE_NUMBER.exec(c.issue_url)?.[1]);
      if (marker && Number.isInteger(number)) markers.set(number, marker);
    }
    seen += page.data.length;
    p.onProgress?.('comments', seen);
  }
  if (markers.size === 0) return [];

  // 2. the issues, every page (closed ones too: how an issue was closed is evidence)
  const verdicts: AppVerdict[] = [];
  const issues = p.octokit.paginate.iterator(p.octokit.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'all',
    per_page: 100,
  });
  for await (const page of issues) {
    for (const issue of page.data) {
      const marker = markers.get(issue.number);
      if (!marker || issue.pull_request) continue;
      verdicts.push({
        number: issue.number,
        title: issue.title,
        body: issue.body ?? '',
        url: issue.html_url,
        state: issue.state === 'closed' ? 'closed' : 'open',
        stateReason: issue.state_reason ?? null,
        marker,
      });
    }
    p.onProgress?.('issues', verdicts.length, markers.size);
  }
  return verdicts.sort((a, b) => a.number - b.number);
}
