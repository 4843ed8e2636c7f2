// The reports a draft's phrases are compared with (see document-frequency.ts): every example and
// counter-example of the catalogs in use, and, in a checkout of this project, the crash reports under
// test/fixtures (minus the draft fixtures themselves, which would count each report against itself).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_CATALOG_DIR } from '../catalog/bundled-catalog.js';
import type { Incident } from '../types.js';

const FIXTURES = resolve(BUNDLED_CATALOG_DIR, '..', 'test', 'fixtures');
// Fixture folders that are not independent crash reports.
const SKIPPED = new Set(['draft']);
const MAX_FILES = 2_000;

export function reportCorpus(incidents: readonly Incident[]): string[] {
  const texts = incidents.flatMap((i) =>
    [...i.examples, ...i.counterExamples].map((e) => `${e.title}\n${e.body}`),
  );
  if (existsSync(FIXTURES)) texts.push(...markdownUnder(FIXTURES));
  return texts;
}

function markdownUnder(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (found.length >= MAX_FILES) break;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIPPED.has(name)) markdownUnder(path, found);
    } else if (name.endsWith('.md')) found.push(readFileSync(path, 'utf8'));
  }
  return found;
}
