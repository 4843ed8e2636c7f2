// Security of the running app: forged or replayed webhooks are refused before anything runs; slash
// commands count only from people the API says have triage, write, maintain or admin access (whatever
// the payload claims); no secret reaches a log line or a comment; every API route used is covered by
// app.yml's permissions (see support/app-permissions.ts, checked for every test on the GitHub stand-in's record);
// and `npm audit --omit=dev` is run and its high and critical counts reported (not failed on).
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { sign } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { commentCreated, FULL_NAME, issueOpened, MATCHING, NOT_MATCHING } from './support/app-events.js';
import type { GitHubStandIn } from '../../src/demo/github-stand-in.js';
import { deliveryId, type ReliableApp } from './support/reliable-app.js';
import { INSTALLATION_TOKEN, PRIVATE_KEY, SECRET, secretsIn } from './support/secrets.js';
import { appSession } from './support/app-session.js';
import { commentBodies } from './support/stand-in-checks.js';
import { tally } from './support/tally.js';

const counts = { forged: 0, writes: 0 };
const session = appSession('security', counts);
const start = (): Promise<ReliableApp> => session.start();

const BODY = JSON.stringify(issueOpened({ number: 1, ...MATCHING }));
const headers = (signature: string | null, extra: Record<string, string> = {}): Record<string, string> => ({
  'content-type': 'application/json',
  'x-github-event': 'issues',
  'x-github-delivery': deliveryId(),
  ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
  ...extra,
});

describe('webhook signatures', () => {
  const FORGED: [string, () => Promise<[Record<string, string>, string]>][] = [
    ['no signature', async () => [headers(null), BODY]],
    ['an empty signature', async () => [headers(''), BODY]],
    ['signed with another secret', async () => [headers(await sign('not-the-secret', BODY)), BODY]],
    [
      'a captured signature replayed with an altered body',
      async () => [headers(await sign(SECRET, BODY)), BODY.replace('Mac reboots', 'Mac reboots @octocat')],
    ],
    [
      'a signature of the body plus a trailing newline',
      async () => [headers(await sign(SECRET, BODY)), `${BODY}\n`],
    ],
    ['a truncated signature', async () => [headers((await sign(SECRET, BODY)).slice(0, 40)), BODY]],
    [
      'only the legacy SHA-1 signature',
      async () => [
        headers(null, { 'x-hub-signature': `sha1=${createHmac('sha1', SECRET).update(BODY).digest('hex')}` }),
        BODY,
      ],
    ],
    [
      'the SHA-256 digest under a sha1= prefix',
      async () => [headers((await sign(SECRET, BODY)).replace('sha256=', 'sha1=')), BODY],
    ],
  ];

  it.each(FORGED)('%s → 400/401, nothing run, nothing written', async (_name, build) => {
    const running = await start();
    const [h, body] = await build();
    counts.forged += 1;
    const status = await running.post(h, body);
    await running.idle();
    counts.writes += session.gh.writes().length;
    expect([400, 401]).toContain(status);
    // Not even the token exchange: nothing past the signature check ran.
    expect(session.gh.requests).toEqual([]);
  });

  it('an identical replay of a delivery is acknowledged and writes nothing more', async () => {
    const running = await start();
    const id = deliveryId();
    const payload = issueOpened({ number: 2, ...MATCHING });
    await running.send('issues', payload, { id });
    await running.idle();
    const before = session.gh.writes().length;
    expect(before).toBeGreaterThan(0);
    counts.forged += 1;
    const replay = await running.send('issues', payload, { id });
    await running.idle();
    counts.writes += session.gh.writes().length - before;
    expect(replay.status).toBe(200);
    expect(session.gh.writes().length).toBe(before);
  });
});

describe('slash commands obey the repository permission the API reports', () => {
  /** A command comment by `login`, stored on the issue as GitHub would have it. */
  function command(n: number, login: string, body = '/triage dismiss', extra: object = {}): object {
    const id = 7000 + n;
    session.gh.addComment(FULL_NAME, n, { id, body, login });
    const payload = commentCreated({ number: n, ...MATCHING }, { id, body, login }) as { comment: object };
    return { ...payload, comment: { ...payload.comment, ...extra } };
  }

  const REFUSED: [string, (fake: GitHubStandIn) => void, object?][] = [
    ['read access', (f) => f.setPermission(FULL_NAME, 'mallory', 'read')],
    ['no access at all (not a collaborator: 404)', () => {}],
    ['a custom role built on read', (f) => f.setPermission(FULL_NAME, 'mallory', 'reviewer', 'read')],
    ['the role "none"', (f) => f.setPermission(FULL_NAME, 'mallory', 'none')],
    [
      'a payload claiming OWNER while the API says read',
      (f) => f.setPermission(FULL_NAME, 'mallory', 'read'),
      { author_association: 'OWNER' },
    ],
    [
      'a permission check that keeps failing (fails closed)',
      (f) => void f.inject({ method: 'GET', path: /\/permission$/, status: 502, times: 100 }),
    ],
  ];

  it.each(REFUSED)('refused for %s: nothing written', async (_name, setup, extra) => {
    const running = await start();
    setup(session.gh);
    counts.forged += 1;
    const { status } = await running.send('issue_comment', command(10, 'mallory', '/triage dismiss', extra));
    await running.idle();
    counts.writes += session.gh.writes().length;
    expect(status).toBe(200);
    expect(session.gh.writes()).toEqual([]);
    expect(session.gh.requests.some((r) => r.path.endsWith('/collaborators/mallory/permission'))).toBe(true);
  });

  it('a command written in an issue body is not a command', async () => {
    const running = await start();
    counts.forged += 1;
    const body = `${NOT_MATCHING.body}\n/triage dismiss\n/triage help\n`;
    await running.send('issues', issueOpened({ number: 11, title: NOT_MATCHING.title, body }));
    await running.idle();
    counts.writes += session.gh.writes().length;
    expect(session.gh.writes()).toEqual([]);
  });

  it('obeyed for the triage role (the control: writes are seen when allowed)', async () => {
    const running = await start();
    session.gh.setPermission(FULL_NAME, 'trusted', 'triage');
    await running.send('issue_comment', command(12, 'trusted', '/triage'));
    await running.idle();
    expect(session.gh.appComments(FULL_NAME, 12)).toHaveLength(1);
  });
});

describe('secrets', () => {
  it('appear in no log line (any level) and no comment, when jobs succeed and when they fail', async () => {
    const running = await start();
    session.gh.setPermission(FULL_NAME, 'maintainer', 'admin');
    // A job that succeeds, a command, and jobs that fail with the request (and its headers) in the log.
    await running.send('issues', issueOpened({ number: 20, ...MATCHING }));
    await running.idle();
    session.gh.addComment(FULL_NAME, 20, { id: 7020, body: '/triage explain', login: 'maintainer' });
    await running.send(
      'issue_comment',
      commentCreated({ number: 20, ...MATCHING }, { id: 7020, body: '/triage explain', login: 'maintainer' }),
    );
    session.gh.inject({
      method: 'POST',
      path: /\/issues\/21\/comments$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    await running.send('issues', issueOpened({ number: 21, ...MATCHING }));
    await running.idle();

    const log = running.rawLog();
    expect(secretsIn(log)).toEqual([]);
    expect(commentBodies(session.gh.requests).flatMap(secretsIn)).toEqual([]);
    // The scan looked at something: requests were logged, with their authorization redacted.
    expect(log).toContain('token [REDACTED]');
    expect(log).not.toContain(INSTALLATION_TOKEN.slice(4, 20));
    expect(PRIVATE_KEY.length).toBeGreaterThan(1000);
  });
});

describe('dependencies', () => {
  it('npm audit --omit=dev: high and critical findings are reported', () => {
    const res = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 90_000 });
    let line: string;
    try {
      const report = JSON.parse(res.stdout) as {
        metadata?: { vulnerabilities?: Record<string, number> };
        error?: { summary?: string };
        message?: string;
      };
      const v = report.metadata?.vulnerabilities;
      line = v
        ? `npm audit --omit=dev: ${v.critical ?? 0} critical, ${v.high ?? 0} high, ${v.moderate ?? 0} moderate, ${v.low ?? 0} low`
        : `npm audit --omit=dev unavailable (${(report.message ?? report.error?.summary ?? 'no metadata').split('\n')[0]})`;
    } catch {
      line = `npm audit --omit=dev unavailable (${res.error?.message ?? `exit ${res.status}`})`;
    }
    tally('security', { audit: line });
    // Reported, not asserted: a new advisory must not turn an unrelated change red.
    expect(line).toMatch(/^npm audit/);
  });
});
