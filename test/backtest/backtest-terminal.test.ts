// The progress bar as a maintainer sees it: `crash-triage backtest` run in a child process on a
// pseudo-terminal (util-linux `script`), then with stderr piped to a file as in CI, where it must stay
// quiet. The in-process tests cannot show this: whether to draw is decided by `process.stderr.isTTY`.
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderIncidentComment } from '../../src/render/render-comment.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../src/demo/github-stand-in.js';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import { freshCacheDir, REPO, UNRELATED } from './backtest-harness.js';

const ENTRY = fileURLToPath(new URL('./cli-entry.mts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLEAR_LINE = '\r\x1b[2K';

let github: GitHubStandIn | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `file args` with the stand-in's URL; resolves with its exit code and output. */
function run(file: string, args: string[], url: string): Promise<Ran> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      {
        cwd: ROOT,
        env: { ...process.env, GITHUB_API_URL: url, GITHUB_TOKEN: '', GH_TOKEN: '' },
        timeout: 60_000,
      },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

const backtestArgs = () => ['--import', 'tsx', ENTRY, 'backtest', REPO, '--cache-dir', freshCacheDir()];

/** 250 issues (three pages), 12 of them with a comment of the app's to read. */
async function seededStandIn(): Promise<GitHubStandIn> {
  const g = await startGitHubStandIn();
  const puma = loadCatalog().incidents.find((i) => i.id === 'puma-m4-sptm-yjit')!;
  const earlier = renderIncidentComment(puma, undefined);
  g.addIssues(REPO, 250, (i) => ({
    ...UNRELATED[i % UNRELATED.length]!,
    ...(i % 20 === 0 ? { comments: [{ body: earlier.body, bot: true }] } : {}),
  }));
  return g;
}

describe('crash-triage backtest: progress on a terminal', () => {
  beforeAll(() => {
    if (spawnSync('script', ['--version']).error)
      throw new Error('`script` not found: install it with `sudo apt-get install bsdutils` (util-linux)');
  });

  it('draws the issues count and a comments bar on the terminal, then clears it before the report', async () => {
    github = await seededStandIn();
    const cmd = [process.execPath, ...backtestArgs()].map((a) => `'${a}'`).join(' ');
    const r = await run('script', ['-qec', cmd, '/dev/null'], github.url);
    expect(r.code).toBe(0);
    // On a pseudo-terminal stdout and stderr are one stream.
    const screen = r.stdout;
    expect(screen).toContain(`${CLEAR_LINE}issues 100`);
    expect(screen).toContain(`${CLEAR_LINE}issues 250`);
    expect(screen).toMatch(/\r\x1b\[2Kcomments \[#+-*\] \d+\/13/);
    expect(screen).toContain(`${CLEAR_LINE}comments [${'#'.repeat(30)}] 13/13`);
    // The last thing drawn before the report is an empty, cleared line.
    const report = screen.indexOf('crash-triage backtest of acme/rocket');
    expect(report).toBeGreaterThan(0);
    expect(screen.slice(0, report).endsWith(CLEAR_LINE)).toBe(true);
    expect(screen.slice(report)).toContain('issues scanned: 250');
  });

  it('draws nothing when stderr is not a terminal', async () => {
    github = await seededStandIn();
    const r = await run(process.execPath, backtestArgs(), github.url);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('issues scanned: 250');
    expect(r.stdout).not.toContain('\x1b');
  });
});
