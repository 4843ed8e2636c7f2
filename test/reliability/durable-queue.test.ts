// The durable mode (REDIS_URL) as an operator runs it: app processes (npm start's entry) on one real Redis
// (Debian's redis-server, started by these tests on a unix socket), against the local GitHub stand-in.
// What is acknowledged is never lost: not by a SIGTERM and restart, not by kill -9 of one of two
// replicas; the same deliveries sent to both replicas, duplicated and racing, give one comment per
// issue, in its latest state; and one installation whose API hangs holds only its own shard.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from '../../src/demo/github-stand-in.js';
import { shardIndex } from '../../src/queue/redis-queue.js';
import { baseEnv, startAppProcess, waitFor, type AppProcess } from './support/app-process.js';
import { edited, labelsExist, MATCHING, NOT_MATCHING, opened, outcome, place } from './support/deliveries.js';
import { startRedis, type TestRedis } from './support/redis-server.js';
import { createCounts, tally } from './support/tally.js';

const { counts, add } = createCounts();

let redis: TestRedis;
let github: GitHubStandIn;
const apps: AppProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  tally('durable', counts);
  await redis?.stop();
});
beforeEach(async () => {
  github = await startGitHubStandIn({ latencyMs: 2 });
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.stop('SIGKILL')));
  await github.close();
});

let run = 0;
/** A replica; each test uses its own key prefix on the shared Redis (a fresh queue). */
async function replica(extra: Record<string, string> = {}): Promise<AppProcess> {
  const app = await startAppProcess(
    baseEnv(github.url, {
      REDIS_URL: redis.url,
      CRASH_TRIAGE_REDIS_PREFIX: `t${process.pid}-${run}`,
      CRASH_TRIAGE_QUEUE_LOCK_SECONDS: '3',
      ...extra,
    }),
  );
  apps.push(app);
  return app;
}
beforeEach(() => void (run += 1));

/** The issues' outcomes: how many lack their comment or labels, and how many have two comments. */
function settle(from: number, to: number) {
  const found = [...Array(to - from).keys()].map((k) => outcome(github, from + k));
  return {
    found,
    lost: found.filter((o) => o.comments === 0 || !o.labelled).length,
    doubled: found.filter((o) => o.comments > 1).length,
  };
}

const allDone = (from: number, to: number) => () => {
  for (let i = from; i < to; i++) {
    const o = outcome(github, i);
    if (o.comments !== 1 || !o.labelled) return false;
  }
  return true;
};

describe('REDIS_URL: the durable queue', { timeout: 180_000 }, () => {
  it('50 acknowledged deliveries, SIGTERM a moment later, restart: each issue gets one comment and its labels', async () => {
    labelsExist(github, 0, 50);
    // Four shards (four jobs at a time, each a second or more with its throttled writes) and the 50 sent
    // at once: most are still waiting in Redis when SIGTERM comes, however fast the machine.
    const shards = { CRASH_TRIAGE_QUEUE_SHARDS: '4' };
    const first = await replica({ CRASH_TRIAGE_SHUTDOWN_SECONDS: '1', ...shards });
    const acks = await Promise.all(
      [...Array(50).keys()].map((i) => first.send('issues', opened(i), `term-${i}`)),
    );
    expect(acks).toEqual(Array<number>(50).fill(200));
    await first.stop('SIGTERM');
    const doneBefore = [...Array(50).keys()].filter((i) => outcome(github, i).comments === 1).length;
    expect(doneBefore).toBeLessThan(50);
    // Nothing is logged as lost: the unfinished jobs wait in Redis.
    expect(first.logs.filter((l) => l.msg.startsWith('job not finished'))).toEqual([]);
    await replica(shards);
    await waitFor(allDone(0, 50), 90_000);
    const { found, lost, doubled } = settle(0, 50);
    add({ restartDeliveries: 50, restartLost: lost, restartDoubled: doubled });
    for (const o of found) expect(o).toEqual({ comments: 1, labelled: true, anyLabel: true });
  });

  it('two replicas, the same deliveries sent to both, 20% sent again, opened/edited racing: one comment per issue, in its latest state', async () => {
    labelsExist(github, 100, 180);
    const [a, b] = [await replica(), await replica()];
    const deliveries: [string, object, string][] = [];
    // 100-139: opened with a report that matches nothing, then edited into one that matches.
    for (let i = 100; i < 140; i++) {
      deliveries.push(['issues', opened(i, 1, NOT_MATCHING), `o-${i}`]);
      deliveries.push(['issues', edited(i, 1, MATCHING, NOT_MATCHING.body), `e-${i}`]);
    }
    // 140-179: opened with a matching report.
    for (let i = 140; i < 180; i++) deliveries.push(['issues', opened(i), `o-${i}`]);
    const again = deliveries.filter((_, k) => k % 5 === 0);
    await Promise.all(
      [...deliveries, ...again].flatMap(([event, payload, id]) => [
        a.send(event, payload, id),
        b.send(event, payload, id),
      ]),
    );
    await waitFor(allDone(100, 180), 120_000);
    await new Promise((r) => setTimeout(r, 1_000));
    const { found, lost, doubled } = settle(100, 180);
    add({
      replicaPosts: (deliveries.length + again.length) * 2,
      replicaIssues: 80,
      replicaWrong: lost,
      replicaDoubled: doubled,
    });
    for (const o of found) expect(o).toEqual({ comments: 1, labelled: true, anyLabel: true });
  });

  it('kill -9 of one of two replicas mid-burst: every issue is still answered, once', async () => {
    labelsExist(github, 200, 240);
    const [a] = [await replica(), await replica()];
    for (let i = 200; i < 240; i++) expect(await a!.send('issues', opened(i), `k-${i}`)).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const killed = Date.now();
    await a!.stop('SIGKILL');
    await waitFor(allDone(200, 240), 120_000);
    const seconds = (Date.now() - killed) / 1000;
    await new Promise((r) => setTimeout(r, 1_000));
    const { found, lost, doubled } = settle(200, 240);
    add({ killDeliveries: 40, killLost: lost, killDoubled: doubled, killSecondsMax: seconds });
    for (const o of found) expect(o).toEqual({ comments: 1, labelled: true, anyLabel: true });
  });

  it("an installation whose API hangs holds only its shard: other installations' issues are answered as usual", async () => {
    labelsExist(github, 300, 400);
    const hanging = 300;
    github.hang(new RegExp(`/repos/${place(hanging).repo}/`));
    const app = await replica({ CRASH_TRIAGE_REQUEST_TIMEOUT_SECONDS: '2' });
    const shardOf = (i: number): number => shardIndex(String(place(i).installation.id), 16);
    const others = [...Array(99).keys()]
      .map((k) => 301 + k)
      .filter((i) => shardOf(i) !== shardOf(hanging))
      .slice(0, 20);
    expect(await app.send('issues', opened(hanging), 'hang-0')).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    for (const i of others) expect(await app.send('issues', opened(i), `other-${i}`)).toBe(200);
    const answered = await waitFor(() => others.every((i) => outcome(github, i).comments === 1), 30_000);
    const took = Date.now() - started;
    add({ hangOthers: answered ? others.length : 0, hangOthersSecondsMax: took / 1000 });
    expect(answered).toBe(true);
    expect(took).toBeLessThan(20_000);
    expect(outcome(github, hanging).comments).toBe(0);
    // The hanging one is not dropped: each attempt ends at the request timeout (after Octokit's own
    // retries) and is logged as failed, with a retry to come.
    const retried = () =>
      app.logs.some((l) => l.id === 'hang-0' && l.msg === 'triage job failed' && !!l.next);
    const wasRetried = await waitFor(retried, 90_000);
    add({ hangRetried: wasRetried ? 1 : 0 });
    expect(wasRetried).toBe(true);
  });
});
