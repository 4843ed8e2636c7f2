// Runs `crash-triage backtest` in this process against the GitHub stand-in over real HTTP, with its
// environment given (token, API URL) and its output captured, and seeds the stand-in with reports.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backtestCommand } from '../../src/cli/backtest-command.js';
import type { Io } from '../../src/cli/io.js';
import type { GitHubStandIn, IssueSeed } from '../../src/demo/github-stand-in.js';
import type { BacktestSummary } from '../../src/backtest/summarize-backtest.js';

export const REPO = 'acme/rocket';

/** A report file (`# title`, then the body) as an issue. */
export function report(path: string): IssueSeed {
  const text = readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
  const [first = '', ...rest] = text.split('\n');
  return { title: first.replace(/^#\s*/, '').trim() || 'crash report', body: rest.join('\n').trim() };
}

export const PUMA = report('app/reports/m4-puma-panic.md');
export const ROCKET = report('app/reports/rocket-flameout.md');
export const UNRELATED = [
  'backtest/csv-import-traceback.md',
  'backtest/dark-mode-request.md',
  'backtest/chart-tooltip-typeerror.md',
  'backtest/slow-sync.md',
  'app/reports/node-sharp-segfault.md',
].map(report);

export const freshCacheDir = (): string => mkdtempSync(join(tmpdir(), 'crash-triage-backtest-'));

export interface Run {
  code: number;
  out: string;
  err: string[];
}

export async function backtest(
  github: GitHubStandIn | { url: string },
  args: string[],
  env: Record<string, string> = {},
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => void out.push(l),
    err: (l) => void err.push(l),
    readStdin: async () => '',
    usage(message, usage) {
      err.push(message, usage);
      return 2;
    },
  };
  const code = await backtestCommand([REPO, ...args], io, {
    env: { GITHUB_API_URL: github.url, HOME: tmpdir(), ...env },
    progress: null,
  });
  return { code, out: out.join('\n'), err };
}

/** The JSON report of a run that must succeed. */
export async function backtestJson(github: GitHubStandIn, args: string[], env: Record<string, string> = {}) {
  const run = await backtest(github, ['--json', ...args], env);
  if (run.code !== 0) throw new Error(`backtest failed (${run.code}): ${run.err.join('\n')}`);
  return JSON.parse(run.out) as BacktestSummary;
}
