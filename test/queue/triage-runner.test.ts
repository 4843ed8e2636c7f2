// Where the triage runs: on worker threads or inline, the answer is the one triageIssue gives on the main
// thread, for the bundled catalog and for a repository's own incident files (compiled by the runner from
// the files it is sent), and `/triage as` renders the chosen incident there too. The worker pool: answers, errors, and a crashed thread replaced.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import { createInlineRunner, threadCount, threadedRunner } from '../../src/queue/triage-runner.js';
import type { TriageTask } from '../../src/triage/ports.js';
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
    const expected = {
      verdict: direct.verdict,
      comment: direct.comment,
      incident: direct.incident && { id: direct.incident.id, title: direct.incident.title },
      unknownChosen: null,
      previousLabels: [],
      problems: [],
    };
    expect(await createInlineRunner(catalogs).run(t)).toEqual(expected);
    expect(await threadedRunner(1).run(t)).toEqual(expected);
  });

  it.each([
    ['inline', () => createInlineRunner(catalogs)],
    ['on a thread', () => threadedRunner(1)],
  ])(
    "render a chosen incident, name an unknown one, and give a previous incident's labels: %s",
    async (_name, runner) => {
      const chosen = await runner().run({
        ...task('anything'),
        chosen: { incidentId: 'rocket-igniter-flameout', by: 'maint' },
        catalog: { useBundled: true, files: [ROCKET_FILE] },
        previous: 'puma-m4-sptm-yjit',
      });
      expect(chosen.verdict).toBeNull();
      expect(chosen.incident?.id).toBe('rocket-igniter-flameout');
      expect(chosen.comment?.body).toContain('@\u200dmaint');
      expect(chosen.previousLabels).toEqual([
        'crash: crash',
        'crash: known-incident',
        'crash: upstream: apple',
        'crash: platform: macos',
        'triaged',
      ]);
      const unknown = await runner().run({
        ...task('anything'),
        chosen: { incidentId: 'nope', by: 'maint' },
      });
      expect(unknown.comment).toBeNull();
      expect(unknown.unknownChosen?.id).toBe('nope');
      expect(unknown.unknownChosen?.known).toContain('puma-m4-sptm-yjit');
    },
  );

  it('answer several pending tasks, each with its own result', async () => {
    const runner = threadedRunner(1);
    const results = await Promise.all(CASES.map(([, t]) => runner.run(t)));
    expect(results.map((r) => r.verdict?.incidentId)).toEqual([
      'puma-m4-sptm-yjit',
      null,
      'rocket-igniter-flameout',
    ]);
  });

  it("triage one repository's reports in the order asked, even on several threads", async () => {
    const runner = threadedRunner(2);
    const big = task(fixture('reports/m4-puma-panic.md').repeat(40));
    const small = task('segfault in thumbnail worker');
    // Both threads started and warm first (other repositories run side by side).
    await Promise.all(
      ['a/1', 'a/2', 'a/3', 'a/4'].map((repo) => runner.run({ ...small, input: { ...small.input, repo } })),
    );
    const done: string[] = [];
    await Promise.all([
      runner.run(big).then(() => done.push('big')),
      runner.run(small).then(() => done.push('small')),
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
