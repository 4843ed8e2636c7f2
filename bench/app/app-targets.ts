// The app's targets of issue 4, checked against its figures.
import type { TargetResult } from '../targets.js';
import type { AppBenchResult } from './app-types.js';

function ms(x: number): string {
  return `${x.toFixed(1)} ms`;
}

export function appTargets(r: AppBenchResult, rate: number): TargetResult[] {
  const out: TargetResult[] = [];
  const closed = r.load.find((l) => l.mode.startsWith('closed'));
  const paced = r.load.find((l) => l.mode === `paced at ${rate}/s`);
  if (closed) {
    out.push({
      target: 'app: ≥ 500 deliveries/s over many installations',
      measured: `${Math.round(closed.deliveriesPerSec)}/s processed (${Math.round(closed.acceptedPerSec)}/s acknowledged), ${closed.installations} installations`,
      met: closed.deliveriesPerSec >= 500,
    });
  }
  if (paced) {
    out.push({
      target: `app at ${rate}/s: median < 20 ms from delivery to the comment request`,
      measured: `median ${ms(paced.toComment.medianMs)}, p99 ${ms(paced.toComment.p99Ms)} (${paced.toComment.n} comments; kept up: ${Math.round(paced.deliveriesPerSec)}/s processed)`,
      met: paced.toComment.medianMs < 20,
    });
  }
  const runs = r.load;
  if (runs.length > 0) {
    const sum = (f: (l: (typeof runs)[number]) => number) => runs.reduce((s, l) => s + f(l), 0);
    const [timeouts, errors, lost, doubled, unexpected] = [
      sum((l) => l.timeouts),
      sum((l) => l.errors),
      sum((l) => l.lost),
      sum((l) => l.doubled),
      sum((l) => l.unexpected),
    ];
    const worst = runs.filter((l) => l.timeouts > 0).map((l) => l.mode);
    out.push({
      target: 'app: no error, no lost or doubled comment',
      measured: `${timeouts} unanswered within 10 s${worst.length > 0 ? ` (${worst.join(', ')})` : ''}, ${errors} errors, ${lost} lost, ${doubled} doubled, ${unexpected} unexpected over ${sum((l) => l.deliveries)} deliveries`,
      met: timeouts + errors + lost + doubled + unexpected === 0,
    });
  }
  if (r.burst) {
    const b = r.burst;
    out.push({
      target: `burst of ${b.deliveries} into one installation: every delivery answered well under 10 s`,
      measured: `response median ${ms(b.response.medianMs)}, max ${ms(b.response.maxMs)}; ${b.errors} errors`,
      met: b.response.n === b.deliveries && b.response.maxMs < 1000 && b.errors === 0,
    });
    out.push({
      target: `burst: every comment exactly once, in order of arrival, at the throttle's pace`,
      measured: `exactly once: ${b.commentsExactlyOnce ? 'yes' : 'no'}, in order: ${b.inOrder ? 'yes' : 'no'}, ${b.spacingMs.toFixed(0)} ms apart, last after ${b.lastCommentSec.toFixed(1)} s`,
      met: b.commentsExactlyOnce && b.inOrder,
    });
  }
  const warmMatch = r.apiCost.find((c) => c.event === 'issues.opened, matching' && c.cache === 'warm');
  if (warmMatch) {
    out.push({
      target: 'API, warm cache: a new matching issue costs only its two writes',
      measured: `${warmMatch.requests} requests (${warmMatch.counted} counted, ${warmMatch.writes} writes): ${warmMatch.detail}`,
      met: warmMatch.counted === 2 && warmMatch.writes === 2,
    });
  }
  const warmOther = r.apiCost.find((c) => c.event === 'issues.opened, not matching' && c.cache === 'warm');
  if (warmOther) {
    out.push({
      target: 'API, warm cache: a new non-matching issue costs nothing counted against the rate limit',
      measured: `${warmOther.requests} requests (${warmOther.counted} counted): ${warmOther.detail}`,
      met: warmOther.counted === 0,
    });
  }
  return out;
}
