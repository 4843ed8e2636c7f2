// The server as an operator runs it (`npm start`, in-process queue), in a child process against the local
// GitHub stand-in over HTTP: it refuses to start without what it needs, answers health, readiness and
// metrics, refuses oversized and forged requests before reading them, ignores a replayed body, and on
// SIGTERM finishes what it can in the grace period and names every delivery it could not finish.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from '../../src/demo/github-stand-in.js';
import { baseEnv, startAppProcess, waitFor, type AppProcess, type LogLine } from './support/app-process.js';
import { edited, labelsExist, MATCHING, NOT_MATCHING, opened, outcome, place } from './support/deliveries.js';
import { createCounts, tally } from './support/tally.js';

const { counts, add } = createCounts();
afterAll(() => tally('edge', counts));

let github: GitHubStandIn;
let app: AppProcess | undefined;

beforeEach(async () => {
  github = await startGitHubStandIn({ latencyMs: 5 });
});
afterEach(async () => {
  await app?.stop('SIGKILL');
  app = undefined;
  await github.close();
});

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** Streams `mb` megabytes to the webhook path without a signature; resolves with the status (or 'reset'). */
function postBig(url: string, mb: number, withLength: boolean): Promise<number | 'reset'> {
  return new Promise((resolve) => {
    const req = request(`${url}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issues',
        'x-github-delivery': 'big',
        'x-hub-signature-256': 'sha256=00',
        ...(withLength ? { 'content-length': String(mb * 1024 * 1024) } : {}),
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', () => resolve('reset'));
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = (): void => {
      while (sent < mb) {
        sent += 1;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the server process', () => {
  it.each([
    ['no webhook secret', { WEBHOOK_SECRET: '' }, /WEBHOOK_SECRET must be set/],
    [
      'a corrupt private key',
      { PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----' },
      /not a valid PEM private key/,
    ],
    ['no app id', { APP_ID: '' }, /APP_ID must be/],
  ])('refuses to start with %s, and says why', async (_name, override, message) => {
    await expect(startAppProcess({ ...baseEnv(github.url), ...override })).rejects.toThrow(message);
    add({ startRefusals: 1 });
  });

  it('answers /health, /ready and /metrics, and triages a signed delivery', async () => {
    app = await startAppProcess(baseEnv(github.url));
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    const ready = await fetch(`${app.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(await app.send('issues', opened(1))).toBe(200);
    // The comment reaches GitHub a moment before the job that wrote it ends: wait for both.
    const metricsNow = async (): Promise<string> => (await fetch(`${app!.url}/metrics`)).text();
    const done = async (): Promise<boolean> =>
      outcome(github, 1).labelled &&
      outcome(github, 1).comments === 1 &&
      !/crash_triage_queue_depth [1-9]/.test(await metricsNow()) &&
      /crash_triage_jobs_total\{/.test(await metricsNow());
    expect(await waitFor(done, 15_000)).toBe(true);
    const metrics = await metricsNow();
    expect(metrics).toMatch(/crash_triage_deliveries_total\{event="issues",outcome="accepted"\} 1/);
    expect(metrics).toMatch(/crash_triage_jobs_total\{outcome="done"\} 1/);
    expect(metrics).toMatch(/crash_triage_github_requests_total\{method="POST",status="201"\} [1-9]/);
    expect(metrics).toContain('crash_triage_queue_depth 0');
    expect(metrics).toContain('crash_triage_job_seconds_count 1');
  });

  it('refuses a 300 MB unsigned body before reading it, and stays up with its memory bounded', async () => {
    app = await startAppProcess(baseEnv(github.url));
    const before = rssMb(app.child.pid!);
    // The answer may come while the client still writes: it sees the 413, or the connection closed.
    expect(await postBig(app.url, 300, true)).toSatisfy((s: number | 'reset') => s === 413 || s === 'reset');
    // Without a Content-Length the body is read only up to GitHub's 25 MB cap, then refused.
    expect(await postBig(app.url, 300, false)).toSatisfy((s: number | 'reset') => s === 413 || s === 'reset');
    const alive = (await fetch(`${app.url}/health`)).status === 200;
    const growth = rssMb(app.child.pid!) - before;
    add({ oversized: 2, rssGrowthMbMax: growth, aliveAfter: alive ? 1 : 0 });
    expect(alive).toBe(true);
    expect(growth).toBeLessThan(150);
    // The log lines come through the child's stdout, which may be read after the answers arrived.
    const refused = (): LogLine[] => app!.logs.filter((l) => l.msg === 'webhook refused: body too large');
    await waitFor(() => refused().length >= 2, 5_000);
    const refusals = refused();
    expect(refusals).toHaveLength(2);
    expect(Math.max(...refusals.map((l) => JSON.stringify(l).length))).toBeLessThan(500);
  });

  it('logs a forged delivery as one short line, never its payload, and writes nothing', async () => {
    app = await startAppProcess(baseEnv(github.url));
    const body = JSON.stringify({ ...opened(2), padding: 'x'.repeat(1_000_000) });
    const res = await fetch(`${app.url}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'x-github-event': 'issues',
        'x-github-delivery': 'forged-1',
        'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
      },
      body,
    });
    expect(res.status).toBe(401);
    // The log line comes through the child's stdout, which may be read after the answer arrives.
    await waitFor(() => app!.logs.some((l) => l.id === 'forged-1'), 5_000);
    await new Promise((r) => setTimeout(r, 200));
    const lines = app.logs.filter((l) => l.id === 'forged-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'webhook refused: signature does not match', size: body.length });
    const writes = github.requests.filter((r) => r.method !== 'GET');
    add({ forged: 1, forgedWrites: writes.length, forgedLogCharsMax: JSON.stringify(lines[0]).length });
    expect(JSON.stringify(lines[0]).length).toBeLessThan(500);
    expect(writes).toEqual([]);
  });

  it('ignores a captured signed body resent under a new delivery id', async () => {
    app = await startAppProcess(baseEnv(github.url));
    github.setPermission(place(3).repo, 'maintainer', 'maintain');
    const { repository, installation } = place(3);
    const command = (body: string, id: number) => {
      // GitHub stores the comment before it sends the event (the app reacts to it).
      if (!github.comments(place(3).repo, 1).some((c) => c.id === id))
        github.addComment(place(3).repo, 1, { id, body, login: 'maintainer' });
      return commandPayload(body, id);
    };
    const commandPayload = (body: string, id: number) => ({
      action: 'created',
      issue: {
        number: 1,
        title: MATCHING.title,
        body: MATCHING.body,
        comments: 1,
        labels: [],
        created_at: '2025-01-01T00:00:00Z',
      },
      comment: { id, body, user: { login: 'maintainer', type: 'User' } },
      repository,
      installation,
      sender: { login: 'maintainer', type: 'User' },
    });
    const as = command('/triage as puma-m4-sptm-yjit', 11);
    expect(await app.send('issue_comment', as, 'as-1')).toBe(200);
    await waitFor(() => outcome(github, 3).labelled, 15_000);
    expect(await app.send('issue_comment', command('/triage dismiss', 12), 'dismiss-1')).toBe(200);
    await waitFor(() => !outcome(github, 3).anyLabel, 15_000);
    // The old `/triage as`, captured and sent again under a new id: acknowledged, ignored.
    expect(await app.send('issue_comment', as, 'as-replayed')).toBe(200);
    await new Promise((r) => setTimeout(r, 1_500));
    add({ replays: 1, replayWrites: outcome(github, 3).anyLabel ? 1 : 0 });
    expect(outcome(github, 3).anyLabel).toBe(false);
    expect(github.appComments(place(3).repo, 1)[0]!.body).toMatch(/state=dismissed/);
    expect(app.logs.some((l) => l.id === 'as-replayed' && /replay|same signed body/.test(l.msg))).toBe(true);
  });

  it('an edit skipped by on_edit: false does not silence the issue (opened, then edited)', async () => {
    github.setFile(place(4).repo, '.github/crash-triage.yml', 'on_edit: false\n');
    app = await startAppProcess(baseEnv(github.url));
    // The edit arrives first (GitHub does not promise order), the opening right after.
    expect(await app.send('issues', edited(4, 1, MATCHING, NOT_MATCHING.body))).toBe(200);
    expect(await app.send('issues', opened(4, 1))).toBe(200);
    await waitFor(() => outcome(github, 4).comments === 1 && outcome(github, 4).labelled, 15_000);
    add({ onEditComments: outcome(github, 4).comments });
    expect(outcome(github, 4)).toEqual({ comments: 1, labelled: true, anyLabel: true });
  });

  it('on SIGTERM finishes running jobs within the grace period and logs every delivery it could not finish', async () => {
    const github2 = github;
    app = await startAppProcess(
      baseEnv(github2.url, { CRASH_TRIAGE_SHUTDOWN_SECONDS: '3', CRASH_TRIAGE_MAX_JOBS: '4' }),
    );
    labelsExist(github2, 100, 150);
    const ids: string[] = [];
    for (let i = 100; i < 150; i++) {
      const id = `burst-${i}`;
      ids.push(id);
      expect(await app.send('issues', opened(i), id)).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    const code = await app.stop('SIGTERM');
    const unfinished = app.logs.filter((l) => l.msg.startsWith('job not finished before shutdown'));
    const unfinishedIds = new Set(unfinished.map((l) => String(l.id)));
    let complete = 0;
    let withoutLabels = 0;
    let unaccounted = 0;
    for (let i = 100; i < 150; i++) {
      const o = outcome(github2, i);
      if (o.comments > 0 && !o.labelled) withoutLabels += 1;
      if (o.comments === 1) complete += 1;
      else if (!unfinishedIds.has(`burst-${i}`)) unaccounted += 1;
    }
    add({
      sigtermDeliveries: 50,
      sigtermFinished: complete,
      sigtermLogged: unfinishedIds.size,
      sigtermUnaccounted: unaccounted,
      commentWithoutLabels: withoutLabels,
    });
    // Never a comment without its labels; every delivery either finished or named for redelivery.
    expect(withoutLabels).toBe(0);
    expect(unaccounted).toBe(0);
    expect(unfinished.every((l) => typeof l.issue === 'string' && ids.includes(String(l.id)))).toBe(true);
    expect(code).toBe(unfinished.length > 0 ? 1 : 0);
  });
});
