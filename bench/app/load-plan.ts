// The deliveries of one load run: `issues.opened` for issues spread evenly over a set of installations
// (one repository each), with at most one matching issue per installation per run, so that Probot's
// per-installation spacing of comments (~3 s) is not what the run measures. The order is shuffled.
import { Rng } from '../lib/prng.js';
import { issueOpenedPayload, signedDelivery, type Delivery } from './payloads.js';
import type { ReportPool } from './report-pool.js';

export interface LoadItem {
  delivery: Delivery;
  /** `owner/repo#number`, how the stand-in's comment requests are matched to deliveries. */
  key: string;
  expectComment: boolean;
  /** First delivery of its installation since the app started (new token, cold caches). */
  cold: boolean;
  sentAt?: number;
  respondedAt?: number;
  status?: number;
}

export interface LoadPlanParams {
  pool: ReportPool;
  firstInstallation: number;
  installations: number;
  deliveries: number;
  /** Share of deliveries that match an incident (at most one per installation). */
  matchingShare: number;
  /** Issue numbers start after this, so runs over the same installations open new issues. */
  issueBase: number;
  /** Installations that have had a delivery before this run. */
  warm: Set<number>;
  seed: number;
}

export function loadPlan(p: LoadPlanParams): LoadItem[] {
  const rng = new Rng(p.seed);
  const perInstallation = Math.ceil(p.deliveries / p.installations);
  const matchingChance = Math.min(1, p.matchingShare * perInstallation);
  const items: (LoadItem & { installation: number })[] = [];
  for (let k = 0; k < p.installations; k++) {
    const installation = p.firstInstallation + k;
    const repo = `bench-org-${installation}/app`;
    const count = Math.min(perInstallation, p.deliveries - items.length);
    const matchingSlot = rng.chance(matchingChance) ? rng.int(count) : -1;
    for (let n = 0; n < count; n++) {
      const expectComment = n === matchingSlot && p.pool.matching.length > 0;
      const report = rng.pick(expectComment ? p.pool.matching : p.pool.other);
      const number = p.issueBase + n + 1;
      const payload = issueOpenedPayload({
        repo,
        number,
        title: report.input.title,
        body: report.input.body,
        installationId: installation,
      });
      items.push({
        delivery: signedDelivery('issues', payload),
        key: `${repo}#${number}`,
        expectComment,
        cold: false,
        installation,
      });
    }
  }
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  for (const item of items) {
    item.cold = !p.warm.has(item.installation);
    p.warm.add(item.installation);
  }
  return items;
}
