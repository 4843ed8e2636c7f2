// Hostile incident files, pure (no app): each is refused with an error naming its file and the field at
// fault, nothing throws, and phrases written like regular expressions are plain tokens matched in linear
// time. The app-level half (a repository's broken files served by the contents API) is in
// repo-catalog.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import { compileIndex, triePhrases } from '../../src/match/compile-index.js';
import { loadCatalogDirs } from '../../src/catalog/load-catalog.js';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';
import { triageIssue } from '../../src/triage/triage-issue.js';
import type { CatalogProblem } from '../../src/types.js';
import { KNOWN_BUGS } from './support/known-bugs.js';
import { itFailsKnownBug } from './support/it-fails-known-bug.js';
import { tally } from './support/tally.js';

const DIR = fileURLToPath(new URL('../fixtures/reliability/catalog/', import.meta.url));
const counts = { hostileFiles: 0, refused: 0, namedFileAndField: 0, crashes: 0 };
afterAll(() => tally('catalog', counts));

/** The fixture files with the field their first line says the loader must name. */
const FIXTURES = readdirSync(DIR)
  .filter((n) => n.endsWith('.yml'))
  .sort()
  .map((name) => {
    const first = readFileSync(`${DIR}${name}`, 'utf8').split('\n')[0]!;
    return { name, field: /^# expect-field: (\S+)$/.exec(first)?.[1] ?? null };
  })
  .filter((f): f is { name: string; field: string } => f.field !== null);

// Files whose refusal names the parent of the unknown key instead of the key (see known-bugs.ts).
const UNKNOWN_KEY_FILES = new Set(['regex-field.yml', 'match-pattern.yml', 'unknown-field.yml']);

/** Generated hostile files: too big to keep as fixtures, or binary. */
const GENERATED: { name: string; text: string; field: string; message: RegExp }[] = [
  {
    name: 'huge.yml',
    text: `id: huge\nsummary: ${'x'.repeat(300 * 1024)}\n`,
    field: '(file)',
    message: /larger/,
  },
  {
    name: 'binary.yml',
    text: `id: bin\u0000\u0001\u0002${'\u00ff'.repeat(100)}`,
    field: '(file)',
    message: /binary/,
  },
  {
    name: 'nested-seq.yml',
    text: `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    field: '(yaml)',
    message: /./,
  },
  {
    name: 'nested-map.yml',
    text: `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`,
    field: '(yaml)',
    message: /./,
  },
  {
    name: 'many-aliases.yml',
    text: `x: &x 1\n${Array.from({ length: 60 }, (_, i) => `y${i}: *x`).join('\n')}\n`,
    field: '(yaml)',
    message: /alias/i,
  },
  {
    name: 'custom-tags.yml',
    text: 'id: tags\ntitle: !!binary aGVsbG8=\nsummary: !!js/function "function () {}"\ncause: c\nmatch: {signatures: [X]}\n',
    field: 'title',
    message: /string/,
  },
];

/** Parses a file, counting a throw as a crash (and failing the test). */
function refuse(name: string, text: string): CatalogProblem[] {
  counts.hostileFiles += 1;
  let result: ReturnType<typeof parseIncidentFile>;
  try {
    result = parseIncidentFile(name, text);
  } catch (err) {
    counts.crashes += 1;
    throw err;
  }
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  counts.refused += 1;
  return result.problems;
}

describe('hostile incident files are refused with their file and field', () => {
  const loaded = loadCatalogDirs([DIR]);
  const problemsOf = (name: string): CatalogProblem[] => loaded.problems.filter((p) => p.file.endsWith(name));

  it.each(FIXTURES.filter((f) => !UNKNOWN_KEY_FILES.has(f.name)))('$name → $field', ({ name, field }) => {
    counts.hostileFiles += 1;
    const problems = problemsOf(name);
    expect(problems.length).toBeGreaterThan(0);
    counts.refused += 1;
    expect(loaded.incidents.some((i) => i.source.endsWith(name))).toBe(false);
    const named = problems.find((p) => p.field === field && p.file === `${DIR}${name}`);
    if (named) counts.namedFileAndField += 1;
    expect(named, JSON.stringify(problems)).toBeDefined();
    expect(named!.message.length).toBeGreaterThan(5);
  });

  it.each(GENERATED)('$name → $field', ({ name, text, field, message }) => {
    const problems = refuse(name, text);
    const named = problems.find((p) => p.file === name && p.field === field);
    if (named) counts.namedFileAndField += 1;
    expect(named, JSON.stringify(problems)).toBeDefined();
    expect(named!.message).toMatch(message);
  });

  it('refuses an unknown field, but names its parent rather than the field (counted as refused)', () => {
    for (const name of UNKNOWN_KEY_FILES) {
      counts.hostileFiles += 1;
      const problems = problemsOf(name);
      expect(problems.length).toBeGreaterThan(0);
      counts.refused += 1;
      const key = readFileSync(`${DIR}${name}`, 'utf8').split('\n')[0]!.split(': ')[1]!.split('.').at(-1)!;
      // The key is at least in the message, so a maintainer can find it.
      expect(problems.some((p) => p.message.includes(`"${key}"`))).toBe(true);
    }
  });

  for (const name of UNKNOWN_KEY_FILES) {
    const field = FIXTURES.find((f) => f.name === name)!.field;
    itFailsKnownBug(KNOWN_BUGS.unknownKeyField, `${name} is refused with field "${field}"`, () => {
      expect(problemsOf(name)).toContainEqual(expect.objectContaining({ file: `${DIR}${name}`, field }));
    });
  }

  it('keeps loading the good files of a folder that holds hostile ones', () => {
    expect(loaded.incidents.map((i) => i.id)).toEqual(['duplicate-id']);
    expect(loaded.incidents[0]!.source).toMatch(/duplicate-id-a\.yml$/);
  });
});

describe('phrases written like regular expressions are literal tokens', () => {
  // Classic catastrophic-backtracking patterns: as phrases they are only their letters and digits.
  const PATTERNS = [
    '(a+)+$',
    '(x+x+)+y',
    '^(([a-z])+.)+[A-Z]([a-z])+$',
    '(.*a){20}',
    '(a|aa)+$',
    '(\\d+)*\\d+!',
  ];
  const file = [
    'id: regex-like-phrases',
    'title: Phrases that look like regular expressions',
    'summary: A maintainer wrote patterns; they are matched as plain tokens.',
    'cause: None.',
    'match:',
    '  signatures:',
    ...PATTERNS.map((p) => `    - ${JSON.stringify(p)}`),
  ].join('\n');

  it('loads them as phrases of plain tokens', () => {
    const parsed = parseIncidentFile('regex-like.yml', file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const index = compileIndex([parsed.incident]);
    const tokens = triePhrases(index.exact).map((p) => p.tokens.join(' '));
    expect(tokens).toEqual(expect.arrayContaining(['a', 'x x y', 'a z a z a z', 'a 20', 'a aa', 'd d']));
    tally('catalog', { regexPhrases: PATTERNS.length });
  });

  it('matches (a+)+$ as the token "a", in time linear in the report, on a long aaaa…! report', () => {
    const parsed = parseIncidentFile('regex-like.yml', file);
    if (!parsed.ok) throw new Error('unreachable');
    const index = compileIndex([...loadCatalog().incidents, parsed.incident]);
    // The body is bounded before it is read (head and tail kept), so the time stops growing with it.
    const times: [number, number][] = [];
    for (const n of [10_000, 100_000, 1_000_000, 4_000_000]) {
      const body = `${'a'.repeat(n)}!`;
      const start = performance.now();
      triageIssue({ input: { title: 'aaaa', body }, index });
      times.push([n, performance.now() - start]);
    }
    // A single 'a' token in prose is the phrase itself: evidence, not a pattern.
    const hit = triageIssue({ input: { title: 'crash', body: 'saw a crash: a a a!' }, index });
    expect(hit.verdict.matches.find((m) => m.id === 'regex-like-phrases')?.evidence).toContainEqual(
      expect.objectContaining({ kind: 'signature', detail: '(a+)+$' }),
    );
    const slowest = Math.max(...times.map(([, ms]) => ms));
    tally('catalog', { regexSlowestMsMax: slowest, regexReportCharsMax: 4_000_001 });
    expect(slowest).toBeLessThan(2_000);
  });
});
