// The app against the GitHub stand-in (the demo's and the benchmark's API): real HTTP on both sides. A
// repository with its own settings and incident file: a match gets its comment and labels, a warm
// non-matching issue costs only 304s, a maintainer's dismiss is obeyed, a stranger's is not.
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
    await send(
      'issue_comment',
      commentCreated(issue, { id: 12, body: '/triage dismiss', login: 'maintainer' }),
    );
    await app.queue.onIdle();
    expect(github.issueLabels(REPO, 1)).toEqual([]);
    expect(github.comments(REPO, 1)).toHaveLength(1);
    expect(github.comments(REPO, 1)[0]!.body).toMatch(
      /^<!-- crash-triage:v1 state=dismissed incident=rocket-igniter-flameout -->/,
    );
  });
});
