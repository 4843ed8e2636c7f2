// `crash-triage backtest` end to end against the GitHub stand-in over real HTTP: pagination with pull
// requests skipped, the issue filters, the repository's own settings and incident files (or --catalog),
// the app's earlier comments and maintainers' corrections, the JSON shape, the ETag cache (a second run
// costs only 304s), and one line plus exit 2 for each way the run cannot start.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import { main } from '../../src/cli/main.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../src/demo/github-stand-in.js';
import { renderDismissedComment, renderIncidentComment } from '../../src/render/render-comment.js';
import { renderMarker } from '../../src/render/comment-marker.js';
import { backtest, backtestJson, freshCacheDir, PUMA, REPO, ROCKET, UNRELATED } from './backtest-harness.js';

const PUMA_ID = 'puma-m4-sptm-yjit';
const ROCKET_ID = 'rocket-igniter-flameout';
const ROCKET_FILE = readFileSync(
  new URL('../fixtures/app/incidents/rocket-flameout.yml', import.meta.url),
  'utf8',
);
const INCIDENTS_DIR = fileURLToPath(new URL('../fixtures/app/incidents/', import.meta.url));

let github: GitHubStandIn;
afterEach(async () => {
  const running = github as GitHubStandIn | undefined;
  github = undefined as unknown as GitHubStandIn;
  await running?.close();
});

const listings = () => github.requests.filter((r) => /\/issues\?/.test(r.path));
const commentReads = () => github.requests.filter((r) => /\/issues\/\d+\/comments/.test(r.path));

describe('crash-triage backtest: reading the repository', () => {
  it('reads every page, skips pull requests, and triages each issue with the bundled catalog', async () => {
    github = await startGitHubStandIn();
    // 260 issues: every 10th the Puma panic, the rest unrelated; 40 pull requests mixed in.
    github.addIssues(REPO, 300, (i) =>
      i % 15 === 7
        ? { title: `Bump dependency ${i}`, body: PUMA.body, pullRequest: true }
        : i % 10 === 0
          ? PUMA
          : UNRELATED[i % UNRELATED.length]!,
    );
    const prs = [...github.state.repo(REPO).issues.values()].filter((i) => i.pullRequest).length;
    const j = await backtestJson(github, ['--cache-dir', freshCacheDir()]);
    expect(j.scanned).toBe(300 - prs);
    expect(j.skipped_pull_requests).toBe(prs);
    // 300 items, 100 a page.
    expect(listings()).toHaveLength(3);
    const puma = [...github.state.repo(REPO).issues.values()].filter((i) => i.title === PUMA.title);
    expect(j.by_incident[PUMA_ID]!.map((i) => i.number).sort((a, b) => a - b)).toEqual(
      puma.map((i) => i.number),
    );
    expect(j.would_comment).toBe(puma.length);
    expect(Object.keys(j.by_incident)).toEqual([PUMA_ID]);
    expect(j.by_incident[PUMA_ID]![0]!.url).toBe(`${github.url}/${REPO}/issues/${puma.at(-1)!.number}`);
    // No issue has comments: no comment was read.
    expect(commentReads()).toEqual([]);
  });

  it.each([
    { args: [], expected: [8, 6, 5, 4, 3, 2, 1] },
    { args: ['--state', 'open'], expected: [8, 5, 4, 2, 1] },
    { args: ['--state', 'closed'], expected: [6, 3] },
    { args: ['--since', '2025-03-04'], expected: [8, 6, 5, 4] },
    { args: ['--limit', '3'], expected: [8, 6, 5] },
    { args: ['--state', 'open', '--limit', '2', '--since', '2025-03-02'], expected: [8, 5] },
  ])('$args → issues $expected', async ({ args, expected }) => {
    github = await startGitHubStandIn();
    // Issue n updated on 2025-03-0n; 3 and 6 closed; 7 a pull request.
    github.addIssues(REPO, 8, (i) => ({
      ...UNRELATED[i % UNRELATED.length]!,
      state: i === 2 || i === 5 ? 'closed' : 'open',
      pullRequest: i === 6,
      createdAt: `2025-03-0${i + 1}T12:00:00Z`,
    }));
    const j = await backtestJson(github, ['--cache-dir', freshCacheDir(), ...args]);
    expect(j.issues.map((i) => i.number)).toEqual(expected);
  });

  it("uses the repository's own settings and incident folder, read once, as the app reads them", async () => {
    github = await startGitHubStandIn();
    github.setFile(
      REPO,
      '.github/crash-triage.yml',
      'use_bundled_catalog: false\nincident_dir: ops/incidents\nmin_confidence: 0.6\nlabel_prefix: "crash/"\nextra_labels: [triaged]\n',
    );
    github.setFile(REPO, 'ops/incidents/rocket-flameout.yml', ROCKET_FILE);
    github.addIssues(REPO, 6, (i) => [ROCKET, PUMA, ...UNRELATED][i]!);
    const j = await backtestJson(github, ['--cache-dir', freshCacheDir()]);
    expect(j.settings).toEqual({
      min_confidence: 0.6,
      use_bundled_catalog: false,
      incidents: 1,
      problems: [],
    });
    // The Puma panic is a bundled incident, and the repository turned the bundled catalog off.
    expect(j.issues.filter((i) => i.verdict)).toEqual([
      expect.objectContaining({
        number: 1,
        verdict: ROCKET_ID,
        labels: ['crash/crash', 'crash/area: igniter', 'triaged'],
      }),
    ]);
    const reads = github.requests
      .filter((r) => /contents|blobs/.test(r.path))
      .map((r) => r.path.split('?')[0]);
    expect(reads).toEqual([
      `/repos/${REPO}/contents/.github/crash-triage.yml`,
      // the organization's shared catalog (absent here), then the repository's own folder
      `/repos/${REPO.split('/')[0]}/.github/contents/.github/crash-signatures`,
      `/repos/${REPO}/contents/ops/incidents`,
      expect.stringMatching(new RegExp(`^/repos/${REPO}/git/blobs/`)),
    ]);
  });

  it('--catalog uses those folders instead of the repository incident files (problems listed)', async () => {
    github = await startGitHubStandIn();
    github.addIssues(REPO, 2, (i) => [ROCKET, PUMA][i]!);
    const j = await backtestJson(github, ['--cache-dir', freshCacheDir(), '--catalog', INCIDENTS_DIR]);
    expect(j.issues.map((i) => i.verdict)).toEqual([PUMA_ID, ROCKET_ID]);
    expect(j.settings.incidents).toBe(loadCatalog().incidents.length + 1);
    expect(j.settings.problems).toEqual([expect.stringMatching(/broken\.yml: labels: /)]);
    expect(github.requests.some((r) => r.path.includes('crash-signatures'))).toBe(false);
  });

  it('works against GitHub Enterprise Server paths (/api/v3)', async () => {
    github = await startGitHubStandIn();
    github.addIssue(REPO, PUMA);
    const run = await backtest(github, ['--json', '--cache-dir', freshCacheDir()], {
      GITHUB_API_URL: `${github.url}/api/v3`,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).would_comment).toBe(1);
  });
});

describe('crash-triage backtest: what the app said before', () => {
  const puma = loadCatalog().incidents.find((i) => i.id === PUMA_ID)!;

  it("reports the app's earlier comments and maintainers' corrections, reading only threads with comments", async () => {
    github = await startGitHubStandIn();
    // 1: the app matched Puma and still would. 2: a maintainer dismissed it on an unrelated report.
    // 3: a maintainer chose Puma by hand on a report the app does not match. 4: another user pasted the
    // marker (not the app's). 5: a human comment only. 6: no comments.
    const n1 = github.addIssue(REPO, {
      ...PUMA,
      comments: [{ body: renderIncidentComment(puma, undefined).body, bot: true }],
    });
    const n2 = github.addIssue(REPO, {
      ...UNRELATED[0]!,
      comments: [
        { body: '/triage dismiss', login: 'maintainer' },
        { body: renderDismissedComment(PUMA_ID, 'maintainer').body, bot: true },
      ],
    });
    const n3 = github.addIssue(REPO, {
      ...UNRELATED[1]!,
      comments: [{ body: renderIncidentComment(puma, undefined, { chosenBy: 'lead-dev' }).body, bot: true }],
    });
    github.addIssue(REPO, {
      ...UNRELATED[2]!,
      comments: [
        { body: `${renderMarker({ state: 'matched', incident: PUMA_ID })}\ncopied`, login: 'someone' },
      ],
    });
    github.addIssue(REPO, { ...UNRELATED[3]!, comments: [{ body: 'same here', login: 'someone' }] });
    github.addIssue(REPO, UNRELATED[4]!);

    const j = await backtestJson(github, ['--cache-dir', freshCacheDir()]);
    expect(j.already_commented).toEqual([
      expect.objectContaining({
        number: n3,
        then: expect.objectContaining({ state: 'chosen', incident: PUMA_ID }),
        now: null,
      }),
      expect.objectContaining({
        number: n2,
        then: expect.objectContaining({ state: 'dismissed', incident: PUMA_ID }),
        now: null,
      }),
      expect.objectContaining({
        number: n1,
        then: expect.objectContaining({ state: 'matched', incident: PUMA_ID }),
        now: PUMA_ID,
        differs: false,
      }),
    ]);
    expect(j.corrections).toEqual([
      expect.objectContaining({
        number: n3,
        kind: 'chosen',
        incident: PUMA_ID,
        by: 'lead-dev',
        now: null,
        agrees: false,
      }),
      expect.objectContaining({
        number: n2,
        kind: 'dismissed',
        incident: PUMA_ID,
        by: 'maintainer',
        now: null,
        agrees: true,
      }),
    ]);
    // Five issues have comments; the sixth's thread is not read.
    expect(commentReads()).toHaveLength(5);
  });

  it('prints a readable report: totals, links per incident, earlier comments, corrections, cost, cache', async () => {
    github = await startGitHubStandIn();
    github.addIssue(REPO, PUMA);
    github.addIssue(REPO, {
      ...UNRELATED[0]!,
      comments: [{ body: renderDismissedComment(PUMA_ID, 'maintainer').body, bot: true }],
    });
    const cacheDir = freshCacheDir();
    const run = await backtest(github, ['--cache-dir', cacheDir]);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines).toContain('issues scanned: 2 (pull requests skipped: 0)');
    expect(lines).toContain('would comment on: 1');
    expect(lines).toContain(`${PUMA_ID}: 1 issue`);
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^  #1 \\d+% ${github.url}/${REPO}/issues/1$`)),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}#2 @maintainer dismissed puma-m4-sptm-yjit; now: no comment \(agrees\)/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^requests: \d+ sent, 0 answered 304/));
    expect(lines).toContain(`cache: ${cacheDir}`);
  });
});

describe('crash-triage backtest: the cache', () => {
  it('a second run costs only 304s; a changed incident file or issue is read again', async () => {
    github = await startGitHubStandIn();
    github.setFile(REPO, '.github/crash-signatures/rocket.yml', ROCKET_FILE);
    github.addIssues(REPO, 150, (i) =>
      i % 5 === 0 ? { ...ROCKET, comments: [{ body: 'me too' }] } : UNRELATED[i % 5]!,
    );
    const cacheDir = freshCacheDir();
    const first = await backtestJson(github, ['--cache-dir', cacheDir]);
    const sentFirst = github.requests.length;
    expect(first.requests.sent).toBe(sentFirst);
    expect(first.requests.not_modified).toBe(0);

    // The settings file is missing (here and in the organization's .github), and so is the organization's
    // shared catalog: GitHub's 404 has no ETag, so those three are asked again; everything else is a 304.
    const orgMiss = (path: string): boolean =>
      path.includes('crash-triage.yml') || path.includes('/.github/contents/.github/crash-signatures');
    const missing = github.requests.filter((r) => r.status === 404).length;
    expect(missing).toBe(3);
    const second = await backtestJson(github, ['--cache-dir', cacheDir]);
    const again = github.requests.slice(sentFirst);
    expect(again.map((r) => r.status)).toEqual(again.map((r) => (orgMiss(r.path) ? 404 : 304)));
    expect(again.length).toBe(sentFirst);
    expect(second.requests).toEqual({ sent: sentFirst, not_modified: sentFirst - missing, counted: missing });
    expect(second.by_incident).toEqual(first.by_incident);

    // A maintainer edits the incident file (drops a keyword): the folder and the new blob are read again.
    github.setFile(REPO, '.github/crash-signatures/rocket.yml', `${ROCKET_FILE}\n# tuned\n`);
    await backtestJson(github, ['--cache-dir', cacheDir]);
    const third = github.requests.slice(2 * sentFirst).filter((r) => r.status !== 304 && r.status !== 404);
    expect(third.map((r) => r.path.split('?')[0])).toEqual([
      `/repos/${REPO}/contents/.github/crash-signatures`,
      expect.stringMatching(/\/git\/blobs\//),
    ]);
  });
});

describe('crash-triage backtest: when it cannot run', () => {
  const closedPort = async (): Promise<string> => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return `http://127.0.0.1:${port}`;
  };

  it.each([
    [
      'an unknown repository',
      (_g: GitHubStandIn) => {},
      /^crash-triage backtest: repository acme\/rocket not found at http/,
    ],
    [
      'no access',
      (g: GitHubStandIn) => g.forbid(/^\/repos\/acme\/rocket$/),
      /^crash-triage backtest: no access to acme\/rocket \(403: Resource not accessible/,
    ],
    [
      'a refused token',
      (g: GitHubStandIn) =>
        void g.inject({ method: 'GET', path: /./, status: 401, body: { message: 'Bad credentials' } }),
      /^crash-triage backtest: GitHub refused the token \(401: Bad credentials\)/,
    ],
    [
      'the rate limit spent',
      (g: GitHubStandIn) => {
        g.addIssue(REPO, PUMA);
        g.setRateLimit({ remaining: 0 });
      },
      /^crash-triage backtest: GitHub's rate limit is spent until 20\d\d-.*; a token \(GITHUB_TOKEN or GH_TOKEN\) raises the limit$/,
    ],
    [
      'the rate limit spent in the middle of the listing',
      (g: GitHubStandIn) => {
        g.addIssues(REPO, 250, (i) => UNRELATED[i % 5]!);
        // The repository, the settings (repository and organization), the folder, the first page.
        g.setRateLimit({ remaining: 5 });
      },
      /^crash-triage backtest: GitHub's rate limit is spent until/,
    ],
  ])('%s: one line on stderr, exit 2', async (_name, setup, line) => {
    github = await startGitHubStandIn();
    setup(github);
    const run = await backtest(github, ['--cache-dir', freshCacheDir()]);
    expect(run).toEqual({ code: 2, out: '', err: [expect.stringMatching(line)] });
  });

  it('the network down: one line on stderr, exit 2', async () => {
    const url = await closedPort();
    const run = await backtest({ url }, ['--cache-dir', freshCacheDir()]);
    expect(run).toEqual({
      code: 2,
      out: '',
      err: [`crash-triage backtest: cannot reach GitHub's API at ${url} (ECONNREFUSED)`],
    });
  });

  it.each([
    [['backtest'], 'give one repository as OWNER/REPO'],
    [['backtest', 'not-a-repo'], 'give one repository as OWNER/REPO'],
    [['backtest', REPO, '--state', 'merged'], '--state must be open, closed or all'],
    [['backtest', REPO, '--since', 'yesterday-ish'], '--since must be a date, e.g. 2025-01-31'],
    [['backtest', REPO, '--limit', '0'], '--limit must be a whole number above 0'],
    [['backtest', REPO, '--frobnicate'], "Unknown option '--frobnicate'"],
  ])('%j: usage error, exit 2', async (args, message) => {
    const err: string[] = [];
    const code = await main(args, {
      out: () => {},
      err: (l) => void err.push(l),
      readStdin: async () => '',
      usage(m, u) {
        err.push(m, u);
        return 2;
      },
    });
    expect(code).toBe(2);
    expect(err[0]).toContain(message);
  });
});
