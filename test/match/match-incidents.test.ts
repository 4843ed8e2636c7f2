// The matcher on a small catalog of made-up incidents: what counts as evidence, the gates, versions.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/match/compile-index.js';
import { loadCatalogDir } from '../../src/catalog/load-catalog.js';
import { matchIncidents } from '../../src/match/match-incidents.js';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';
import { extractSignals } from '../../src/signals/extract-signals.js';

const dir = fileURLToPath(new URL('../fixtures/catalog/', import.meta.url));
const catalog = loadCatalogDir(dir);
const index = compileIndex(catalog.incidents);

function verdictOf(title: string, body: string, repo?: string) {
  return matchIncidents(
    extractSignals({ title, body, ...(repo ? { repo } : {}) }),
    index,
    repo ? { repo } : {},
  );
}

const TRACE = [
  '```',
  'widgetdb 2.3.2 starting recovery',
  'FATAL: WAL checksum mismatch in segment 000000010000000A (WDB_E_WALCRC)',
  '#0  0x00007f3a2b1c4d10 in __pthread_kill_implementation () from /lib/libc.so.6',
  '#1  0x00007f3a2b17a3f2 in raise () from /lib/libc.so.6',
  '#2  0x000055d1c0a1b2c3 in wal_verify_crc (seg=0x55d1c2f00010) at wal.c:212',
  '#3  0x000055d1c0a1b9f0 in wal_replay_segment (seg=0x55d1c2f00010) at wal.c:388',
  '#4  0x000055d1c0a0c111 in recovery_run () at recovery.c:77',
  '```',
].join('\n');

describe('matchIncidents', () => {
  it('loads the fixture catalog without problems', () => {
    expect(catalog.problems).toEqual([]);
    expect(catalog.incidents.map((i) => i.id).sort()).toEqual(['gizmo-gpu-hang', 'widgetdb-wal-checksum']);
  });

  it('matches a backtrace with the signature and frames, and says why', () => {
    const v = verdictOf('widgetdb will not start after power cut', TRACE);
    expect(v.incidentId).toBe('widgetdb-wal-checksum');
    expect(v.confidence).toBeGreaterThan(0.9);
    const kinds = v.matches[0]!.evidence.map((e) => e.kind);
    expect(kinds).toContain('signature');
    expect(kinds).toContain('frame');
    expect(kinds).toContain('required');
    // boilerplate frames are never evidence
    expect(v.matches[0]!.evidence.some((e) => /raise|pthread_kill/.test(e.matched ?? ''))).toBe(false);
  });

  it.each([
    ['unrelated report', 'Button colour is wrong', 'The save button is blue instead of green.'],
    [
      'required context missing',
      'checksum problem',
      'FATAL: WAL checksum mismatch in segment 7 in my own log tool',
    ],
    ['excluded cause', 'widgetdb crash', `${TRACE}\nwrite failed: No space left on device`],
    ['generic words only', 'widgetdb crash', 'It crashed with a segmentation fault, SIGSEGV, core dumped.'],
  ])('no verdict: %s', (_name, title, body) => {
    expect(verdictOf(title, body).incidentId).toBeNull();
  });

  it('explains an excluded candidate', () => {
    const v = verdictOf('widgetdb crash', `${TRACE}\nENOSPC while writing`);
    expect(v.incidentId).toBeNull();
    expect(v.matches[0]!.eligible).toBe(false);
    expect(v.reason).toMatch(/a full disk/);
  });

  it('lowers confidence on a version that already has the fix, and says so', () => {
    const before = verdictOf('widgetdb crash', TRACE);
    const after = verdictOf('widgetdb crash', TRACE.replace('widgetdb 2.3.2', 'widgetdb 2.4.1'));
    const m = after.matches.find((x) => x.id === 'widgetdb-wal-checksum')!;
    expect(m.confidence).toBeLessThan(before.confidence);
    expect(m.reasons.join(' ')).toMatch(/already has the fix/);
  });

  it('judges the version the crash happens on, not the one that works', () => {
    const v = verdictOf(
      'widgetdb crash',
      `It works on widgetdb 2.4.1, the crash is on my other box.\n\n${TRACE}`,
    );
    const m = v.matches.find((x) => x.id === 'widgetdb-wal-checksum')!;
    expect(m.versions).toEqual([
      { product: 'widgetdb', version: '2.3.2', status: 'affected', fixedIn: '2.4.1' },
    ]);
    expect(m.reasons.join(' ')).not.toMatch(/already has the fix/);
    expect(v.incidentId).toBe('widgetdb-wal-checksum');
  });

  // widgetdb is fixed in 2.4.1. A report that gives two versions is not ruled out by either alone, and a
  // pin (`==`, `=`) may be the workaround the reporter added: it can keep a report in, never rule it out.
  it.each([
    ['one fixed version', 'widgetdb 2.4.1', true],
    ['a fixed and an affected version', 'widgetdb 2.4.1 on the server, widgetdb 2.3.2 on the laptop', false],
    ['only a pin on the fixed version', 'I added widgetdb==2.4.1 to requirements.txt', false],
    [
      'a fixed version and a pin on an affected one',
      'widgetdb 2.4.1\nwidgetdb==2.3.0 in the lock file',
      false,
    ],
    ['a conda pin with the fix, beside a fixed version', 'widgetdb 2.4.1, environment: widgetdb=2.4.2', true],
  ])('versions in the report: %s → ruled down: %s', (_what, versions, penalised) => {
    const body = TRACE.replace('widgetdb 2.3.2 starting recovery', 'starting recovery');
    const m = verdictOf('widgetdb crash', `${versions}\n\n${body}`).matches.find(
      (x) => x.id === 'widgetdb-wal-checksum',
    )!;
    expect(m.reasons.some((r) => /already has the fix/.test(r))).toBe(penalised);
  });

  it('matches a misspelt frame fuzzily', () => {
    const body =
      'widgetdb aborts\n#2 0x1 in wal_replay_segmnt () at wal.c:1\n#3 0x2 in wal_verify_crc () at wal.c:2\nunclean shutdown, torn segment';
    const v = verdictOf('widgetdb', body);
    expect(
      v.matches[0]!.evidence.some((e) => e.kind === 'fuzzy-frame' && e.matched === 'wal_replay_segmnt'),
    ).toBe(true);
  });

  it('reads a report written in Chinese', () => {
    const v = verdictOf(
      'WidgetDB 断电后无法启动',
      `断电后重启 WidgetDB 报错:\n\nWAL checksum mismatch in segment 3 (WDB_E_WALCRC)`,
    );
    expect(v.incidentId).toBe('widgetdb-wal-checksum');
    expect(v.matches[0]!.evidence.some((e) => e.detail === '断电')).toBe(true);
  });

  it('gives the repository as weak evidence', () => {
    const body = 'widgetdb: WDB_E_WALCRC on start';
    const elsewhere = verdictOf('crash', body).matches[0]!;
    const home = verdictOf('crash', body, 'acme/widgetdb').matches[0]!;
    expect(home.score).toBeGreaterThan(elsewhere.score);
  });

  it('takes required context from the repository name, but no points', () => {
    const body = 'GIZMO_FENCE_TIMEOUT after a device reset, watchdog fired in gpu_fence_wait';
    const outside = verdictOf('renderer hang', body).matches[0]!;
    const inRepo = verdictOf('renderer hang', body, 'acme/gizmo').matches[0]!;
    expect(outside.eligible).toBe(false);
    expect(inRepo.eligible).toBe(true);
    expect(inRepo.evidence.find((e) => e.kind === 'required')?.matched).toBe('repository acme/gizmo');
  });

  it('returns no candidates for an empty report', () => {
    const v = verdictOf('', '');
    expect(v).toMatchObject({ incidentId: null, matches: [] });
  });
});

describe('require groups shown by the repository', () => {
  const FILE = `id: quill-title-only
title: Quill crashes when the journal is full
summary: A demo incident.
cause: Because.
match:
  signatures:
    - phrase: journal is full
      weight: 8
  require:
    - name: Quill (the product)
      any: [quill]
      repos: [quillhq/*]
`;
  const parsed = parseIncidentFile('q.yml', FILE);
  if (!parsed.ok) throw new Error('fixture');
  const own = compileIndex([parsed.incident]);
  const v = (repo: string) =>
    matchIncidents(extractSignals({ title: 'Crash: journal is full', body: '', repo }), own, { repo });

  it.each([
    ['quillhq/server', 'quill-title-only'],
    ['QuillHQ/desktop', 'quill-title-only'],
    ['someone/else', null],
  ])('a title-only report filed in %s → %s', (repo, expected) => {
    const verdict = v(repo);
    expect(verdict.incidentId).toBe(expected);
    if (expected)
      expect(verdict.matches[0]!.evidence).toContainEqual(
        expect.objectContaining({ kind: 'required', matched: `filed in ${repo}` }),
      );
  });
});
