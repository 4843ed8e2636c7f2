// The command line end to end through `main`, with output captured: match, eval, lint, usage errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));
const CATALOG = ['--no-bundled', '--catalog', fixture('catalog')];

async function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => void out.push(l),
    err: (l) => void err.push(l),
    readStdin: async () => stdin,
    usage(message, usage) {
      err.push(message, usage);
      return 2;
    },
  };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('crash-triage match', () => {
  it('--json prints one object with the verdict, labels, comment and evidence', async () => {
    const r = await run(['match', '--json', ...CATALOG, fixture('cli/cases/widgetdb-crash.md')]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.verdict).toBe('widgetdb-wal-checksum');
    expect(j.confidence).toBeGreaterThan(0.75);
    expect(j.labels).toEqual(['crash', 'widgetdb']);
    expect(j.comment).toContain('Known problem');
    expect(j.matches[0].evidence.length).toBeGreaterThan(0);
  });

  it('--signals prints what the extractor read: frames, facts, crash lines, codes, locations, signals', async () => {
    const report = [
      '# worker died',
      '',
      '```',
      'fatal error: WIDGET_POOL_EXHAUSTED (0xdead0001) in pool.c:88',
      'Program received signal SIGSEGV, Segmentation fault.',
      '#0  0x00007fff5fbff8a0 in widget_take (pool=0x1) at pool.c:88',
      '#1  0x00007fff5fbff8b0 in worker_main () at worker.c:12',
      '```',
      '',
      'macOS 14.5 on an M2 Pro',
    ].join('\n');
    const r = await run(['match', '--signals', '-'], report);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.frames.map((f: { fn: string }) => f.fn)).toEqual(['widget_take', 'worker_main']);
    expect(j.crashLines[0]).toEqual({
      kind: 'fatal',
      text: 'fatal error: WIDGET_POOL_EXHAUSTED (0xdead0001) in pool.c:88',
    });
    expect(j.errorCodes).toEqual(expect.arrayContaining(['WIDGET_POOL_EXHAUSTED', '0xdead0001']));
    expect(j.locations).toEqual(expect.arrayContaining(['pool.c:88', 'worker.c:12']));
    expect(j.signals).toEqual(expect.arrayContaining(['SIGSEGV']));
    expect(j.facts.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['macos', 'm2 pro']));
  });

  it("--explain prints the evidence tables for a reader, without the comment's hidden marker", async () => {
    const r = await run(['match', '--explain', ...CATALOG, fixture('cli/cases/widgetdb-crash.md')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^### Explain: matched `widgetdb-wal-checksum`/);
    expect(r.out).not.toContain('<!--');
  });

  it('reads stdin and says why it stays quiet', async () => {
    const r = await run(['match', ...CATALOG, '-'], '# Typo\n\nA typo on the page.');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^No comment: no known incident/);
  });

  it('uses --repo as context', async () => {
    const body = '# hang\n\nGIZMO_FENCE_TIMEOUT in gpu_fence_wait after a device reset';
    const without = JSON.parse((await run(['match', '--json', ...CATALOG, '-'], body)).out);
    const withRepo = JSON.parse(
      (await run(['match', '--json', '--repo', 'acme/gizmo', ...CATALOG, '-'], body)).out,
    );
    expect(without.verdict).toBeNull();
    expect(withRepo.verdict).toBe('gizmo-gpu-hang');
  });

  it.each([
    [['match', '--min-confidence', '7', 'x.md'], /min-confidence/],
    [['match', '--bogus'], /bogus/],
    [['eval'], /folder/],
    [['frobnicate'], /unknown command/],
  ])('usage error for %j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('reports an unreadable file with exit 2', async () => {
    const r = await run(['match', ...CATALOG, fixture('cli/nope.md')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read/);
  });
});

describe('crash-triage eval', () => {
  it('--json prints the counts, precision, recall and misses', async () => {
    const r = await run(['eval', '--json', ...CATALOG, fixture('cli/cases')]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ cases: 3, tp: 1, fp: 0, fn: 1, tn: 1, precision: 1, recall: 0.5 });
    expect(j.misses).toEqual([
      { file: 'gizmo-miss.md', expected: 'gizmo-gpu-hang', got: null, confidence: expect.any(Number) },
    ]);
  });

  it('prints a readable report', async () => {
    const r = await run(['eval', ...CATALOG, fixture('cli/cases')]);
    expect(r.out).toContain('precision 1.00  recall 0.50');
    expect(r.out).toContain('gizmo-miss.md: expected gizmo-gpu-hang, got none');
    // Three cases without a kind: two positives (one missed), one negative.
    expect(r.out).toMatch(/^positive +2 +1 +0 +1$/m);
    expect(r.out).toMatch(/^negative +1 +1 +0 +0$/m);
  });
});

describe('crash-triage lint', () => {
  it('passes a good folder', async () => {
    const r = await run(['lint', '--no-bundled', fixture('catalog')]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/2 incident\(s\).*0 problem/);
  });

  it('takes the folder as --catalog too, as the other commands do; one folder only', async () => {
    const r = await run(['lint', '--no-bundled', '--catalog', fixture('catalog')]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/2 incident\(s\).*0 problem/);
    const two = await run(['lint', '--catalog', fixture('catalog'), fixture('cli/bad-catalog')]);
    expect(two.code).toBe(2);
    expect(two.err).toMatch(/one folder/);
  });

  it('prints file: field: problem and exits 1', async () => {
    const r = await run(['lint', fixture('cli/bad-catalog')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/broken\.yml: id: must be lower-case/);
  });

  it('names the traps an author cannot see, fails on errors and not on warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crash-triage-lint-'));
    const incident = (id: string, extra: string) =>
      `id: ${id}\ntitle: Demo\nsummary: A demo.\ncause: Because.\n${extra}match:\n  signatures:\n    - phrase: 'frobnicate overflow'\n      weight: 6\n  keywords: [frobnicate]\n`;
    writeFileSync(join(dir, 'nested.yml'), incident('nested-only', ''));
    let r = await run(['lint', '--no-bundled', '--no-examples', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^warning: .*nested\.yml: match\.keywords\.0: "frobnicate" is inside "frobnicate overflow"/m,
    );

    writeFileSync(
      join(dir, 'broken.yml'),
      incident(
        'inverted',
        'affects:\n  - product: widgetdb\n    range: ">=3.13 <3.12"\nlabels: [crash]\nworkarounds:\n  - title: see acme/widgetdb#12 and #13\n',
      ),
    );
    r = await run(['lint', '--no-bundled', '--no-examples', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/broken\.yml: affects\.0\.range: ">=3\.13 <3\.12" holds no version/);
    expect(r.out).toMatch(/broken\.yml: \(yaml line \d+\): " #" starts a YAML comment/);
  });

  it('says when a phrase holds a version condition, and when an exclude group can be outweighed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crash-triage-lint-'));
    writeFileSync(
      join(dir, 'rules.yml'),
      [
        'id: gizmo-abi',
        'title: Demo',
        'summary: A demo.',
        'cause: Because.',
        'match:',
        '  signatures:',
        '    - phrase: gizmo ABI mismatch',
        '      weight: 8',
        '    - phrase: gizmo_load_module',
        '      weight: 6',
        '  keywords: ["gizmo<2"]',
        '  exclude:',
        '    - name: a plugin built for a newer gizmo',
        '      any: [API version too new]',
        '    - name: a hardware fault',
        '      absolute: true',
        '      any: [machine check]',
        '',
      ].join('\n'),
    );
    const r = await run(['lint', '--no-bundled', '--no-examples', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^warning: .*rules\.yml: match\.keywords\.0: "gizmo<2" is read as the words "gizmo 2": comparison signs/m,
    );
    expect(r.out).toMatch(
      /^note: .*rules\.yml: match\.exclude\.0: "a plugin built for a newer gizmo" does not rule out a report where the incident's own signatures and frames reach 12 points \("gizmo ABI mismatch" \(8\) \+ "gizmo_load_module" \(6\) do\)/m,
    );
    expect(r.out).not.toMatch(/match\.exclude\.1/);
  });
});
