// `npm run build:vocabulary`: the background vocabulary the matcher tempers short phrases with
// (src/match/background-vocabulary.json). How many crash reports at large contain each token, counted
// over reports this project writes itself: generated crash logs in eight formats with their boilerplate
// (the benchmark's generator, fixed seeds) and the non-crash issue fixtures. Incident examples are left
// out on purpose: they hold the incidents' own signatures, which must stay specific.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReport } from '../bench/data/generate-reports.js';
import { makeWorld } from '../bench/data/vocabulary.js';
import { Rng } from '../bench/lib/prng.js';
import { extractSignals } from '../src/signals/extract-signals.js';
import { tokenize } from '../src/text/tokenize.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const REPORTS = 600;
const MIN_DOCS = 3;

const docs: string[][] = [];
const world = makeWorld(new Rng(20261205), 60);
for (let i = 0; i < REPORTS; i++) {
  const r = generateReport(new Rng(9000 + i), world, null, 2048 + (i % 4) * 4096);
  docs.push(tokenize(extractSignals(r.input).text));
}
for (const dir of ['test/fixtures/backtest']) {
  for (const name of readdirSync(join(root, dir)).filter((n) => n.endsWith('.md'))) {
    docs.push(
      tokenize(extractSignals({ title: '', body: readFileSync(join(root, dir, name), 'utf8') }).text),
    );
  }
}
const df = new Map<string, number>();
for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
const kept = Object.fromEntries(
  [...df].filter(([, n]) => n >= MIN_DOCS).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);
const out = join(root, 'src/match/background-vocabulary.json');
// Written as the project's formatter writes JSON, so a rebuild with the same inputs changes nothing.
writeFileSync(out, `${JSON.stringify({ docs: docs.length, df: kept }, null, 2)}\n`);
process.stderr.write(
  `${docs.length} reports, ${Object.keys(kept).length} tokens in ${MIN_DOCS}+ of them → ${out}\n`,
);
