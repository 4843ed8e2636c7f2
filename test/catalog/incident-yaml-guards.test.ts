// The guards of the js-yaml based incident reader, as tables: aliases (count and expansion), tags outside
// the core schema, YAML 1.2 core types, nesting depth, error lines, and bytes that are not UTF-8.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogDir } from '../../src/catalog/load-catalog.js';
import { parseIncidentBytes, parseIncidentFile } from '../../src/catalog/parse-incident-file.js';

/** A valid incident file; `extra` is added at the top level, `keywords` replaces the keyword list. */
function incident({ extra = '', keywords = '[demo keyword]', title = 'Demo' } = {}): string {
  return [
    'id: demo-incident',
    `title: ${title}`,
    'summary: A demo.',
    'cause: Because.',
    'match:',
    '  signatures: [DEMO_FAILURE]',
    `  keywords: ${keywords}`,
    extra,
  ].join('\n');
}

const aliases = (n: number): string => `[${Array.from({ length: n }, () => '*k').join(', ')}]`;
/** A block list of the anchored keyword and n aliases of it. */
const blockAliases = (n: number): string =>
  ['', '    - &k shared word', ...Array.from({ length: n }, () => '    - *k')].join('\n');

/** Each level's anchor holds two aliases of the level before: 2^levels strings once copied. */
function doubling(levels: number): string {
  const lines = ['l0: &l0 [lol, lol]'];
  for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}]`);
  return lines.join('\n');
}

describe('YAML aliases', () => {
  it.each([
    ['an anchor reused once', incident({ keywords: '[&k shared word, *k]' }), 2],
    ['50 aliases (the limit)', incident({ keywords: `[&k shared word, ${aliases(50).slice(1)}` }), 51],
    [
      'an aliased require group',
      incident({
        extra: '  require:\n    - &g {name: the product, any: [demo]}\n  exclude:\n    - *g',
      }),
      1,
    ],
    ['an ampersand that is not an anchor', incident({ title: '"R&D: crash & burn"' }), 1],
  ])('%s loads', (_name, text, keywords) => {
    const r = parseIncidentFile('ok.yml', text);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.incident.match.keywords.length).toBe(keywords);
  });

  it.each([
    [
      '51 aliases of one string',
      incident({ keywords: `[&k shared word, ${aliases(51).slice(1)}` }),
      /more than 50 YAML aliases/,
    ],
    ['51 aliases in a block list', incident({ keywords: blockAliases(51) }), /more than 50 YAML aliases/],
    [
      '51 aliases, two of them mapping keys',
      `a: &a x\nb: &b y\nm: {*a : 1, *b : 2}\nl: [${Array.from({ length: 49 }, () => '*a').join(', ')}]`,
      /more than 50 YAML aliases/,
    ],
    [
      'a doubling bomb under the alias count (28 aliases)',
      doubling(14),
      /repeat more than 10000 values.*alias bomb/,
    ],
    ['a doubling bomb over both limits', doubling(30), /alias/],
    ['an alias of an undefined anchor', incident({ keywords: '[*nowhere]' }), /unidentified alias "nowhere"/],
  ])('%s is refused in (yaml)', (_name, text, message) => {
    const started = performance.now();
    const r = parseIncidentFile('aliases.yml', text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toEqual({
      file: 'aliases.yml',
      field: '(yaml)',
      message: expect.stringMatching(message),
    });
  });
});

describe('YAML tags', () => {
  it.each([
    ['!!binary', incident({ title: '!!binary aGVsbG8=' }), 'title', '!!binary'],
    ['!!timestamp', incident({ title: '!!timestamp 2024-01-02' }), 'title', '!!timestamp'],
    ['!!set', incident({ extra: 'labels: !!set {a, b}' }), 'labels', '!!set'],
    ['!!omap', incident({ extra: 'labels: !!omap [a: 1]' }), 'labels', '!!omap'],
    ['a local tag', incident({ keywords: '[!shell ls, ok]' }), 'match.keywords.0', '!shell'],
    ['a verbatim tag', incident({ title: '!<tag:example.com,2000:x> y' }), 'title', 'tag:example.com,2000:x'],
    ['js-yaml 3 function', incident({ title: '!!js/function "function () {}"' }), 'title', '!!js/function'],
    ['an empty tagged value', incident({ extra: 'labels: !foo' }), 'labels', '!foo'],
    // A key is made a string (it names a field), so its tag has no field to be named by.
    ['a tagged key', incident({ extra: '!foo colour: red' }), '(yaml)', '!foo'],
    ['a tagged complex key', incident({ extra: '? !!binary aGk=\n: 1' }), '(yaml)', '!!binary'],
    ['a tagged document', `--- !foo\n${incident()}`, '(file)', '!foo'],
  ])('%s is refused with its field', (_name, text, field, tag) => {
    const r = parseIncidentFile('tags.yml', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContainEqual({
      file: 'tags.yml',
      field,
      message: `YAML tag ${tag} is not supported: write a plain string, number, list or mapping`,
    });
  });

  it.each([
    ['!!str on a number', '!!str 12', '12'],
    ['the non-specific tag', '! 12', '12'],
  ])('%s is read as a string', (_name, title, expected) => {
    const r = parseIncidentFile('tags.yml', incident({ title }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok) expect(r.incident.title).toBe(expected);
  });
});

describe('YAML 1.2 core types (what the schema sees)', () => {
  it.each([
    ['a date stays a string', '2024-01-02', '2024-01-02'],
    ['yes and no are strings (YAML 1.1 booleans)', 'yes', 'yes'],
    ['a number with underscores is a string', '1_000', '1_000'],
    ['a sexagesimal number is a string', '1:20', '1:20'],
    ['an escaped lone surrogate is kept exactly', '"bad \\ud800 half"', 'bad \ud800 half'],
    [
      'non-ASCII text is kept exactly',
      '"Absturz beim Öffnen 崩溃日志 🙂"',
      'Absturz beim Öffnen 崩溃日志 🙂',
    ],
  ])('%s', (_name, title, expected) => {
    const r = parseIncidentFile('types.yml', incident({ title }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok) expect(r.incident.title).toBe(expected);
  });

  it.each([
    ['true', 'title', /YAML read this as true, not as text: put it in quotes/],
    ['12', 'title', /YAML read this as the number 12 \(0xc in hex\)/],
    ['0x1F', 'title', /YAML read this as the number 31 \(0x1f in hex\)/],
    ['~', 'title', /expected string, received null/],
  ])('title: %s is refused as not a string', (title, field, message) => {
    const r = parseIncidentFile('types.yml', incident({ title }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toContainEqual({
        file: 'types.yml',
        field,
        message: expect.stringMatching(message),
      });
  });
});

describe('YAML errors name their line', () => {
  it.each([
    ['a duplicate key', `${incident()}\ntitle: Again\n`, /duplicated mapping key \(line 9, column 1\)/],
    ['an unclosed quote', 'id: x\ntitle: "open\n', /unexpected end of the stream.*\(line 3, column 1\)/],
    ['a tab as indentation', 'id: x\nmatch:\n\tsignatures: [X]\n', /tab.*\(line 3/],
    ['two documents', 'id: x\n---\nid: y\n', /single document/],
    ['nesting 33 deep', `x: ${'['.repeat(33)}${']'.repeat(33)}`, /nested more than 32 levels deep/],
    [
      'nesting 10,000 deep',
      `x: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`,
      /nested more than 32 levels deep/,
    ],
  ])('%s', (_name, text, message) => {
    const r = parseIncidentFile('errors.yml', text);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]).toEqual({
        file: 'errors.yml',
        field: '(yaml)',
        message: expect.stringMatching(message),
      });
  });
});

describe('incident file bytes', () => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
  const withBytes = (text: string, bytes: number[]): Uint8Array => {
    const head = utf8(text);
    return Uint8Array.from([...head, ...bytes, ...utf8('\n')]);
  };

  it.each([
    ['UTF-8', utf8(incident({ title: 'Öffnen 崩溃' })), 'Öffnen 崩溃'],
    ['UTF-8 with a byte order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(incident())]), 'Demo'],
  ])('%s loads', (_name, bytes, title) => {
    const r = parseIncidentBytes('bytes.yml', bytes);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok) expect(r.incident.title).toBe(title);
  });

  it.each([
    [
      'Latin-1 (é as one byte)',
      withBytes(incident(), [0x63, 0x61, 0x66, 0xe9]),
      /not valid UTF-8 \(line 8\)/,
    ],
    ['a truncated character at the end', withBytes(incident(), [0xe5, 0xb4]), /not valid UTF-8 \(line 8\)/],
    ['an overlong encoding', withBytes('id: x\n', [0xc0, 0xaf]), /not valid UTF-8 \(line 2\)/],
    ['an encoded surrogate (CESU-8)', withBytes('id: x\n', [0xed, 0xa0, 0x80]), /not valid UTF-8 \(line 2\)/],
    ['UTF-16 (NUL bytes)', Uint8Array.from(Buffer.from(`\ufeff${incident()}`, 'utf16le')), /binary/],
    ['binary', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), /binary/],
    ['over 256 KB', utf8(`${incident()}\n# ${'x'.repeat(256 * 1024)}\n`), /larger than 256 KB/],
  ])('%s is refused in (file)', (_name, bytes, message) => {
    const r = parseIncidentBytes('bytes.yml', bytes);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([
        { file: 'bytes.yml', field: '(file)', message: expect.stringMatching(message) },
      ]);
  });
});

describe('loadCatalogDir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-triage-catalog-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file that is not UTF-8 or too large, and loads the rest', () => {
    writeFileSync(join(dir, 'a-good.yml'), incident());
    writeFileSync(join(dir, 'b-latin1.yml'), Buffer.from(incident({ title: 'Caf\u00e9' }), 'latin1'));
    writeFileSync(join(dir, 'c-huge.yml'), `${incident()}\n# ${'x'.repeat(300 * 1024)}\n`);
    writeFileSync(join(dir, 'd-empty.yml'), '');
    const loaded = loadCatalogDir(dir);
    expect(loaded.incidents.map((i) => i.source)).toEqual([join(dir, 'a-good.yml')]);
    expect(loaded.problems).toEqual([
      { file: join(dir, 'b-latin1.yml'), field: '(file)', message: 'file is not valid UTF-8 (line 2)' },
      { file: join(dir, 'c-huge.yml'), field: '(file)', message: 'file is larger than 256 KB' },
      { file: join(dir, 'd-empty.yml'), field: '(file)', message: expect.stringMatching(/mapping/) },
    ]);
  });
});

describe('a plain value with ": " in it', () => {
  it.each([
    [
      'a title',
      incident({ title: 'Build fails: exec gcc not found' }),
      'title',
      'Build fails: exec gcc not found',
    ],
    [
      'an example title in a list',
      incident({ extra: 'examples:\n  - title: cgo: exec gcc: not found in PATH\n    body: x' }),
      'title',
      'cgo: exec gcc: not found in PATH',
    ],
  ])('%s: the error says to quote it', (_name, text, key, value) => {
    const r = parseIncidentFile('colon.yml', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toContain(
      `the value of "${key}" contains ": ", which YAML reads as another key; put it in quotes (${key}: '${value}')`,
    );
  });

  it('a quoted one loads', () => {
    expect(parseIncidentFile('ok.yml', incident({ title: "'Build fails: exec gcc not found'" })).ok).toBe(
      true,
    );
  });
});
