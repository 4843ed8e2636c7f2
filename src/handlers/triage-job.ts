// A queued job of the Probot app: the issue facts and the installation to act for. Plain data, so a
// durable queue can carry it and a worker can run it without the webhook's context.
import type { QueueJob } from '../queue/job-queue.js';
import type { IssueFacts } from '../triage/ports.js';

export interface TriageJob extends QueueJob {
  installationId: number;
  facts: IssueFacts;
}
