// `crash-triage learn` end to end against the GitHub stand-in over real HTTP: the app's markers of every
// kind (matched and closed, chosen, dismissed, not=), pages of comments and issues, a correction that
// contradicts an example the file already has, and --write (the file keeps its text; lint runs after).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { learnCommand } from '../../src/cli/learn-command.js';
import { startGitHubStandIn, type GitHubStandIn, type IssueSeed } from '../../src/demo/github-stand-in.js';
import type { LearnSummary } from '../../src/learn/run-learn.js';
import { renderMarker, type MarkerData } from '../../src/render/comment-marker.js';
import { freshCacheDir, PUMA, REPO, ROCKET, UNRELATED } from '../backtest/backtest-harness.js';

const ROCKET_ID = 'rocket-igniter-flameout';
const PUMA_ID = 'puma-m4-sptm-yjit';
const FIXTURE = readFileSync(
  new URL('../fixtures/app/incidents/rocket-flameout.yml', import.meta.url),
  'utf8',
);
// An example the file already holds, which a maintainer later ruled out on its issue.
const KEPT = {
  title: 'Igniter loop died once',
  body: 'FATAL: ROCKET_FLAMEOUT_0x2A in igniter_loop (igniter.c:88)',
};
const FILE_TEXT = `${FIXTURE.trimEnd()}\n# examples kept by hand\nexamples:\n  - title: ${KEPT.title}\n    body: '${KEPT.body}'\n`;

let github: GitHubStandIn;
afterEach(async () => {
  const running = github as GitHubStandIn | undefined;
  github = undefined as unknown as GitHubStandIn;
  await running?.close();
});

function catalogDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crash-triage-learn-'));
  writeFileSync(join(dir, 'rocket-flameout.yml'), FILE_TEXT);
  return dir;
}

const bot = (data: MarkerData) => ({ body: `${renderMarker(data)}\n\n### crash-triage`, bot: true });

async function learn(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => void out.push(l),
    err: (l) => void err.push(l),
    readStdin: async () => '',
    usage: (m, u) => (err.push(m, u), 2),
  };
  const code = await learnCommand([REPO, '--cache-dir', freshCacheDir(), ...args], io, {
    env: { GITHUB_API_URL: github.url, HOME: tmpdir(), ...env },
    progress: null,
  });
  return { code, out: out.join('\n'), err };
}

/** The seeded issues: number → what a maintainer did, and what learn must make of it. */
const SEEDS: [IssueSeed, string][] = [
  [{ ...ROCKET, comments: [bot({ state: 'chosen', incident: ROCKET_ID })] }, 'example (as)'],
  [
    { ...ROCKET, state: 'closed', comments: [bot({ state: 'matched', incident: ROCKET_ID })] },
    'example (closed as completed)',
  ],
  [{ ...ROCKET, comments: [bot({ state: 'matched', incident: ROCKET_ID })] }, 'nothing: still open'],
  [
    {
      ...ROCKET,
      state: 'closed',
      stateReason: 'not_planned',
      comments: [bot({ state: 'matched', incident: ROCKET_ID })],
    },
    'nothing: closed as not planned',
  ],
  [{ ...UNRELATED[0]!, comments: [bot({ state: 'dismissed', incident: ROCKET_ID })] }, 'counter (dismissed)'],
  [{ ...PUMA, comments: [bot({ state: 'matched', incident: PUMA_ID, not: [ROCKET_ID] })] }, 'counter (not)'],
  [{ ...KEPT, comments: [bot({ state: 'no-match', not: [ROCKET_ID] })] }, 'contradiction'],
  [
    { ...UNRELATED[1]!, comments: [bot({ state: 'chosen', incident: ROCKET_ID })] },
    'example the matcher misses',
  ],
  [
    {
      ...ROCKET,
      comments: [{ body: renderMarker({ state: 'chosen', incident: ROCKET_ID }), login: 'someone' }],
    },
    'nothing: a person quoting the marker',
  ],
];

function seed(): void {
  for (const [issue] of SEEDS) github.state.addIssue(github.state.repo(REPO), issue);
  // 150 more issues with a comment each: two pages of issues and of comments.
  github.addIssues(REPO, 150, (i) => ({
    ...UNRELATED[i % UNRELATED.length]!,
    comments: [{ body: 'me too' }],
  }));
}

describe('crash-triage learn', () => {
  it('proposes examples and counter-examples from every kind of marker, over pages', async () => {
    github = await startGitHubStandIn();
    seed();
    const run = await learn(['--catalog', catalogDir(), '--json']);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    const s = JSON.parse(run.out) as LearnSummary;
    expect(s.states).toEqual({ matched: 4, chosen: 2, dismissed: 1, 'no-match': 1 });
    expect(s.proposals.map((x) => [x.number, x.incidentId, x.kind, x.matcherSays])).toEqual([
      [1, ROCKET_ID, 'example', ROCKET_ID],
      [2, ROCKET_ID, 'example', ROCKET_ID],
      [5, ROCKET_ID, 'counter_example', null],
      [6, ROCKET_ID, 'counter_example', PUMA_ID],
      [8, ROCKET_ID, 'example', null],
    ]);
    expect(s.proposals[0]!.example.note).toBe(
      `${github.url}/${REPO}/issues/1: a maintainer chose it (/triage as)`,
    );
    expect(s.contradictions).toEqual([
      expect.objectContaining({
        number: 7,
        incidentId: ROCKET_ID,
        message: expect.stringMatching(/is an example of/),
      }),
    ]);
    const pages = (path: RegExp) => github.requests.filter((r) => path.test(r.path)).length;
    expect(pages(/\/issues\/comments\?/)).toBe(2);
    expect(pages(/\/issues\?/)).toBe(2);
  });

  it('--write adds them to the file, keeps its text and comments, and lints it again', async () => {
    github = await startGitHubStandIn();
    seed();
    const dir = catalogDir();
    const run = await learn(['--catalog', dir, '--write']);
    const text = readFileSync(join(dir, 'rocket-flameout.yml'), 'utf8');
    // Everything written by hand is still there, byte for byte, in front of the new entries.
    expect(text.startsWith(FILE_TEXT.trimEnd())).toBe(true);
    expect(text).toContain('# examples kept by hand');
    // one workaround, the kept example, three new examples, two counter-examples
    expect(text.match(/^ {2}- title:/gm)).toHaveLength(1 + 1 + 3 + 2);
    expect(text).toContain('counter_examples:\n  - title:');
    // The example the matcher misses is reported, and the run says so with exit 1.
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/lint after writing: 1 problem\(s\)\n.*rocket-flameout\.yml: examples\.3: /);
    expect(run.out).toContain('contradictions (not written');

    // A second run finds them all in the file: nothing new to propose.
    const again = await learn(['--catalog', dir, '--json']);
    const s = JSON.parse(again.out) as LearnSummary;
    expect(s.proposals).toEqual([]);
    expect(s.alreadyKnown).toBe(5);
  });

  it.each([
    [['--write'], /--write needs --catalog/],
    [['--catalog', '/no/such/folder'], /\/no\/such\/folder is not a folder/],
  ])('%j: one line, exit 2', async (args, said) => {
    github = await startGitHubStandIn();
    seed();
    const run = await learn(args);
    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(said);
  });

  it('an unknown repository: one line, exit 2', async () => {
    github = await startGitHubStandIn();
    const run = await learn([]);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([
      expect.stringMatching(/^crash-triage learn: repository acme\/rocket not found/),
    ]);
  });
});
