// The app as `npm start` runs it (child processes, throttling on) in three set-ups against the GitHub
// stand-in: the embedded in-process queue on one process, the durable Redis queue on one replica, and on
// two replicas sharing one Redis (deliveries alternate between them, as behind a load balancer). Each
// run sends the same deliveries, one matching issue per installation (GitHub throttles writes per
// installation), `concurrency` at a time, and times each delivery to its comment's POST at the stand-in.
// The apps log at info, as operators run them (the line saying they listen is an info line).
import type { GitHubStandIn, RecordedRequest } from '../../src/demo/github-stand-in.js';
import { startGitHubStandIn } from '../../src/demo/github-stand-in.js';
import { baseEnv, startAppProcess, type AppProcess } from '../../test/reliability/support/app-process.js';
import { labelsExist, opened, place } from '../../test/reliability/support/deliveries.js';
import { startRedis } from '../../test/reliability/support/redis-server.js';
import { round, summarize } from '../lib/stats.js';

export interface ReplicaRun {
  setup: string;
  deliveries: number;
  /** Comments posted per second, from the first delivery sent to the last comment. */
  perSecond: number;
  medianMs: number;
  p99Ms: number;
  /** Deliveries without a comment within the time limit. */
  unanswered: number;
  doubled: number;
}

export interface ReplicaResult {
  runs: ReplicaRun[];
}

interface Setup {
  name: string;
  replicas: number;
  redis: boolean;
  /** CRASH_TRIAGE_QUEUE_SHARDS: jobs running at once across replicas (default 64). */
  shards?: number;
}

const SETUPS: Setup[] = [
  { name: 'in-process, 1 process', replicas: 1, redis: false },
  { name: 'Redis, 1 replica', replicas: 1, redis: true },
  { name: 'Redis, 2 replicas', replicas: 2, redis: true },
  // Each shard runs one job at a time across replicas, and a job holds it through its throttled writes:
  // with many installations, throughput follows the shard count more than the replica count.
  { name: 'Redis, 2 replicas, 16 shards', replicas: 2, redis: true, shards: 16 },
];

export async function runReplicas(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<ReplicaResult> {
  const deliveries = options.quick ? 60 : 300;
  const redis = await startRedis();
  const runs: ReplicaRun[] = [];
  try {
    for (const [k, setup] of SETUPS.entries()) {
      options.log(`replicas: ${setup.name}, ${deliveries} deliveries`);
      runs.push(
        await runOne(
          setup,
          deliveries,
          20,
          setup.redis
            ? {
                REDIS_URL: redis.url,
                CRASH_TRIAGE_REDIS_PREFIX: `bench-${k}`,
                ...(setup.shards ? { CRASH_TRIAGE_QUEUE_SHARDS: String(setup.shards) } : {}),
              }
            : {},
        ),
      );
    }
  } finally {
    await redis.stop();
  }
  return { runs };
}

async function runOne(
  setup: Setup,
  deliveries: number,
  concurrency: number,
  env: Record<string, string>,
): Promise<ReplicaRun> {
  const github = await startGitHubStandIn();
  labelsExist(github, 0, deliveries);
  const commentAt = new Map<string, number>();
  const comments = new Map<string, number>();
  watchComments(github, (repo) => {
    if (!commentAt.has(repo)) commentAt.set(repo, performance.now());
    comments.set(repo, (comments.get(repo) ?? 0) + 1);
  });
  const apps: AppProcess[] = [];
  for (let r = 0; r < setup.replicas; r++)
    apps.push(await startAppProcess(baseEnv(github.url, { CRASH_TRIAGE_THREADS: '1', ...env })));
  const sentAt = new Map<string, number>();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries) {
        const i = next++;
        sentAt.set(place(i).repo, performance.now());
        await apps[i % apps.length]!.send('issues', opened(i), `bench-${setup.name}-${i}`);
      }
    }),
  );
  const deadline = performance.now() + 120_000;
  while (commentAt.size < deliveries && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  // A moment more, for any second comment.
  await new Promise((r) => setTimeout(r, 1_000));
  const latencies = [...commentAt].map(([repo, at]) => at - sentAt.get(repo)!);
  const last = Math.max(...commentAt.values());
  const s = summarize(latencies);
  await Promise.all(apps.map((a) => a.stop('SIGKILL')));
  await github.close();
  return {
    setup: setup.name,
    deliveries,
    perSecond: round(commentAt.size / ((last - started) / 1000)),
    medianMs: round(s.medianMs),
    p99Ms: round(s.p99Ms),
    unanswered: deliveries - commentAt.size,
    doubled: [...comments.values()].filter((n) => n > 1).length,
  };
}

/** Calls `onComment(repo)` as each app comment's POST is answered by the stand-in. */
function watchComments(github: GitHubStandIn, onComment: (repo: string) => void): void {
  const record = github.requests.push.bind(github.requests);
  github.requests.push = (...items: RecordedRequest[]): number => {
    for (const r of items) {
      const m = /^\/repos\/([^/]+\/[^/]+)\/issues\/\d+\/comments$/.exec(r.path);
      if (r.method === 'POST' && m && r.status === 201) onComment(m[1]!);
    }
    return record(...items);
  };
}
