// The GitHub Action as the runner runs it: the committed bundle (action/dist/index.mjs) in a child process
// with the runner's environment variables, against the local GitHub stand-in over HTTP. Each row is an
// event a workflow receives; the assertions are what a maintainer sees: the comment, the labels, the step
// summary and outputs, and the exit code.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from '../../src/demo/github-stand-in.js';
import { commentCreated, FULL_NAME, issueEdited, issueOpened } from '../fixtures/app/payloads.js';

const BUNDLE = fileURLToPath(new URL('../../action/dist/index.mjs', import.meta.url));
const fixture = (path: string): string =>
  readFileSync(new URL(`../fixtures/app/reports/${path}`, import.meta.url), 'utf8');
const PUMA_BODY = fixture('m4-puma-panic.md');
const OTHER_BODY = fixture('node-sharp-segfault.md');
const PUMA_LABELS = ['crash', 'known-incident', 'upstream: apple', 'platform: macos'];

interface Run {
  code: number | null;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
}

let github: GitHubStandIn;
let dir: string;

beforeEach(async () => {
  github = await startGitHubStandIn();
  dir = mkdtempSync(join(tmpdir(), 'crash-triage-action-'));
});
afterEach(() => github.close());

function runAction(
  eventName: string,
  payload: object,
  { workspace, apiUrl }: { workspace?: string; apiUrl?: string } = {},
): Promise<Run> {
  const eventPath = join(dir, `event-${Math.random().toString(36).slice(2)}.json`);
  const summaryPath = join(dir, 'summary.md');
  const outputPath = join(dir, 'output.txt');
  writeFileSync(eventPath, JSON.stringify(payload));
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const env = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: apiUrl ?? github.url,
    GITHUB_REPOSITORY: FULL_NAME,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    'INPUT_GITHUB-TOKEN': 'ghs_workflow_token',
    ...(workspace ? { GITHUB_WORKSPACE: workspace } : {}),
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [BUNDLE], { env, timeout: 60_000 }, (err, stdout) => {
      const outputs = Object.fromEntries(
        readFileSync(outputPath, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
      );
      resolve({
        code: err ? ((err as { code?: number }).code ?? 1) : 0,
        stdout,
        summary: readFileSync(summaryPath, 'utf8'),
        outputs,
      });
    });
  });
}

const writes = () => github.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

describe('the GitHub Action (bundled, run as the runner runs it)', () => {
  it('comments on a matching issue, adds its labels, and reports the verdict in the summary and outputs', async () => {
    const run = await runAction(
      'issues',
      issueOpened({ number: 7, title: 'Mac froze and rebooted', body: PUMA_BODY }),
    );
    expect(run.code).toBe(0);
    const comments = github.comments(FULL_NAME, 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^<!-- crash-triage:v1 state=matched incident=puma-m4-sptm-yjit -->/);
    expect(github.issueLabels(FULL_NAME, 7).sort()).toEqual([...PUMA_LABELS].sort());
    expect(run.outputs.incident).toBe('puma-m4-sptm-yjit');
    expect(Number(run.outputs.confidence)).toBeGreaterThanOrEqual(0.75);
    expect(run.summary).toContain('`puma-m4-sptm-yjit`');
    expect(run.summary).toContain('| evidence |');
    expect(run.stdout).toContain('triage decision');
  });

  it('stays quiet on a report that matches nothing, and says why in the summary', async () => {
    const run = await runAction(
      'issues',
      issueOpened({ number: 8, title: 'sharp segfault', body: OTHER_BODY }),
    );
    expect(run.code).toBe(0);
    expect(writes()).toEqual([]);
    expect(run.outputs).toEqual({ incident: '', confidence: '' });
    expect(run.summary).toContain('No known incident');
  });

  it('updates its one comment when the issue is edited to a matching report', async () => {
    await runAction('issues', issueOpened({ number: 9, title: 'crash', body: 'it crashed' }));
    expect(github.comments(FULL_NAME, 9)).toHaveLength(0);
    const edited = issueEdited({ number: 9, title: 'crash', body: PUMA_BODY }, { body: 'it crashed' });
    expect((await runAction('issues', edited)).code).toBe(0);
    const again = issueEdited(
      { number: 9, title: 'crash', body: `${PUMA_BODY}\nStill happening.` },
      { body: PUMA_BODY },
    );
    expect((await runAction('issues', { ...again, issue: { ...again.issue, comments: 1 } })).code).toBe(0);
    expect(github.comments(FULL_NAME, 9)).toHaveLength(1);
    expect(writes().filter((w) => w.startsWith('POST') && w.endsWith('/comments'))).toHaveLength(1);
  });

  it('obeys /triage dismiss from a maintainer: the comment is marked and the labels go', async () => {
    await runAction('issues', issueOpened({ number: 10, title: 'panic', body: PUMA_BODY }));
    github.setPermission(FULL_NAME, 'maintainer', 'maintain');
    // GitHub stores the comment before it sends the event (the app reacts to it).
    github.addComment(FULL_NAME, 10, { id: 555, body: '/triage dismiss', login: 'maintainer' });
    const dismiss = commentCreated(
      { number: 10, title: 'panic', body: PUMA_BODY, labels: PUMA_LABELS, comments: 2 },
      { body: '/triage dismiss', login: 'maintainer' },
    );
    const run = await runAction('issue_comment', dismiss);
    expect(run.code).toBe(0);
    const [comment] = github.comments(FULL_NAME, 10);
    expect(comment!.body).toMatch(/^<!-- crash-triage:v1 state=dismissed incident=puma-m4-sptm-yjit -->/);
    expect(github.issueLabels(FULL_NAME, 10)).toEqual([]);
  });

  it('ignores /triage from someone without triage permission, and exits 0', async () => {
    const stranger = commentCreated(
      { number: 11, title: 'panic', body: PUMA_BODY },
      { body: '/triage as puma-m4-sptm-yjit', login: 'passer-by' },
    );
    const run = await runAction('issue_comment', stranger);
    expect(run.code).toBe(0);
    expect(writes()).toEqual([]);
    expect(run.summary).toContain('may not triage this repository');
  });

  it('reads the settings from the checkout: dry-run writes nothing', async () => {
    const workspace = join(dir, 'checkout');
    mkdirSync(join(workspace, '.github'), { recursive: true });
    writeFileSync(join(workspace, '.github/crash-triage.yml'), 'mode: dry-run\n');
    const run = await runAction('issues', issueOpened({ number: 12, title: 'panic', body: PUMA_BODY }), {
      workspace,
    });
    expect(run.code).toBe(0);
    expect(writes()).toEqual([]);
    expect(github.requests.some((r) => r.path.includes('crash-triage.yml'))).toBe(false);
    expect(run.stdout).toContain('dry run: write skipped');
    expect(run.outputs.incident).toBe('puma-m4-sptm-yjit');
  });

  it("matches the repository's own incident files from the checkout, without reading them through the API", async () => {
    const workspace = join(dir, 'checkout');
    mkdirSync(join(workspace, '.github/crash-signatures'), { recursive: true });
    writeFileSync(join(workspace, '.github/crash-triage.yml'), 'label_prefix: "crash: "\n');
    const incident = readFileSync(new URL('../fixtures/app/incidents/rocket-flameout.yml', import.meta.url));
    writeFileSync(join(workspace, '.github/crash-signatures/rocket-flameout.yml'), incident);
    writeFileSync(join(workspace, '.github/crash-signatures/notes.txt'), 'not an incident file');
    const body = fixture('rocket-flameout.md');
    const run = await runAction('issues', issueOpened({ number: 14, title: 'Engine out', body }), {
      workspace,
    });
    expect(run.code).toBe(0);
    expect(run.outputs.incident).toBe('rocket-igniter-flameout');
    // (The organization's shared catalog, in its `.github` repository, is read through the API.)
    const own = (r: { path: string }) => r.path.startsWith(`/repos/${FULL_NAME}/`);
    expect(
      github.requests.some(
        (r) => own(r) && (r.path.includes('/contents/') || r.path.includes('/git/blobs/')),
      ),
    ).toBe(false);
    expect(github.issueLabels(FULL_NAME, 14).every((l) => l.startsWith('crash: '))).toBe(true);
  });

  it('fails with one ::error:: line when it cannot reach the API', async () => {
    // A port that was free a moment ago: nothing answers there.
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const run = await runAction('issues', issueOpened({ number: 13, title: 'panic', body: PUMA_BODY }), {
      apiUrl: `http://127.0.0.1:${closed}`,
    });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toHaveLength(1);
    expect(run.stdout).toContain(
      `::error::crash-triage: cannot reach GitHub's API at http://127.0.0.1:${closed}`,
    );
  });

  it('fails with one ::error:: line naming the token when GitHub refuses it (401)', async () => {
    github.inject({
      method: 'GET',
      path: /./,
      status: 401,
      body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' },
      times: Infinity,
    });
    const run = await runAction('issues', issueOpened({ number: 14, title: 'panic', body: PUMA_BODY }));
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toEqual([expect.stringContaining('the token was refused (401')]);
    expect(errors[0]).toContain('github-token');
    expect(writes()).toEqual([]);
  });

  it('exits 0 on an event it does not handle', async () => {
    const run = await runAction('push', { ref: 'refs/heads/main' });
    expect(run.code).toBe(0);
    expect(github.requests).toEqual([]);
  });
});
