// The stand-in's routes for issues: the repository's issue listing (pull requests mixed in, as GitHub
// lists them; filtered by state and `since`, sorted, paginated, with ETags), one issue, its comments
// (paginated), labels and reactions. A deleted issue answers 404 and one in a repository with issues
// turned off 410; a locked issue refuses the app's comment with GitHub's 403.
import {
  conditional,
  json,
  notFound,
  paginate,
  type Reply,
  type Route,
  type RouteRequest,
} from './stand-in-reply.js';
import { REPO } from './routes-repository.js';
import { repoExists, type StandInState, type StoredComment, type StoredIssue } from './stand-in-state.js';

export function issueRoutes(state: StandInState): Route[] {
  const repo = (name: string | undefined) => state.repo(name!);
  /** The issue's route, or its 404/410 when it is gone. */
  const onIssue =
    (handle: (issue: StoredIssue, m: string[], req: RouteRequest) => Reply) =>
    (m: string[], req: RouteRequest): Reply => {
      const issue = state.issue(repo(m[0]), Number(m[1]));
      if (issue.gone === 'deleted') return notFound();
      if (issue.gone === 'disabled') return json(410, { message: 'Issues are disabled for this repo' });
      return handle(issue, m, req);
    };
  const labelList = (issue: StoredIssue) => issue.labels.map((name) => ({ name }));

  return [
    ['GET', new RegExp(`^/repos/${REPO}/issues$`), ([r], req) => listIssues(state, r!, req)],
    // Every comment of the repository's issues, oldest first (GitHub's default sort), paginated.
    ['GET', new RegExp(`^/repos/${REPO}/issues/comments$`), ([r], req) => listRepoComments(state, r!, req)],
    [
      'GET',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)$`),
      onIssue((issue, [r], req) => json(200, issueJson(issue, r!, req))),
    ],
    [
      'GET',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)/comments$`),
      onIssue((issue, [r], req) => {
        const { page, headers } = paginate(req, issue.comments);
        return conditional(req, {
          ...json(
            200,
            page.map((c) => commentJson(c, r!, issue, req)),
          ),
          headers,
        });
      }),
    ],
    [
      'POST',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)/comments$`),
      onIssue((issue, [r], req) => {
        if (issue.locked) return json(403, { message: 'Unable to create comment because issue is locked.' });
        const comment = state.addComment(issue, { body: (req.body as { body: string }).body, bot: true });
        return json(201, commentJson(comment, r!, issue, req));
      }),
    ],
    [
      'PATCH',
      new RegExp(`^/repos/${REPO}/issues/comments/(\\d+)$`),
      ([r, id], req) => {
        const found = findComment(repo(r).issues.values(), Number(id));
        if (!found) return notFound();
        found.comment.body = (req.body as { body: string }).body;
        found.comment.updatedAt = new Date().toISOString();
        return json(200, commentJson(found.comment, r!, found.issue, req));
      },
    ],
    [
      'POST',
      new RegExp(`^/repos/${REPO}/issues/comments/(\\d+)/reactions$`),
      ([r, id], req) => {
        const found = findComment(repo(r).issues.values(), Number(id));
        if (!found) return notFound();
        found.issue.reactions += 1;
        return json(201, { id: state.nextId(), content: (req.body as { content: string }).content });
      },
    ],
    [
      'POST',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)/labels$`),
      onIssue((issue, [r], req) => {
        const labelled = repo(r);
        for (const name of (req.body as { labels: string[] }).labels) {
          // Like GitHub: adding a label the repository lacks creates it (grey, no description).
          if (!labelled.labels.has(name.toLowerCase()))
            labelled.labels.set(name.toLowerCase(), { name, color: 'ededed', description: '' });
          if (!issue.labels.includes(name)) issue.labels.push(name);
        }
        return json(200, labelList(issue));
      }),
    ],
    [
      'GET',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)/labels$`),
      onIssue((issue) => json(200, labelList(issue))),
    ],
    [
      'DELETE',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)/labels/(.+)$`),
      onIssue((issue, [, , name]) => {
        if (!issue.labels.includes(name!)) return json(404, { message: 'Label does not exist' });
        issue.labels = issue.labels.filter((l) => l !== name);
        return json(200, labelList(issue));
      }),
    ],
  ];
}

/** `GET /repos/{o}/{r}/issues`: `state` (open, closed, all), `since`, `sort` (created, updated), `direction`. */
function listIssues(state: StandInState, name: string, req: RouteRequest): Reply {
  const found = state.findRepo(name);
  if (!repoExists(found)) return notFound();
  const wanted = req.query.get('state') ?? 'open';
  const since = req.query.get('since');
  const sort = req.query.get('sort') === 'updated' ? 'updatedAt' : 'createdAt';
  const sign = req.query.get('direction') === 'asc' ? 1 : -1;
  const issues = [...found.issues.values()]
    .filter((i) => i.gone === null && (wanted === 'all' || i.state === wanted))
    .filter((i) => !since || i.updatedAt >= new Date(since).toISOString())
    .sort((a, b) => sign * (a[sort].localeCompare(b[sort]) || a.number - b.number));
  const { page, headers } = paginate(req, issues);
  return conditional(req, {
    ...json(
      200,
      page.map((i) => issueJson(i, name, req)),
    ),
    headers,
  });
}

/** `GET /repos/{o}/{r}/issues/comments`: every issue's comments, by creation time. */
function listRepoComments(state: StandInState, name: string, req: RouteRequest): Reply {
  const found = state.findRepo(name);
  if (!repoExists(found)) return notFound();
  const all = [...found.issues.values()]
    .filter((i) => i.gone === null)
    .flatMap((issue) => issue.comments.map((c) => ({ c, issue })))
    .sort((a, b) => a.c.createdAt.localeCompare(b.c.createdAt) || a.c.id - b.c.id);
  const { page, headers } = paginate(req, all);
  return conditional(req, {
    ...json(
      200,
      page.map(({ c, issue }) => commentJson(c, name, issue, req)),
    ),
    headers,
  });
}

function issueJson(issue: StoredIssue, repo: string, req: RouteRequest) {
  const html = `${req.origin}/${repo}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}`;
  return {
    id: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.stateReason,
    locked: issue.locked,
    user: { login: issue.author, type: 'User' },
    labels: issue.labels.map((name) => ({ name })),
    comments: issue.comments.length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    html_url: html,
    ...(issue.pullRequest ? { pull_request: { html_url: html } } : {}),
  };
}

function commentJson(c: StoredComment, repo: string, issue: StoredIssue, req: RouteRequest) {
  return {
    id: c.id,
    body: c.body,
    user: c.user,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    html_url: `${req.origin}/${repo}/issues/${issue.number}#issuecomment-${c.id}`,
    issue_url: `${req.origin}/repos/${repo}/issues/${issue.number}`,
  };
}

function findComment(
  issues: Iterable<StoredIssue>,
  id: number,
): { issue: StoredIssue; comment: StoredComment } | undefined {
  for (const issue of issues) {
    const comment = issue.comments.find((c) => c.id === id);
    if (comment) return { issue, comment };
  }
  return undefined;
}
