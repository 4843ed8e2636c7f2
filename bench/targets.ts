// The targets of issue 4, checked against the figures (reported, never asserted).
import type { AppBenchResult } from './app/app-types.js';
import type { CatalogResult } from './core/core-types.js';
import { markdownTable } from './lib/table.js';

export interface TargetResult {
  target: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
}

const KB = 1024;

function fmt(x: number, digits = 2): string {
  return x.toFixed(digits);
}

export function evaluateTargets(core: readonly CatalogResult[], app: AppBenchResult | null): TargetResult[] {
  return [...coreTargets(core), ...(app?.targets ?? [])];
}

function coreTargets(core: readonly CatalogResult[]): TargetResult[] {
  const out: TargetResult[] = [];
  // The core targets are set at 10,000 incidents: a run without that catalog (--only app, --quick,
  // --catalogs) says so instead of judging a smaller one against them.
  if (core.length === 0) return out;
  const largest = core.reduce<CatalogResult | null>(
    (a, r) => (!a || r.incidents > a.incidents ? r : a),
    null,
  );
  if (largest && largest.catalogSize < 10_000) {
    out.push({
      target: '10,000 incidents: speed, load time and memory',
      measured: `not measured (largest catalog in this run: ${largest.catalogSize.toLocaleString('en-US')})`,
      met: null,
    });
    return out;
  }
  const smallest = core.reduce<CatalogResult | null>(
    (a, r) => (!a || r.incidents < a.incidents ? r : a),
    null,
  );
  const big = largest?.cells.find((c) => c.bytes === 64 * KB);
  const small = smallest?.cells.find((c) => c.bytes === 64 * KB);
  const tiny = largest?.cells.find((c) => c.bytes === 1 * KB);
  const n = largest?.incidents.toLocaleString('en-US') ?? '?';
  const add = (target: string, measured: string | null, met: boolean | null) =>
    out.push({ target, measured: measured ?? 'not measured', met: measured === null ? null : met });

  add(
    `${n} incidents × 64 KB: median < 5 ms`,
    big ? `${fmt(big.ours.medianMs)} ms` : null,
    big ? big.ours.medianMs < 5 : null,
  );
  add(
    `${n} incidents × 64 KB: p99 < 20 ms`,
    big ? `${fmt(big.ours.p99Ms)} ms` : null,
    big ? big.ours.p99Ms < 20 : null,
  );
  add(
    `${n} incidents × 64 KB: ≥ 1,000× faster than the naive scan`,
    big?.ratio
      ? `${Math.round(big.ratio).toLocaleString('en-US')}× (naive median ${fmt(big.naive!.medianMs / 1000, 1)} s over ${big.naive!.n} reports)`
      : null,
    big?.ratio ? big.ratio >= 1000 : null,
  );
  if (big && small && tiny && largest !== smallest) {
    const byCatalog = big.ours.medianMs / small.ours.medianMs;
    const bySize = big.ours.medianMs / tiny.ours.medianMs;
    add(
      'time grows with the report, barely with the catalog (≤ 2× from the smallest to the largest catalog)',
      `64 KB: ×${fmt(byCatalog)} from ${smallest!.incidents} to ${n} incidents; ${n} incidents: ×${fmt(bySize, 1)} from 1 KB to 64 KB`,
      byCatalog <= 2,
    );
  }
  const load = largest ? largest.parseMs + largest.indexMs : null;
  add(
    `${n} incidents loaded in < 3 s`,
    load === null
      ? null
      : `${fmt(load / 1000)} s (parse+validate ${fmt(largest!.parseMs / 1000)} s, index ${fmt(largest!.indexMs / 1000)} s)`,
    load !== null && load < 3000,
  );
  add(
    `${n} incidents: < 300 MB RSS for the whole process`,
    largest ? `${Math.round(largest.rssMB)} MB after load (peak ${Math.round(largest.peakRssMB)} MB)` : null,
    largest ? largest.peakRssMB < 300 : null,
  );
  const huge = largest?.bigBody;
  if (huge && big) {
    const cut = (huge.notes ?? []).some((note) => /skip|cut|trunc|drop|kept/i.test(note));
    add(
      '1 MB body handled within a fixed bound (at most 192 KB is read: median and max ≤ 5× those of 64 KB) and says so',
      `median ${fmt(huge.ours.medianMs)} ms, max ${fmt(huge.ours.maxMs)} ms (64 KB: median ${fmt(big.ours.medianMs)} ms, max ${fmt(big.ours.maxMs)} ms); note: ${cut ? 'yes' : 'no'}`,
      huge.ours.medianMs <= 5 * big.ours.medianMs && huge.ours.maxMs <= 5 * big.ours.maxMs && cut,
    );
  }
  return out;
}

export function targetsTable(targets: readonly TargetResult[]): string {
  return markdownTable(
    ['target', 'measured', 'met'],
    targets.map((t) => [t.target, t.measured, t.met === null ? '–' : t.met ? 'yes' : 'NO']),
  );
}
