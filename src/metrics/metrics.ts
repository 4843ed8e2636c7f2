// The app's Prometheus metrics (served at /metrics): deliveries by outcome, jobs by outcome, the queue's
// depth, triage time and GitHub requests by status. One registry per app, so tests and several apps in
// one process do not share counts.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface AppMetrics {
  registry: Registry;
  /** Webhook deliveries by event and what became of them (queued, duplicate, replay, skipped, refused). */
  deliveries: Counter<'event' | 'outcome'>;
  /** Jobs by outcome (done, skipped, failed, retried). */
  jobs: Counter<'outcome'>;
  /** Jobs waiting or running, read when scraped. */
  queueDepth: Gauge;
  /** Seconds from a job's start to its end. */
  jobSeconds: Histogram;
  /** Requests to GitHub's API by method and status (`error` when none came back). */
  githubRequests: Counter<'method' | 'status'>;
}

export function createMetrics(depth: () => Promise<number> | number = () => 0): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    deliveries: new Counter({
      name: 'crash_triage_deliveries_total',
      help: 'Webhook deliveries received, by event and outcome',
      labelNames: ['event', 'outcome'],
      registers,
    }),
    jobs: new Counter({
      name: 'crash_triage_jobs_total',
      help: 'Triage jobs finished, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    queueDepth: new Gauge({
      name: 'crash_triage_queue_depth',
      help: 'Triage jobs waiting or running',
      registers,
      async collect() {
        this.set(await depth());
      },
    }),
    jobSeconds: new Histogram({
      name: 'crash_triage_job_seconds',
      help: 'Time a triage job took, start to end',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers,
    }),
    githubRequests: new Counter({
      name: 'crash_triage_github_requests_total',
      help: "Requests to GitHub's API, by method and status",
      labelNames: ['method', 'status'],
      registers,
    }),
  };
}
