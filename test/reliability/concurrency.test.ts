// Concurrency and redelivery against the real app: the same delivery twice at once, `opened` and `edited`
// for one issue at once (and in both orders), 50 issues in one repository at once, `/triage` commands
// racing, a redelivery after a restart, and a storm of all of these. The end state is checked on the
// GitHub stand-in: exactly one app comment per issue, saying what the triage of the issue's latest text says.
import { describe, expect, it } from 'vitest';
import { readMarker } from '../../src/render/comment-marker.js';
import {
  commentCreated,
  expectedComment,
  FULL_NAME,
  issueEdited,
  issueOpened,
  MATCHING,
  MATCHING_EDITED,
  NOT_MATCHING,
  sameBody,
} from './support/app-events.js';
import { itFailsKnownBug } from './support/it-fails-known-bug.js';
import { KNOWN_BUGS } from './support/known-bugs.js';
import { appSession } from './support/app-session.js';
import { deliveryId, LEVEL, type ReliableApp } from './support/reliable-app.js';

const counts = { deliveries: 0, issues: 0, comments: 0, doubled: 0, stale: 0, knownBugStale: 0 };
const session = appSession('concurrency', counts, (gh) => {
  gh.setPermission(FULL_NAME, 'maintainer', 'maintain');
});
const start = (): Promise<ReliableApp> => session.start();

/** Sends deliveries at once; every one must be acknowledged. */
async function sendAll(running: ReliableApp, deliveries: [string, object, string?][]): Promise<void> {
  counts.deliveries += deliveries.length;
  const results = await Promise.all(deliveries.map(([e, p, id]) => running.send(e, p, id ? { id } : {})));
  expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
  await running.idle();
  expect(running.logs().filter((l) => l.level >= LEVEL.error)).toEqual([]);
}

/**
 * Counts and checks the end state of `issues`: one app comment each (or none when `latest` has no match),
 * whose body is `expected(issue)` when given.
 */
function checkIssues(numbers: number[], expected?: (n: number) => string | null): void {
  for (const n of numbers) {
    counts.issues += 1;
    const mine = session.gh.appComments(FULL_NAME, n);
    counts.comments += mine.length;
    if (mine.length > 1) counts.doubled += 1;
    const want = expected?.(n);
    if (
      want !== undefined &&
      !(want === null ? mine.length === 0 : mine.length === 1 && sameBody(mine[0]!.body, want))
    ) {
      counts.stale += 1;
    }
  }
  for (const n of numbers) {
    expect(session.gh.appComments(FULL_NAME, n).length, `issue ${n}`).toBeLessThanOrEqual(1);
    const want = expected?.(n);
    if (want === undefined) continue;
    const mine = session.gh.appComments(FULL_NAME, n);
    if (want === null) expect(mine, `issue ${n}`).toEqual([]);
    else
      expect(
        mine.map((c) => c.body.trimEnd()),
        `issue ${n}`,
      ).toEqual([want.trimEnd()]);
  }
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);
const LATEST = expectedComment(MATCHING_EDITED)!;
const OLDEST = expectedComment(MATCHING)!;

describe('redelivery', () => {
  it('the same delivery twice, in parallel, runs once (10 issues)', async () => {
    const running = await start();
    const issues = range(1, 10);
    await sendAll(
      running,
      issues.flatMap((n) => {
        const id = deliveryId();
        const p = issueOpened({ number: n, ...MATCHING });
        return [['issues', p, id] as [string, object, string], ['issues', p, id] as [string, object, string]];
      }),
    );
    checkIssues(issues, () => OLDEST);
    expect(running.logs().filter((l) => l.msg === 'skipped: delivery already handled')).toHaveLength(10);
  });

  it('a redelivery after a restart (the queue forgot the id) finds the comment and adds none', async () => {
    let running = await start();
    const id = deliveryId();
    const payload = issueOpened({ number: 20, ...MATCHING });
    await sendAll(running, [['issues', payload, id]]);
    running = await session.restart();
    await sendAll(running, [['issues', payload, id]]);
    checkIssues([20], () => OLDEST);
    expect(running.logs()).toContainEqual(
      expect.objectContaining({ msg: 'triage decision', reason: 'already triaged' }),
    );
  });
});

describe('opened and edited for one issue at once', () => {
  const opened = (n: number, issue = MATCHING) => issueOpened({ number: n, ...issue });
  const edited = (n: number, issue = MATCHING_EDITED, from = MATCHING.body) =>
    issueEdited({ number: n, ...issue }, { body: from });

  it('sent in parallel (10 issues): one comment each, for the edited text', async () => {
    const running = await start();
    const issues = range(30, 10);
    await sendAll(
      running,
      issues.flatMap((n) => [
        ['issues', opened(n)],
        ['issues', edited(n)],
      ]),
    );
    checkIssues(issues, () => LATEST);
  });

  it.each([
    ['opened first', ['opened', 'edited']],
    ['edited first (GitHub does not promise order)', ['edited', 'opened']],
  ])('%s: one comment, for the edited text', async (_name, order) => {
    const running = await start();
    for (const kind of order) {
      counts.deliveries += 1;
      await running.send('issues', kind === 'opened' ? opened(40) : edited(40));
    }
    await running.idle();
    checkIssues([40], () => LATEST);
  });

  it('an edit that removes the crash, sent after the opening: the comment stays, with a note', async () => {
    const running = await start();
    counts.deliveries += 2;
    await running.send('issues', opened(41));
    // GitHub's payload counts the app's comment by now.
    await running.send(
      'issues',
      issueEdited({ number: 41, ...NOT_MATCHING, comments: 1 }, { body: MATCHING.body }),
    );
    await running.idle();
    checkIssues([41]);
    expect(session.gh.appComments(FULL_NAME, 41)[0]!.body).toContain('no longer matches');
  });

  // Delivered out of order: the edit (no crash any more) first, then the opening (with the crash).
  let outOfOrder: string[] | undefined;
  it('an edit that removes the crash, delivered before the opening: handled, at most one comment', async () => {
    const running = await start();
    counts.deliveries += 2;
    await running.send('issues', edited(42, NOT_MATCHING));
    await running.send('issues', opened(42));
    await running.idle();
    expect(running.logs().filter((l) => l.level >= LEVEL.error)).toEqual([]);
    const mine = session.gh.appComments(FULL_NAME, 42);
    outOfOrder = mine.map((c) => c.body);
    counts.issues += 1;
    counts.comments += mine.length;
    if (mine.length > 1) counts.doubled += 1;
    // Counted apart from `stale`: the summary's known-bugs line says why.
    if (mine.some((c) => !c.body.includes('no longer matches'))) counts.knownBugStale += 1;
    expect(mine.length).toBeLessThanOrEqual(1);
  });

  itFailsKnownBug(KNOWN_BUGS.staleOpened, '… and no comment stands for the old text', () => {
    // The issue's text does not match: no comment, or one that carries the "no longer matches" note.
    expect(outOfOrder).toBeDefined();
    expect(outOfOrder!.filter((b) => !b.includes('no longer matches'))).toEqual([]);
  });
});

describe('many issues at once', () => {
  it('50 issues in one repository at once, each delivered twice: 50 comments, labels created once', async () => {
    const running = await start();
    const issues = range(100, 50);
    const deliveries = issues.map(
      (n) => ['issues', issueOpened({ number: n, ...MATCHING }), deliveryId()] as const,
    );
    await sendAll(
      running,
      [...deliveries, ...deliveries].map(([e, p, id]) => [e, p, id]),
    );
    checkIssues(issues, () => OLDEST);
    const created = session.gh.requests.filter(
      (r) => r.method === 'POST' && /\/labels$/.test(r.path) && !/issues/.test(r.path),
    );
    const names = created.filter((r) => r.status === 201).map((r) => (r.body as { name: string }).name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of issues) expect(session.gh.issue(FULL_NAME, n).labels.length).toBeGreaterThan(0);
  });
});

describe('slash commands racing', () => {
  /** A maintainer's command, as GitHub delivers it after storing the comment. */
  const command = (n: number, body: string, id: number) => {
    session.gh.addComment(FULL_NAME, n, { id, body, login: 'maintainer' });
    return commentCreated({ number: n, ...MATCHING }, { id, body, login: 'maintainer' });
  };

  it('two /triage commands at once on 10 issues: one comment each', async () => {
    const running = await start();
    const issues = range(200, 10);
    await sendAll(
      running,
      issues.flatMap((n) => [
        ['issue_comment', command(n, '/triage', 9000 + n)],
        ['issue_comment', command(n, '/triage explain', 9100 + n)],
      ]),
    );
    checkIssues(issues);
    for (const n of issues) {
      const [comment] = session.gh.appComments(FULL_NAME, n);
      // Both commands were answered: each got its reaction, and the one comment holds the match.
      expect(session.gh.issue(FULL_NAME, n).reactions).toBe(2);
      expect(readMarker(comment!.body)).toEqual({ state: 'matched', incident: 'puma-m4-sptm-yjit' });
    }
  });

  it('/triage dismiss racing /triage as: one comment, in the state of the command that ran last', async () => {
    const running = await start();
    counts.deliveries += 2;
    const first = await running.send('issue_comment', command(210, '/triage dismiss', 9210));
    const second = await running.send(
      'issue_comment',
      command(210, '/triage as luajit-gc-oom-trace-exit', 9211),
    );
    expect([first.status, second.status]).toEqual([200, 200]);
    await running.idle();
    checkIssues([210]);
    expect(readMarker(session.gh.appComments(FULL_NAME, 210)[0]!.body)).toEqual({
      state: 'chosen',
      incident: 'luajit-gc-oom-trace-exit',
    });
  });
});

describe('a storm', () => {
  const command = (n: number, id: number) => {
    session.gh.addComment(FULL_NAME, n, { id, body: '/triage', login: 'maintainer' });
    return commentCreated({ number: n, ...MATCHING_EDITED }, { id, body: '/triage', login: 'maintainer' });
  };

  it('20 issues × (opened, edited, the opening redelivered, /triage) all at once', async () => {
    const running = await start();
    const issues = range(300, 20);
    await sendAll(
      running,
      issues.flatMap((n) => {
        const id = deliveryId();
        const open = issueOpened({ number: n, ...MATCHING });
        return [
          ['issues', open, id],
          ['issues', issueEdited({ number: n, ...MATCHING_EDITED }, { body: MATCHING.body })],
          ['issues', open, id],
          ['issue_comment', command(n, 9300 + n)],
        ] as [string, object, string?][];
      }),
    );
    checkIssues(issues, () => LATEST);
  });
});
