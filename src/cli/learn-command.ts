// `crash-triage learn OWNER/REPO [--catalog DIR] [--write]`: what the maintainers' verdicts on the app's
// comments teach the incident files. The work is src/learn/; this reads the flags and the environment
// (token, API URL, cache folder), draws a progress bar on a terminal, and prints the report. Anything
// that stops the run is one line on stderr and exit 2; with --write, lint problems afterwards exit 1.
import { describeFailure } from '../backtest/describe-failure.js';
import { progressLine } from '../backtest/format-backtest.js';
import { formatLearn } from '../learn/format-learn.js';
import { CatalogDirError, runLearn } from '../learn/run-learn.js';
import { githubAccess } from './cli-options.js';
import { parse } from './args.js';
import type { BacktestEnv } from './backtest-command.js';
import { processBacktestEnv } from './backtest-command.js';
import type { Io } from './io.js';

export const LEARN_USAGE =
  'usage: crash-triage learn OWNER/REPO [--catalog DIR] [--write] [--cache-dir DIR] [--json]';

export async function learnCommand(
  args: string[],
  io: Io,
  where: BacktestEnv = processBacktestEnv(),
): Promise<number> {
  const p = parse(args, {
    catalog: { type: 'string' },
    write: { type: 'boolean' },
    'cache-dir': { type: 'string' },
    json: { type: 'boolean' },
  });
  if ('error' in p) return io.usage(p.error, LEARN_USAGE);
  const repo = p.positionals[0];
  if (!repo || p.positionals.length > 1 || !/^[\w.-]+\/[\w.-]+$/.test(repo))
    return io.usage('give one repository as OWNER/REPO', LEARN_USAGE);
  const write = p.values.write === true;
  const catalogDir = typeof p.values.catalog === 'string' ? p.values.catalog : undefined;
  if (write && !catalogDir) return io.usage('--write needs --catalog DIR (the files to add to)', LEARN_USAGE);

  const { env, progress } = where;
  const { token, apiUrl, cacheDir } = githubAccess(env, p.values);
  let summary;
  try {
    summary = await runLearn({
      repo,
      apiUrl,
      ...(token ? { token } : {}),
      ...(catalogDir ? { catalogDir } : {}),
      write,
      cacheDir,
      ...(progress
        ? {
            onProgress: (phase: string, done: number, total?: number) =>
              progress(progressLine(phase, done, total)),
          }
        : {}),
    });
  } catch (err) {
    if (progress) progress('');
    const said =
      err instanceof CatalogDirError
        ? err.message
        : describeFailure(err, { repo, apiUrl, token: token !== undefined });
    io.err(`crash-triage learn: ${said}`);
    return 2;
  }
  if (progress) progress('');
  io.out(p.values.json ? JSON.stringify(summary, null, 2) : formatLearn(summary, { write }).join('\n'));
  return write && summary.lint.length > 0 ? 1 : 0;
}
