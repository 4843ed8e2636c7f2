// One load run against the running app: send the deliveries, wait until every expected comment has
// reached the stand-in (then a few seconds more, for any second comment the throttling would space out),
// and report throughput, delivery → comment latency, errors, and lost, doubled or unexpected comments.
import { join } from 'node:path';
import { summarize } from '../lib/stats.js';
import type { LoadResult } from './app-types.js';
import type { LoadItem } from './load-plan.js';
import type { RunningApp } from './start-app.js';

const COMMENTS = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/;
const LABELS = /\/labels$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runLoad(params: {
  mode: string;
  app: RunningApp;
  items: LoadItem[];
  send: (items: LoadItem[]) => Promise<void>;
  connections: number;
  /** How long to wait for the last expected comment after the last delivery. */
  drainMs?: number;
}): Promise<LoadResult> {
  const { app, items } = params;
  const comments = new Map<string, number[]>();
  let lastWork = 0;
  const firstRequest = app.requests.length;
  const firstProblem = app.problems.length;
  app.onRequest = (r) => {
    const m = r.method === 'POST' ? COMMENTS.exec(r.path) : null;
    if (m) {
      const key = `${m[1]}#${m[2]}`;
      comments.set(key, [...(comments.get(key) ?? []), r.time]);
    }
    if (!LABELS.test(r.path)) lastWork = r.time;
  };

  const cpuBefore = await app.usage();
  // BENCH_APP_CPU_PROF=<dir>: a CPU profile of the app process for each run, to see where its time goes.
  const profileDir = process.env.BENCH_APP_CPU_PROF;
  if (profileDir) await app.profile('start');
  const start = performance.now();
  await params.send(items);
  const sent = performance.now();
  const expected = items.filter((i) => i.expectComment);
  const deadline = sent + (params.drainMs ?? 30_000);
  while (performance.now() < deadline && expected.some((i) => !comments.has(i.key))) await sleep(100);
  const done = Math.max(lastWork, sent);
  await sleep(4000);
  app.onRequest = null;
  if (profileDir) await app.profile(join(profileDir, `${params.mode.replace(/\W+/g, '-')}.cpuprofile`));
  const cpuAfter = await app.usage();

  const toComment = (cold: boolean) =>
    expected
      .filter((i) => i.cold === cold && comments.has(i.key) && i.sentAt !== undefined)
      .map((i) => comments.get(i.key)![0]! - i.sentAt!);
  const keys = new Set(items.map((i) => i.key));
  const expectedKeys = new Set(expected.map((i) => i.key));
  const coldToComment = toComment(true);
  const warmToComment = toComment(false);
  return {
    mode: params.mode,
    deliveries: items.length,
    installations: new Set(items.map((i) => i.key.split('#')[0])).size,
    connections: params.connections,
    matching: expected.length,
    seconds: (done - start) / 1000,
    deliveriesPerSec: items.length / ((done - start) / 1000),
    acceptedPerSec: items.length / ((sent - start) / 1000),
    response: summarize(
      items.filter((i) => i.respondedAt !== undefined).map((i) => i.respondedAt! - i.sentAt!),
    ),
    toComment: summarize([...coldToComment, ...warmToComment]),
    coldToComment: summarize(coldToComment),
    warmToComment: summarize(warmToComment),
    timeouts: items.filter((i) => i.status === undefined).length,
    errors:
      items.filter((i) => i.status !== undefined && (i.status < 200 || i.status >= 300)).length +
      app.problems.slice(firstProblem).filter((p) => p.level >= 50).length,
    lost: expected.filter((i) => !comments.has(i.key)).length,
    doubled: [...comments.values()].filter((t) => t.length > 1).length,
    unexpected: [...comments.keys()].filter((k) => keys.has(k) && !expectedKeys.has(k)).length,
    apiRequests: app.requests.length - firstRequest,
    appCpuMsPerDelivery: (cpuAfter.cpuMs - cpuBefore.cpuMs) / items.length,
    appRssMB: cpuAfter.rssMB,
  };
}
