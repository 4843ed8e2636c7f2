// `crash-triage draft`: for reports of several formats (fixtures written for these tests), the draft
// parses, passes `lint` as written (its own example included), and holds the report's own specific
// strings; bad input is one line and exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { documentFrequency } from '../../src/draft/document-frequency.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/draft/', import.meta.url));

async function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => void out.push(l),
    err: (l) => void err.push(l),
    readStdin: async () => stdin,
    usage: (m, u) => (err.push(m, u), 2),
  };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err };
}

interface Drafted {
  id: string;
  match: { signatures?: { phrase: string }[]; frames?: { phrase: string }[]; require?: unknown[] };
  examples: { title: string; body: string }[];
}

describe('crash-triage draft', () => {
  it.each([
    [
      'macos-crash-report.md',
      { frames: ['QPTabGroupRestorer::applySnapshot'], signatures: ['KERN_INVALID_ADDRESS'] },
    ],
    ['gdb-backtrace.md', { frames: ['tm_ring_clip_edges', 'tm_polygon_clip'], signatures: [] }],
    [
      'python-traceback.md',
      { frames: ['load_statement'], signatures: ['ledgerkit.errors.ColumnMappingError'] },
    ],
    [
      'go-panic.md',
      {
        frames: ['github.com/harborctl/harborctl/internal/registry.(*TagPager).firstPage'],
        signatures: ['index out of range'],
      },
    ],
    ['one-line-prose.md', { frames: [], signatures: ['Fernwick'] }],
  ])('%s: lints as written and matches its own report', async (name, expected) => {
    const drafted = await run(['draft', join(FIXTURES, name)]);
    expect(drafted.code).toBe(0);
    expect(drafted.err.at(-1)).toMatch(/: the report matches its draft$/);
    const data = parse(drafted.out) as Drafted;
    const phrases = (list?: { phrase: string }[]) => (list ?? []).map((p) => p.phrase);
    expect(phrases(data.match.frames)).toEqual(expect.arrayContaining(expected.frames));
    expect(phrases(data.match.signatures)).toEqual(expect.arrayContaining(expected.signatures));
    // No boilerplate frame or platform name is taken for a signature.
    for (const s of phrases(data.match.signatures))
      expect(s).not.toMatch(/^(start_thread|clone3|darwin\d+|MacBook)$/);
    expect(data.examples).toHaveLength(1);

    // `lint` of a folder holding only the draft: schema, then its example through the matcher.
    const dir = mkdtempSync(join(tmpdir(), 'crash-triage-draft-'));
    writeFileSync(join(dir, `${data.id}.yml`), `${drafted.out}\n`);
    const lint = await run(['lint', dir]);
    // No problem line (lint's warnings and its weakest-path notes do not fail a file).
    expect(lint.out.split('\n').filter((l) => l && !/^(note|warning): /.test(l))).toEqual([]);
    expect(lint.code).toBe(0);
    expect(lint.err.at(-1)).toMatch(/^1 incident\(s\), 1 example\(s\) checked, 0 problem\(s\)/);
  });

  it('reads stdin, takes --id, and lists the nearest existing incident as a candidate counter-example', async () => {
    const puma = `# Mac reboots when Puma starts\n\npanic(cpu 4 caller 0xfffffe002b1c7d30): [SPTM] VIOLATION_ILLEGAL_SPRR_INDEX: sptm_map_page(sptm.c:401)\nmacOS 15.1, M4 Pro, ruby 3.3.6 +YJIT, puma workers with preload_app!`;
    const drafted = await run(['draft', '--id', 'my-sptm-panic', '-'], puma);
    expect(drafted.code).toBe(0);
    expect((parse(drafted.out) as Drafted).id).toBe('my-sptm-panic');
    expect(drafted.out).toMatch(/^# {3}puma-m4-sptm-yjit \(confidence \d\.\d\d\): /m);
  });

  it.each([
    [['draft'], /give one report file/],
    [['draft', '/no/such/report.md'], /^crash-triage draft: cannot read \/no\/such\/report\.md/],
    [['draft', '--id', 'Bad Id', 'x.md'], /--id must be/],
    [['draft', '-'], /holds no report/],
  ])('%j: one line, exit 2', async (args, said) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(said);
  });
});

describe('documentFrequency', () => {
  const df = documentFrequency(['SIGSEGV in foo_bar', 'SIGSEGV in baz', 'all good']);
  it.each([
    ['SIGSEGV', 2],
    ['foo_bar', 1],
    ['sigsegv foo_bar', 1],
    ['nowhere_token', 0],
    ['', 3],
  ])('%s → %i', (phrase, n) => {
    expect(df.of(phrase)).toBe(n);
  });
});
