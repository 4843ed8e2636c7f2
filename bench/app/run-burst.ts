// The burst: 50 matching issues opened in one installation, delivered back to back on one connection
// (so the order of arrival is the order of sending). Every delivery must be answered at once (GitHub
// gives up after 10 s) although Probot's throttling spaces the comments ~3 s apart in one installation;
// every comment must be posted exactly once, in the order the issues arrived.
import { summarize } from '../lib/stats.js';
import type { BurstResult } from './app-types.js';
import type { LoadItem } from './load-plan.js';
import { issueOpenedPayload, signedDelivery } from './payloads.js';
import type { ReportPool } from './report-pool.js';
import { sendClosedLoop } from './send-load.js';
import type { RunningApp } from './start-app.js';

const COMMENTS = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runBurst(
  app: RunningApp,
  pool: ReportPool,
  count: number,
  log: (line: string) => void,
): Promise<BurstResult> {
  const repo = 'burst-org/app';
  const installationId = 900_000;
  const items: LoadItem[] = Array.from({ length: count }, (_, k) => {
    const report = pool.matching[k % pool.matching.length]!;
    const payload = issueOpenedPayload({
      repo,
      number: k + 1,
      title: report.input.title,
      body: report.input.body,
      installationId,
    });
    return {
      delivery: signedDelivery('issues', payload),
      key: `${repo}#${k + 1}`,
      expectComment: true,
      cold: k === 0,
    };
  });
  const arrivals: { issue: number; time: number }[] = [];
  const firstProblem = app.problems.length;
  app.onRequest = (r) => {
    const m = r.method === 'POST' ? COMMENTS.exec(r.path) : null;
    if (m && m[1] === repo) arrivals.push({ issue: Number(m[2]), time: r.time });
  };
  await sendClosedLoop(app.url, items, 1);
  const start = items[0]!.sentAt!;
  log(
    `app: burst sent in ${((performance.now() - start) / 1000).toFixed(2)} s; waiting for ${count} comments (~3 s apart)...`,
  );
  const deadline = performance.now() + count * 3500 + 30_000;
  while (performance.now() < deadline && new Set(arrivals.map((a) => a.issue)).size < count) await sleep(250);
  await sleep(4000);
  app.onRequest = null;

  const perIssue = new Map<number, number>();
  for (const a of arrivals) perIssue.set(a.issue, (perIssue.get(a.issue) ?? 0) + 1);
  const times = arrivals.map((a) => a.time);
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  return {
    deliveries: count,
    response: summarize(
      items.filter((i) => i.respondedAt !== undefined).map((i) => i.respondedAt! - i.sentAt!),
    ),
    lastCommentSec: times.length > 0 ? (Math.max(...times) - start) / 1000 : Number.NaN,
    spacingMs: summarize(gaps).medianMs,
    commentsExactlyOnce: perIssue.size === count && [...perIssue.values()].every((n) => n === 1),
    inOrder: arrivals.every((a, i) => i === 0 || a.issue > arrivals[i - 1]!.issue),
    errors:
      items.filter((i) => i.status === undefined || i.status < 200 || i.status >= 300).length +
      app.problems.slice(firstProblem).filter((p) => p.level >= 50).length,
  };
}
