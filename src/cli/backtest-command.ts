// `crash-triage backtest OWNER/REPO`: what the app would have said on a repository's past issues, before
// anyone installs it. The work is src/backtest/; this reads the flags and the environment (token, API
// URL, cache folder), draws a progress bar on a terminal's stderr, and prints the report or its JSON.
// Anything that stops the run (an unknown repository, no access, the rate limit, no network) is one line
// on stderr and exit 2.
import { writeFileSync } from 'node:fs';
import { describeFailure } from '../backtest/describe-failure.js';
import { formatBacktest, progressLine } from '../backtest/format-backtest.js';
import { runBacktest } from '../backtest/run-backtest.js';
import { parse, strings } from './args.js';
import { CATALOG_OPTIONS, minConfidenceOption, githubAccess } from './cli-options.js';
import type { Io } from './io.js';

export const BACKTEST_USAGE =
  'usage: crash-triage backtest OWNER/REPO [--state open|closed|all] [--since DATE] [--limit N] [--catalog DIR]... [--no-bundled] [--min-confidence X] [--cache-dir DIR] [--groups] [--json] [--out FILE]';

export interface BacktestEnv {
  env: Record<string, string | undefined>;
  /** Where the progress bar goes (a terminal's stderr), or null for none. */
  progress: ((line: string) => void) | null;
}

export function processBacktestEnv(): BacktestEnv {
  const tty = process.stderr.isTTY;
  return { env: process.env, progress: tty ? (line) => void process.stderr.write(`\r\x1b[2K${line}`) : null };
}

export async function backtestCommand(
  args: string[],
  io: Io,
  where: BacktestEnv = processBacktestEnv(),
): Promise<number> {
  const p = parse(args, {
    ...CATALOG_OPTIONS,
    state: { type: 'string', default: 'all' },
    since: { type: 'string' },
    limit: { type: 'string' },
    'cache-dir': { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    groups: { type: 'boolean' },
  });
  if ('error' in p) return io.usage(p.error, BACKTEST_USAGE);
  const repo = p.positionals[0];
  if (!repo || p.positionals.length > 1 || !/^[\w.-]+\/[\w.-]+$/.test(repo))
    return io.usage('give one repository as OWNER/REPO', BACKTEST_USAGE);
  const state = String(p.values.state);
  if (state !== 'open' && state !== 'closed' && state !== 'all')
    return io.usage('--state must be open, closed or all', BACKTEST_USAGE);
  const since = p.values.since === undefined ? undefined : new Date(String(p.values.since));
  if (since && Number.isNaN(since.getTime()))
    return io.usage('--since must be a date, e.g. 2025-01-31', BACKTEST_USAGE);
  const limit = p.values.limit === undefined ? undefined : Number(p.values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    return io.usage('--limit must be a whole number above 0', BACKTEST_USAGE);
  const min = minConfidenceOption(p.values);
  if ('error' in min) return io.usage(min.error, BACKTEST_USAGE);

  const { env, progress } = where;
  const { token, apiUrl, cacheDir } = githubAccess(env, p.values);
  let summary;
  try {
    summary = await runBacktest({
      repo,
      apiUrl,
      ...(token ? { token } : {}),
      query: { state, ...(since ? { since: since.toISOString() } : {}), ...(limit ? { limit } : {}) },
      catalogDirs: strings(p.values.catalog),
      noBundled: p.values['no-bundled'] === true,
      ...(min.value !== undefined ? { minConfidence: min.value } : {}),
      cacheDir,
      groups: p.values.groups === true,
      ...(progress
        ? {
            onProgress: (phase: string, done: number, total?: number) =>
              progress(progressLine(phase, done, total)),
          }
        : {}),
    });
  } catch (err) {
    if (progress) progress('');
    io.err(`crash-triage backtest: ${describeFailure(err, { repo, apiUrl, token: token !== undefined })}`);
    return 2;
  }
  if (progress) progress('');
  const text = p.values.json ? JSON.stringify(summary, null, 2) : formatBacktest(summary).join('\n');
  if (typeof p.values.out === 'string') {
    try {
      writeFileSync(p.values.out, `${text}\n`);
    } catch (err) {
      io.err(
        `crash-triage backtest: cannot write ${p.values.out}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return 2;
    }
    io.err(`crash-triage backtest: written to ${p.values.out}`);
  } else io.out(text);
  return 0;
}
