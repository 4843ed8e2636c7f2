// Memory held by compiled repository catalogs: repositories whose folders hold 100 incident files at the
// schema's limits (each compiles to hundreds of MB of heap) come one after another, as they would over a
// day; the heap kept afterwards stays within the budget instead of growing with every repository.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { createRepoCatalogs } from '../../src/triage/repo-catalogs.js';
import { tally, type Counts } from './support/tally.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const counts: Counts = {};
afterAll(() => tally('catalog', counts));

const ROCKET = readFileSync(
  new URL('../fixtures/app/incidents/rocket-flameout.yml', import.meta.url),
  'utf8',
);
const HEAD = ROCKET.slice(0, ROCKET.indexOf('\nmatch:'));

/** A deterministic word, different for every (file, list, item). */
const word = (seed: number): string => (Math.imul(seed + 1, 2654435761) >>> 0).toString(36);
const phrases = (seed: number, n: number, indent: string): string =>
  Array.from(
    { length: n },
    (_, i) => `${indent}- '${[0, 1, 2, 3, 4, 5].map((k) => word(seed * 1000 + i * 7 + k)).join(' ')}'`,
  ).join('\n');
const groups = (seed: number, n: number): string =>
  Array.from(
    { length: n },
    (_, g) => `    - name: g${g}\n      any:\n${phrases(seed + g + 1, 200, '        ')}`,
  ).join('\n');

/** A large incident file: hundreds of phrases (each repository's catalog compiles to tens of MB). */
function largeFile(repo: number, file: number) {
  const seed = repo * 100 + file;
  const text =
    `${HEAD.replace(/^id: .*$/m, `id: large-${repo}-${file}`)}\nmatch:\n` +
    `  signatures:\n${phrases(seed * 10 + 1, 100, '    ')}\n  frames:\n${phrases(seed * 10 + 2, 100, '    ')}\n` +
    `  keywords:\n${phrases(seed * 10 + 3, 100, '    ')}\n  require:\n${groups(seed * 10 + 4, 1)}\n`;
  return { source: `acme/big-${repo}:.github/crash-signatures/f${file}.yml`, sha: `s-${seed}`, text };
}

describe('compiled repository catalogs in memory', () => {
  it(
    'six repositories of 100 large incident files keep the heap within the budget',
    { timeout: 240_000 },
    () => {
      const budgetMb = 128;
      const catalogs = createRepoCatalogs([], { maxMegabytes: budgetMb });
      gc();
      const before = process.memoryUsage().heapUsed;
      let sourceBytes = 0;
      let keptMbMax = 0;
      // One job's use of a repository's catalog; what it compiled is kept or dropped by the budget after.
      const triageIn = (repo: number): void => {
        const files = Array.from({ length: 100 }, (_, f) => largeFile(repo, f));
        sourceBytes += files.reduce((n, f) => n + f.text.length, 0);
        const catalog = catalogs.catalogFor(false, { files, problems: [] });
        // Every file is valid: the catalog is whole.
        expect(catalog.problems).toEqual([]);
        expect(catalog.index.incidents).toHaveLength(100);
      };
      for (let repo = 0; repo < 6; repo++) {
        triageIn(repo);
        gc();
        keptMbMax = Math.max(keptMbMax, (process.memoryUsage().heapUsed - before) / 2 ** 20);
      }
      counts.memRepos = 6;
      counts.memSourceMb = Math.round(sourceBytes / 6 / 2 ** 20);
      counts.memKeptMbMax = Math.round(keptMbMax);
      counts.memBudgetMb = budgetMb;
      expect(keptMbMax).toBeLessThan(budgetMb);
    },
  );
});
