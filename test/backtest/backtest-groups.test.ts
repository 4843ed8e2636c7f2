// `crash-triage backtest --groups` against the GitHub stand-in: the unmatched crash reports grouped by
// signature (crash line | top frames), largest first, with their links (newest first); matched issues and reports
// without a stack or crash line are left out; reports of one crash that differ in addresses, ids and
// quoted values fall in one group.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { crashSignature } from '../../src/backtest/group-unmatched.js';
import { startGitHubStandIn, type GitHubStandIn, type IssueSeed } from '../../src/demo/github-stand-in.js';
import { backtest, backtestJson, freshCacheDir, PUMA, REPO } from './backtest-harness.js';

const fixture = (name: string): IssueSeed => {
  const [first = '', ...rest] = readFileSync(
    new URL(`../fixtures/draft/${name}`, import.meta.url),
    'utf8',
  ).split('\n');
  return { title: first.replace(/^#\s*/, ''), body: rest.join('\n').trim() };
};
const GDB = fixture('gdb-backtrace.md');
const GO = fixture('go-panic.md');
const PY = fixture('python-traceback.md');
// The same crash on another run: other addresses, thread and goroutine ids, quoted values.
const vary = (seed: IssueSeed, n: number): IssueSeed => ({
  title: `${seed.title} (${n})`,
  body: seed
    .body!.replace(/0x[0-9a-f]+/g, (h) => `0x${(parseInt(h.slice(2, 10) || '0', 16) + n).toString(16)}`)
    .replace(/goroutine \d+/, `goroutine ${30 + n}`)
    .replace(/Thread \d+/, `Thread ${n}`)
    .replace(/'Betrag'/, `'Amount${n}'`),
});

let github: GitHubStandIn;
afterEach(async () => {
  const running = github as GitHubStandIn | undefined;
  github = undefined as unknown as GitHubStandIn;
  await running?.close();
});

describe('crash-triage backtest --groups', () => {
  it('groups unmatched crash reports by signature, largest first, with links', async () => {
    github = await startGitHubStandIn();
    const seeds: IssueSeed[] = [
      GDB,
      GO,
      PUMA,
      vary(GDB, 1),
      { title: 'Dark mode please', body: 'The settings page is too bright at night.' },
      vary(GO, 2),
      PY,
      vary(GDB, 3),
    ];
    for (const s of seeds) github.state.addIssue(github.state.repo(REPO), s);
    const j = await backtestJson(github, ['--groups', '--cache-dir', freshCacheDir()]);
    expect(j.groups!.map((g) => g.issues.map((i) => i.number))).toEqual([[8, 4, 1], [6, 2], [7]]);
    expect(j.groups![0]!.signature).toMatch(/tm_ring_clip_edges \| tm_polygon_clip \| tm_tile_merge_layers$/);
    expect(j.groups![1]!.signature).toMatch(
      /^panic: runtime error: index out of range \[N\] with length N \| /,
    );

    const text = await backtest(github, ['--groups', '--cache-dir', freshCacheDir()]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(
      'unmatched crash reports, grouped by signature (crash line | top frames): 6 in 3 groups',
    );
    expect(text.out).toMatch(/ {2}3× .*\n {6}#8 http.*\/issues\/8\n {6}#4 /);
  });

  it('leaves --groups out of a run that does not ask for it', async () => {
    github = await startGitHubStandIn();
    github.state.addIssue(github.state.repo(REPO), GDB);
    const j = await backtestJson(github, ['--cache-dir', freshCacheDir()]);
    expect(j.groups).toBeUndefined();
  });

  it.each([
    [
      'prose without a stack or crash line',
      { title: 'It closes', body: 'The app closes when I click save.' },
      null,
    ],
    [
      'the same Go panic on another goroutine',
      vary(GO, 9),
      crashSignature({ title: GO.title, body: GO.body! }),
    ],
  ])('signature: %s', (_name, seed, expected) => {
    expect(crashSignature({ title: seed.title, body: seed.body ?? '' })).toBe(expected);
  });
});
