// The GitHub stand-in (the one fake GitHub of the demo, the tests and the benchmark) over real HTTP: its
// issue listing (filters, pagination with Link, pull requests mixed in, ETags), repositories that do not
// exist or are forbidden, rate limits, injected faults; then the app against it: a repository with its
// own settings and incident file: a match gets its comment and labels, a warm non-matching issue costs
// only 304s, a maintainer's dismiss is obeyed, a stranger's is not.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from '../../src/demo/github-stand-in.js';
import { startLocalApp, type LocalApp } from '../../src/demo/start-local-app.js';
import { issueOpenedPayload, sendWebhook } from '../../src/demo/webhooks.js';
import { commentCreated } from '../fixtures/app/payloads.js';
import { report } from './github-mocks.js';

const REPO = 'acme/rocket';
let github: GitHubStandIn;
let app: LocalApp;

afterEach(async () => {
  await app?.close();
  await github?.close();
});

const since = (n: number) => github.requests.slice(n).map((r) => `${r.status} ${r.method} ${r.path}`);

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${github.url}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, data: text ? (JSON.parse(text) as unknown) : null };
};
const numbers = (data: unknown) => (data as { number: number }[]).map((i) => i.number);

describe('the GitHub stand-in', () => {
  async function seeded() {
    github = await startGitHubStandIn();
    // 1-5 open issues, 6-7 closed, 8 an open pull request; updated a day apart from 2025-01-01.
    github.addIssues(REPO, 8, (i) => ({
      title: `issue ${i + 1}`,
      state: i >= 5 && i < 7 ? 'closed' : 'open',
      pullRequest: i === 7,
      createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
    }));
  }

  it.each([
    ['', [8, 5, 4, 3, 2, 1]],
    ['?state=closed', [7, 6]],
    ['?state=all&direction=asc', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['?state=all&since=2025-01-06T00:00:00Z', [8, 7, 6]],
    ['?state=all&per_page=3&page=3', [2, 1]],
  ])('lists issues%s', async (query, expected) => {
    await seeded();
    expect(numbers((await get(`/repos/${REPO}/issues${query}`)).data)).toEqual(expected);
  });

  it('paginates with a Link header, marks pull requests, and answers 304 to a known ETag', async () => {
    await seeded();
    const first = await get(`/repos/${REPO}/issues?state=all&per_page=3`);
    const link = first.headers.get('link')!;
    expect(link).toContain(`${github.url}/repos/${REPO}/issues?state=all&per_page=3&page=2>; rel="next"`);
    expect(link).toContain('page=3>; rel="last"');
    const last = await get(`/repos/${REPO}/issues?state=all&per_page=3&page=3`);
    expect(last.headers.get('link')).toContain('rel="prev"');
    expect(last.headers.get('link')).not.toContain('rel="next"');
    const [pr] = first.data as { number: number; pull_request?: object }[];
    expect(pr).toMatchObject({ number: 8, pull_request: expect.any(Object) });
    const again = await get(`/repos/${REPO}/issues?state=all&per_page=3`, {
      'if-none-match': first.headers.get('etag')!,
    });
    expect(again.status).toBe(304);
    github.addComment(REPO, 8, { body: 'new' });
    const changed = await get(`/repos/${REPO}/issues?state=all&per_page=3`, {
      'if-none-match': first.headers.get('etag')!,
    });
    expect(changed.status).toBe(200);
  });

  it('answers 404 for an unknown repository, 403 where forbidden, and GHES paths under /api/v3', async () => {
    await seeded();
    expect((await get(`/repos/${REPO}`)).data).toMatchObject({ full_name: REPO, default_branch: 'main' });
    expect((await get('/api/v3/repos/acme/rocket')).status).toBe(200);
    expect((await get('/repos/acme/nothing-here')).status).toBe(404);
    expect((await get('/repos/acme/nothing-here/issues')).status).toBe(404);
    github.forbid(/^\/repos\/acme\/rocket$/);
    expect((await get(`/repos/${REPO}`)).status).toBe(403);
  });

  it('counts requests against a rate limit (304s free) and refuses with 403 once it is spent', async () => {
    await seeded();
    github.setRateLimit({ remaining: 2, limit: 60 });
    const first = await get(`/repos/${REPO}/issues`);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    const cached = await get(`/repos/${REPO}/issues`, { 'if-none-match': first.headers.get('etag')! });
    expect([cached.status, cached.headers.get('x-ratelimit-remaining')]).toEqual([304, '1']);
    expect((await get(`/repos/${REPO}/issues`)).status).toBe(200);
    const refused = await get(`/repos/${REPO}/issues`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.data).toMatchObject({ message: expect.stringContaining('rate limit exceeded') });
  });

  it('injects faults per route: status and headers, times, a dropped connection, a write kept before a 502', async () => {
    await seeded();
    github.inject({
      method: 'GET',
      path: /\/issues$/,
      status: 503,
      times: 2,
      headers: { 'retry-after': '1' },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(`/repos/${REPO}/issues`)).status);
    expect(statuses).toEqual([503, 503, 200]);
    github.inject({ method: 'GET', path: /\/issues\/1$/, error: 'ECONNRESET' });
    await expect(get(`/repos/${REPO}/issues/1`)).rejects.toThrow();
    github.inject({ method: 'POST', path: /\/issues\/2\/comments$/, status: 502, commit: true });
    const post = await fetch(`${github.url}/repos/${REPO}/issues/2/comments`, {
      method: 'POST',
      headers: { authorization: 'token t0' },
      body: JSON.stringify({ body: 'kept' }),
    });
    expect(post.status).toBe(502);
    expect(github.comments(REPO, 2).map((c) => c.body)).toEqual(['kept']);
    expect(github.requests.map((r) => r.status)).toEqual([503, 503, 200, 'error', 502]);
    expect(github.requests.at(-1)).toMatchObject({ authorization: 'token t0', body: { body: 'kept' } });
  });

  it('a locked issue refuses comments; a deleted one is 404, issues turned off 410', async () => {
    await seeded();
    github.issue(REPO, 1).locked = true;
    github.issue(REPO, 2).gone = 'deleted';
    github.issue(REPO, 3).gone = 'disabled';
    const post = (n: number) =>
      fetch(`${github.url}/repos/${REPO}/issues/${n}/comments`, { method: 'POST', body: '{"body":"x"}' });
    expect([(await post(1)).status, (await post(2)).status, (await post(3)).status]).toEqual([403, 404, 410]);
    expect(numbers((await get(`/repos/${REPO}/issues`)).data)).toEqual([8, 5, 4, 1]);
  });
});

describe('the app against the GitHub stand-in', () => {
  it('matches a repository incident, then spends only 304s, and obeys maintainers only', async () => {
    github = await startGitHubStandIn();
    github.setFile(REPO, '.github/crash-triage.yml', 'extra_labels: [triaged]\n');
    const incident = readFileSync(
      new URL('../fixtures/app/incidents/rocket-flameout.yml', import.meta.url),
      'utf8',
    );
    github.setFile(REPO, '.github/crash-signatures/rocket-flameout.yml', incident);
    github.setPermission(REPO, 'maintainer', 'triage');
    app = await startLocalApp({ baseUrl: github.url });
    const send = (event: string, payload: unknown) =>
      sendWebhook({ url: app.webhookUrl, secret: app.secret, event, payload });

    const rocket = { repo: REPO, number: 1, title: 'Igniter crash', body: report('rocket-flameout.md') };
    expect(await send('issues', issueOpenedPayload(rocket))).toBe(200);
    await app.queue.onIdle();
    expect(github.comments(REPO, 1)).toHaveLength(1);
    expect(github.comments(REPO, 1)[0]!.body).toMatch(
      /^<!-- crash-triage:v1 state=matched incident=rocket-igniter-flameout -->/,
    );
    expect(github.issueLabels(REPO, 1)).toEqual(['crash', 'area: igniter', 'triaged']);
    expect(github.state.repo(REPO).labels.get('area: igniter')).toEqual(
      expect.objectContaining({ description: expect.stringContaining('crash-triage') }),
    );

    const before = github.requests.length;
    await send(
      'issues',
      issueOpenedPayload({
        repo: REPO,
        number: 2,
        title: 'Segfault',
        body: report('node-sharp-segfault.md'),
      }),
    );
    await app.queue.onIdle();
    expect(since(before)).toEqual([
      '304 GET /repos/acme/rocket/contents/.github/crash-triage.yml',
      '304 GET /repos/acme/rocket/contents/.github/crash-signatures',
    ]);

    const stranger = commentCreated(rocket, { id: 11, body: '/triage dismiss', login: 'stranger' });
    await send('issue_comment', stranger);
    await app.queue.onIdle();
    expect(github.issueLabels(REPO, 1)).toHaveLength(3);

    const issue = { ...rocket, labels: github.issueLabels(REPO, 1), comments: 1 };
    // GitHub stores the comment before it sends the event (the app reacts to it).
    github.addComment(REPO, 1, { id: 12, body: '/triage dismiss', login: 'maintainer' });
    await send(
      'issue_comment',
      commentCreated(issue, { id: 12, body: '/triage dismiss', login: 'maintainer' }),
    );
    await app.queue.onIdle();
    expect(github.issueLabels(REPO, 1)).toEqual([]);
    expect(github.appComments(REPO, 1)).toHaveLength(1);
    expect(github.appComments(REPO, 1)[0]!.body).toMatch(
      /^<!-- crash-triage:v1 state=dismissed incident=rocket-igniter-flameout -->/,
    );
  });
});
