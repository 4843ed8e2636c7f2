// For measuring the backtest by hand: the GitHub stand-in, seeded with N issues (the bundled examples and
// the unrelated test reports, in turn; one in ten with a comment, one in twenty a pull request), serving
// until stopped. Prints the repository and the URL to give as GITHUB_API_URL.
//   npx tsx test/backtest/serve-seeded-stand-in.ts 1000
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startGitHubStandIn } from '../../src/demo/github-stand-in.js';
import { REPO, report, UNRELATED } from './backtest-harness.js';

const count = Number(process.argv[2] ?? 1000);
const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => report(`../../examples/${f}`));
const reports = [...examples, ...UNRELATED];

const github = await startGitHubStandIn();
github.addIssues(REPO, count, (i) => ({
  ...reports[i % reports.length]!,
  pullRequest: i % 20 === 19,
  state: i % 3 === 0 ? 'closed' : 'open',
  ...(i % 10 === 3 ? { comments: [{ body: 'Same here, on the latest release.', login: 'someone' }] } : {}),
}));
process.stdout.write(`${REPO} ${github.url}\n`);
process.on('SIGINT', () => void github.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void github.close().then(() => process.exit(0)));
