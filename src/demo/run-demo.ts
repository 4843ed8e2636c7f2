// `crash-triage demo`: the whole path, webhook to comment, on this machine. Starts the real app (Probot
// and its node middleware on a local port) against a local stand-in for GitHub's API, sends it a signed
// `issues.opened` webhook per example report in examples/, waits for the triage queue to drain, prints
// what was posted and a summary table (report → verdict → why), and shuts everything down. No GitHub credentials: the app key is made in memory.
/* eslint-disable no-console -- the demo's output is for the terminal, like the CLI's. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../catalog/bundled-catalog.js';
import { compileIndex } from '../match/compile-index.js';
import { startGitHubStandIn } from './github-stand-in.js';
import { summaryTable } from './summary-table.js';
import { startLocalApp } from './start-local-app.js';
import { issueOpenedPayload, sendWebhook } from './webhooks.js';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));
const REPO = 'demo-org/demo-app';
const SECRET = 'demo-webhook-secret';

const USAGE = `Usage: crash-triage demo [folder] [--verbose]

Runs the GitHub App against a local stand-in for GitHub's API and prints the comments and labels it
posts for each example report (*.md, first line "# title") in the folder (default: examples/).
--verbose also prints the app's log and every API request it made.`;

export async function runDemo(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const verbose = args.includes('--verbose');
  const dir = args.find((a) => !a.startsWith('-')) ?? EXAMPLES_DIR;
  const reports = readReports(dir);
  if (reports.length === 0) {
    console.error(`crash-triage demo: no example reports (*.md) in ${dir}`);
    return 1;
  }

  const github = await startGitHubStandIn();
  const app = await startLocalApp({
    baseUrl: github.url,
    secret: SECRET,
    logLevel: verbose ? 'info' : 'warn',
  });
  const url = app.webhookUrl;

  try {
    console.log(`crash-triage demo: the app on ${url}, GitHub's API stood in by ${github.url}\n`);
    const started = Date.now();
    for (const [i, report] of reports.entries()) {
      const payload = issueOpenedPayload({ repo: REPO, number: i + 1, ...report });
      const status = await sendWebhook({ url, secret: SECRET, event: 'issues', payload });
      console.log(`→ issues.opened #${i + 1} "${report.title}" (${report.file}): HTTP ${status}`);
    }
    await app.queue.onIdle();
    const elapsed = Date.now() - started;
    for (const [i, report] of reports.entries()) {
      printIssue(i + 1, report.title, github.comments(REPO, i + 1), github.issueLabels(REPO, i + 1));
    }
    // The same core the app ran, for the "why" column (the demo uses the bundled catalog only).
    const index = compileIndex(loadCatalog().incidents);
    const rows = reports.map((r, i) => ({
      file: r.file,
      input: { title: r.title, body: r.body, repo: REPO },
      comments: github.comments(REPO, i + 1),
    }));
    console.log(`\n${'='.repeat(100)}\nSummary: report → verdict → why\n`);
    for (const line of summaryTable(rows, index)) console.log(line);
    if (verbose) {
      console.log(`\nAPI requests, in order:`);
      for (const r of github.requests) console.log(`  ${r.status} ${r.method} ${r.path}`);
    }
    const writes = github.requests.filter((r) => r.method !== 'GET').length;
    console.log(
      `\n${reports.length} webhooks, ${github.requests.length} API requests (${writes} writes), ${elapsed} ms.`,
    );
    return 0;
  } finally {
    await app.close();
    await github.close();
  }
}

interface ExampleReport {
  file: string;
  title: string;
  body: string;
}

function readReports(dir: string): ExampleReport[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const [first = '', ...rest] = text.split('\n');
      return { file, title: first.replace(/^#\s*/, '').trim(), body: rest.join('\n').trim() };
    });
}

function printIssue(n: number, title: string, comments: { body: string }[], labels: string[]): void {
  console.log(`\n${'='.repeat(100)}\n#${n} ${title}`);
  if (comments.length === 0) {
    console.log('no comment (no confident match)');
    return;
  }
  console.log(`labels: ${labels.join(', ') || '(none)'}`);
  for (const c of comments) console.log(`--- comment ---\n${c.body.trim()}`);
}
