// The app figures as Markdown tables: load runs, the one-installation burst, API requests per event.
import { markdownTable } from '../lib/table.js';
import type { AppBenchResult } from './app-types.js';

function pair(a: number, b: number): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  return `${f(a)} / ${f(b)}`;
}

export function printApp(r: AppBenchResult): string {
  const out: string[] = [];
  if (r.load.length > 0) {
    out.push(
      '### The app end to end (Probot + node middleware in its own process, throttling on; GitHub API stood in locally)',
      '',
      markdownTable(
        [
          'run',
          'deliveries',
          'installations',
          'matching',
          'acked/s',
          'processed/s',
          'HTTP median/p99 ms',
          '→ comment median/p99 ms',
          'cold / warm median ms',
          'timeouts',
          'errors',
          'lost',
          'doubled',
          'unexpected',
          'API req/delivery',
          'app CPU ms/delivery',
          'app RSS MB',
        ],
        r.load.map((l) => [
          l.mode,
          l.deliveries,
          l.installations,
          l.matching,
          l.acceptedPerSec,
          l.deliveriesPerSec,
          pair(l.response.medianMs, l.response.p99Ms),
          pair(l.toComment.medianMs, l.toComment.p99Ms),
          pair(l.coldToComment.medianMs, l.warmToComment.medianMs),
          l.timeouts,
          l.errors,
          l.lost,
          l.doubled,
          l.unexpected,
          l.apiRequests / l.deliveries,
          l.appCpuMsPerDelivery,
          l.appRssMB,
        ]),
      ),
    );
  }
  if (r.burst) {
    const b = r.burst;
    out.push(
      '',
      `Burst: ${b.deliveries} matching issues into one installation, sent back to back: HTTP response median ${b.response.medianMs.toFixed(1)} ms, max ${b.response.maxMs.toFixed(1)} ms; comments ${b.spacingMs.toFixed(0)} ms apart (median), last one ${b.lastCommentSec.toFixed(1)} s after the first delivery; each exactly once: ${b.commentsExactlyOnce ? 'yes' : 'NO'}; in order of arrival: ${b.inOrder ? 'yes' : 'NO'}; errors: ${b.errors}.`,
    );
  }
  if (r.apiCost.length > 0) {
    out.push(
      '',
      '### GitHub API requests per delivery (counted at the stand-in; "counted" = against the rate limit, i.e. all but 304s)',
      '',
      markdownTable(
        ['event', 'cache', 'requests', 'counted', 'writes', 'requests made'],
        r.apiCost.map((c) => [c.event, c.cache, c.requests, c.counted, c.writes, c.detail]),
      ),
    );
  }
  if (r.notes.length > 0) out.push('', ...r.notes.map((n) => `- ${n}`));
  return out.join('\n');
}
