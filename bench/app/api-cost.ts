// Part 4: GitHub API requests per delivery, by kind of event, with cold and warm caches, counted at the
// stand-in. The app runs in this process with its queue passed in, so each event is counted after its
// job has finished (queue.onIdle). Throttling is off here: it delays requests, it never adds or removes
// one (the load runs, throttled, give the same requests per delivery).
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, ProbotOctokit, type Logger } from 'probot';
import { startGitHubStandIn } from '../../src/demo/github-stand-in.js';
import { sendWebhook } from '../../src/demo/webhooks.js';
import { createApp } from '../../src/index.js';
import { createInProcessQueue } from '../../src/queue/in-process-queue.js';
import type { TriageJob } from '../../src/handlers/triage-job.js';
import type { ApiCostRow } from './app-types.js';
import { describeRequests } from './describe-requests.js';
import {
  commentCreatedPayload,
  issueEditedPayload,
  issueOpenedPayload,
  SECRET,
  WEBHOOK_PATH,
} from './payloads.js';
import type { ReportPool } from './report-pool.js';
import { ownCatalogFiles } from './own-catalog.js';

/** A pino-shaped logger that keeps warnings and errors (the app must log none here). */
function quietLogger(problems: string[]): Logger {
  const keep = (a?: unknown, b?: unknown) => void problems.push(typeof b === 'string' ? b : String(a));
  const log = {
    level: 'warn',
    trace() {},
    debug() {},
    info() {},
    warn: keep,
    error: keep,
    fatal: keep,
    silent() {},
    child: () => log,
  };
  return log as unknown as Logger;
}

export async function measureApiCost(pool: ReportPool): Promise<{ rows: ApiCostRow[]; problems: string[] }> {
  const github = await startGitHubStandIn();
  const problems: string[] = [];
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    baseUrl: github.url,
    log: quietLogger(problems),
    Octokit: ProbotOctokit.defaults({ throttle: { enabled: false } }),
  });
  const queue = createInProcessQueue<TriageJob>();
  // The stand-in and the app share this process's clock, so the margin for clock skew is not needed: the
  // counts are those of an app that has run longer than the margin (5 minutes by default).
  const app = createApp({ queue, settings: { clockSkewSeconds: 0 } });
  const middleware = await createNodeMiddleware(app, { probot });
  const server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${WEBHOOK_PATH}`;

  const rows: ApiCostRow[] = [];
  const step = async (
    event: string,
    cache: 'cold' | 'warm',
    name: string,
    payload: object,
  ): Promise<void> => {
    const before = github.requests.length;
    const status = await sendWebhook({ url, secret: SECRET, event: name, payload });
    await queue.onIdle();
    const reqs = github.requests.slice(before);
    if (status >= 300) problems.push(`${event}: HTTP ${status}`);
    rows.push({
      event,
      cache,
      requests: reqs.length,
      counted: reqs.filter((r) => r.status !== 304).length,
      writes: reqs.filter((r) => r.method !== 'GET').length,
      detail: describeRequests(reqs),
    });
  };

  const matching = pool.matching[0]!.input;
  const matching2 = pool.matching[1 % pool.matching.length]!.input;
  const other = pool.other[0]!.input;
  const other2 = pool.other[1 % pool.other.length]!.input;
  const issue = (
    repo: string,
    installationId: number,
    number: number,
    input: { title: string; body: string },
  ) => ({ repo, number, installationId, title: input.title, body: input.body });
  let commentId = 5000;
  const command = (
    repo: string,
    inst: number,
    n: number,
    input: { title: string; body: string },
    body: string,
    login = 'maintainer',
  ) => {
    // GitHub stores the comment before it sends the event (the app reacts to it).
    const { id } = github.addComment(repo, n, { id: commentId++, body, login });
    return commentCreatedPayload(issue(repo, inst, n, input), { id, body, login });
  };

  try {
    // A repository with no settings file and no incident folder (most installations).
    const a = 'acme/widgets';
    github.setPermission(a, 'maintainer', 'maintain');
    await step('issues.opened, matching', 'cold', 'issues', issueOpenedPayload(issue(a, 11, 1, matching)));
    await step('issues.opened, matching', 'warm', 'issues', issueOpenedPayload(issue(a, 11, 2, matching2)));
    await step(
      'issues.opened, matching, issue older than the process (a redelivery after a restart)',
      'warm',
      'issues',
      issueOpenedPayload(issue(a, 11, 5, matching2), new Date(Date.now() - 3_600_000)),
    );
    await step('issues.opened, not matching', 'warm', 'issues', issueOpenedPayload(issue(a, 11, 3, other)));
    await step(
      'issues.edited, body now matches (new comment)',
      'warm',
      'issues',
      issueEditedPayload(issue(a, 11, 3, matching), other.body),
    );
    await step(
      'issues.edited, body changed, same incident',
      'warm',
      'issues',
      issueEditedPayload(
        issue(a, 11, 1, { title: matching.title, body: `${matching.body}\n\nedit: still happens` }),
        matching.body,
      ),
    );
    await step('issues.edited, title only', 'warm', 'issues', {
      ...issueEditedPayload(issue(a, 11, 1, matching), matching.body),
      changes: { title: { from: 'old' } },
    });
    await step('issues.opened, not matching', 'warm', 'issues', issueOpenedPayload(issue(a, 11, 4, other2)));
    await step(
      '/triage (no match: lists candidates)',
      'warm',
      'issue_comment',
      command(a, 11, 4, other2, '/triage'),
    );
    await step('/triage explain', 'warm', 'issue_comment', command(a, 11, 2, matching2, '/triage explain'));
    const firstId = pool.index.incidents[0]?.id ?? 'unknown';
    await step(
      `/triage as <id>`,
      'warm',
      'issue_comment',
      command(a, 11, 4, other2, `/triage as ${firstId}`),
    );
    await step('/triage dismiss', 'warm', 'issue_comment', command(a, 11, 2, matching2, '/triage dismiss'));
    await step('/triage help', 'warm', 'issue_comment', command(a, 11, 2, matching2, '/triage help'));
    await step(
      '/triage explain by a user without permission',
      'warm',
      'issue_comment',
      command(a, 11, 2, matching2, '/triage explain', 'stranger'),
    );
    await step(
      'comment without a command',
      'warm',
      'issue_comment',
      command(a, 11, 2, matching2, 'Same here on 15.1'),
    );

    // A second installation: the cold cost of a non-matching issue, then warm.
    const b = 'acme/gadgets';
    await step('issues.opened, not matching', 'cold', 'issues', issueOpenedPayload(issue(b, 12, 1, other)));
    await step('issues.opened, not matching', 'warm', 'issues', issueOpenedPayload(issue(b, 12, 2, other2)));

    // A repository with settings and three incident files of its own.
    const c = 'acme/own-incidents';
    github.setFile(c, '.github/crash-triage.yml', 'min_confidence: 0.8\nlabel_prefix: "crash:"\n');
    const files = ownCatalogFiles(3);
    for (const f of files) github.setFile(c, `.github/crash-signatures/${f.name}`, f.text);
    await step(
      'issues.opened, not matching, 3 own incident files',
      'cold',
      'issues',
      issueOpenedPayload(issue(c, 13, 1, other)),
    );
    await step(
      'issues.opened, not matching, 3 own incident files',
      'warm',
      'issues',
      issueOpenedPayload(issue(c, 13, 2, other2)),
    );
    github.setFile(c, `.github/crash-signatures/${files[0]!.name}`, `${files[0]!.text}\n# edited\n`);
    await step(
      'issues.opened, not matching, 1 of 3 files changed',
      'warm',
      'issues',
      issueOpenedPayload(issue(c, 13, 3, other)),
    );
    await step(
      'issues.opened, matching, 3 own incident files',
      'warm',
      'issues',
      issueOpenedPayload(issue(c, 13, 4, matching)),
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await github.close();
  }
  return { rows, problems };
}
