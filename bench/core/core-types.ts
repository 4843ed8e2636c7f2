// What the parent asks of a core worker (one catalog size, in its own process so its memory figures
// are its own) and what the worker answers.
import type { Summary } from '../lib/stats.js';

/** Seeds of the synthetic world, catalog and reports: every core measurement uses the same ones. */
export const WORLD_SEED = 20241103;
export const CATALOG_SEED = 7;
export const REPORT_SEED = 4242;
export const PRODUCT_COUNT = 3000;

export interface CoreJob {
  catalogSize: number;
  /** Folder of synthetic incident files (null: the bundled catalog alone). */
  catalogDir: string | null;
  bundledDir: string;
  worldSeed: number;
  productCount: number;
  reportSeed: number;
  plantedShare: number;
  cells: { bytes: number; count: number }[];
  /** Also run this many reports of this size (the oversized body). */
  bigBody: { bytes: number; count: number } | null;
  naive: NaivePlan | null;
}

export interface NaivePlan {
  /** Stop a cell once this much time is spent and `minReports` are done. */
  budgetMs: number;
  minReports: number;
  maxReports: number;
}

export interface Timing extends Summary {
  reportsPerSec: number;
}

export interface CellResult {
  bytes: number;
  avgBytes: number;
  ours: Timing;
  /** Reports that got a verdict; planted reports; planted reports whose verdict is the planted incident. */
  verdicts: number;
  planted: number;
  plantedFound: number;
  /** Verdicts naming an incident that was not planted in the report. */
  otherVerdicts: number;
  formats: Record<string, number>;
  naive: Timing | null;
  /** naive median / our median. */
  ratio: number | null;
  /** Notes the extractor wrote (deduplicated, for the oversized body). */
  notes?: string[];
}

export interface CatalogResult {
  catalogSize: number;
  incidents: number;
  bundled: number;
  problems: number;
  /** Reading, parsing and validating the files. */
  parseMs: number;
  /** compileIndex. */
  indexMs: number;
  /** RSS and heap right after imports, before loading (the floor of the process). */
  baselineRssMB: number;
  baselineHeapMB: number;
  /** After loading and indexing, after a full GC. */
  rssMB: number;
  heapMB: number;
  /** Highest RSS of the process while loading. */
  peakRssMB: number;
  naiveBuildMs: number | null;
  cells: CellResult[];
  bigBody: CellResult | null;
}

/** Time spent warming up on each report size (other reports than the timed ones) before timing it. */
export const WARM_UP_MS = 1_500;
