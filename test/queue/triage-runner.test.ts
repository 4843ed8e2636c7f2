// Where the triage runs: on worker threads or inline, the answer is the one triageIssue gives on the main
// thread, for the bundled catalog and for a repository's own incident files (compiled by the thread from
// the files it is sent). The worker pool: answers, errors, and a crashed thread replaced.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import {
  createInlineRunner,
  sharedTriageRunner,
  threadCount,
  type TriageTask,
} from '../../src/queue/triage-runner.js';
import { createWorkerPool } from '../../src/queue/worker-pool.js';
import { createRepoCatalogs } from '../../src/triage/repo-catalogs.js';
import { triageIssue } from '../../src/triage/triage-issue.js';

const fixture = (path: string): string =>
  readFileSync(new URL(`../fixtures/app/${path}`, import.meta.url), 'utf8');
const catalogs = createRepoCatalogs(loadCatalog().incidents);
const ROCKET_FILE = {
  source: 'acme/rocket:.github/crash-signatures/rocket-flameout.yml',
  sha: 'r1',
  text: fixture('incidents/rocket-flameout.yml'),
};

const task = (body: string, files: TriageTask['catalog']['files'] = []): TriageTask => ({
  input: { title: 'It crashed', body, repo: 'acme/rocket' },
  minConfidence: 0.75,
  render: { labelPrefix: 'crash: ', extraLabels: ['triaged'] },
  catalog: { useBundled: true, files },
});

const CASES: [string, TriageTask][] = [
  ['a bundled incident', task(fixture('reports/m4-puma-panic.md'))],
  ['no incident', task(fixture('reports/node-sharp-segfault.md'))],
  ["a repository's own incident", task(fixture('reports/rocket-flameout.md'), [ROCKET_FILE])],
];

describe('triage runners', () => {
  it.each(CASES)('give what triageIssue gives on the main thread: %s', async (_name, t) => {
    const { index } = catalogs.catalogFor(t.catalog.useBundled, { files: t.catalog.files, problems: [] });
    const direct = triageIssue({ ...t, index });
    const expected = { verdict: direct.verdict, comment: direct.comment };
    expect(await createInlineRunner().run(t, index)).toEqual(expected);
    expect(await sharedTriageRunner(1).run(t, index)).toEqual(expected);
  });

  it('answer several pending tasks, each with its own result', async () => {
    const runner = sharedTriageRunner(1);
    const results = await Promise.all(CASES.map(([, t]) => runner.run(t, catalogs.bundled.index)));
    expect(results.map((r) => r.verdict.incidentId)).toEqual([
      'puma-m4-sptm-yjit',
      null,
      'rocket-igniter-flameout',
    ]);
  });

  it("triage one repository's reports in the order asked, even on several threads", async () => {
    const runner = sharedTriageRunner(2);
    const big = task(fixture('reports/m4-puma-panic.md').repeat(40));
    const small = task('segfault in thumbnail worker');
    // Both threads started and warm first (other repositories run side by side).
    await Promise.all(
      ['a/1', 'a/2', 'a/3', 'a/4'].map((repo) =>
        runner.run({ ...small, input: { ...small.input, repo } }, catalogs.bundled.index),
      ),
    );
    const done: string[] = [];
    await Promise.all([
      runner.run(big, catalogs.bundled.index).then(() => done.push('big')),
      runner.run(small, catalogs.bundled.index).then(() => done.push('small')),
    ]);
    expect(done).toEqual(['big', 'small']);
  });

  it('threadCount: a number as given; auto keeps one core for the event loop, at most 4', () => {
    expect(threadCount(0)).toBe(0);
    expect(threadCount(3)).toBe(3);
    expect(threadCount('auto')).toBeGreaterThanOrEqual(0);
    expect(threadCount('auto')).toBeLessThanOrEqual(4);
  });
});

describe('createWorkerPool', () => {
  const pool = () =>
    createWorkerPool<{ text: string; wait?: number }, string>({
      file: new URL('./support/echo-worker.ts', import.meta.url),
      size: 2,
    });

  it('answers every task, spread over its threads', async () => {
    const p = pool();
    const texts = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(await Promise.all(texts.map((text) => p.run({ text, wait: 2 })))).toEqual(
      texts.map((t) => `echo ${t}`),
    );
  });

  it('rejects a task whose thread threw, and goes on', async () => {
    const p = pool();
    await expect(p.run({ text: 'throw' })).rejects.toThrow('asked to throw');
    expect(await p.run({ text: 'next' })).toBe('echo next');
  });

  it('fails the tasks of a thread that died and replaces the thread', async () => {
    const p = pool();
    await expect(p.run({ text: 'exit' })).rejects.toThrow(/exited with code 3/);
    expect(await Promise.all([p.run({ text: 'a' }), p.run({ text: 'b' }), p.run({ text: 'c' })])).toEqual([
      'echo a',
      'echo b',
      'echo c',
    ]);
  });

  it('fails the tasks given to a thread that cannot start, and does not restart it in a loop', async () => {
    const broken = createWorkerPool<{ text: string }, string>({
      file: new URL('./support/broken-worker.ts', import.meta.url),
      size: 1,
    });
    const results = await Promise.allSettled([1, 2, 3].map((i) => broken.run({ text: `t${i}` })));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/cannot start/);
  });
});
