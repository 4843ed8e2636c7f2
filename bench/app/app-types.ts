// The figures of the app benchmark (parts 3 and 4).
import type { Summary } from '../lib/stats.js';
import type { TargetResult } from '../targets.js';

export interface LoadResult {
  /** How deliveries were sent: `closed loop, N connections` or `paced at R/s`. */
  mode: string;
  deliveries: number;
  installations: number;
  connections: number;
  /** Deliveries whose report matches an incident (a comment is expected). */
  matching: number;
  /** First delivery sent → the app's last API request for the run (label writes aside: throttled 1 s apart). */
  seconds: number;
  /** Deliveries processed per second (deliveries / seconds). */
  deliveriesPerSec: number;
  /** Deliveries acknowledged per second (deliveries / time to send them all). */
  acceptedPerSec: number;
  /** Webhook HTTP response time (delivery → 2xx). */
  response: Summary;
  /** Delivery sent → the comment's POST arriving at the stand-in, for matching deliveries. */
  toComment: Summary;
  /** The same for an installation's first delivery (new token, cold caches) and for the others. */
  coldToComment: Summary;
  warmToComment: Summary;
  /** Deliveries without an HTTP answer within 10 s (GitHub would count them as failed). */
  timeouts: number;
  /** Non-2xx answers, plus errors the app logged. */
  errors: number;
  lost: number;
  doubled: number;
  /** Comments on issues whose report was not expected to match. */
  unexpected: number;
  apiRequests: number;
  /** CPU time of the app process per delivery over the run (user + system). */
  appCpuMsPerDelivery: number;
  appRssMB: number;
}

export interface BurstResult {
  deliveries: number;
  response: Summary;
  /** First delivery sent → last comment posted. */
  lastCommentSec: number;
  /** Median time between consecutive comments. */
  spacingMs: number;
  commentsExactlyOnce: boolean;
  inOrder: boolean;
  errors: number;
}

export interface ApiCostRow {
  event: string;
  cache: 'cold' | 'warm';
  requests: number;
  /** Requests that count against the rate limit (all but 304s and token creation). */
  counted: number;
  writes: number;
  detail: string;
}

export interface AppBenchResult {
  /** The closed-loop run (throughput) and the paced run (latency at the target rate). */
  load: LoadResult[];
  burst: BurstResult | null;
  apiCost: ApiCostRow[];
  notes: string[];
  targets: TargetResult[];
}
