// What lint tells an author that the schema cannot: YAML that silently dropped or changed text, phrases
// normalization rewrites (they can never match), and phrases nested in one another (they count once).
import { describe, expect, it } from 'vitest';
import { lintIncident, lintIncidentText } from '../../src/catalog/lint-incident.js';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';

const file = (match: string): string =>
  `id: demo-incident\ntitle: Demo\nsummary: A demo.\ncause: Because.\nmatch:\n${match}`;

function incident(match: string) {
  const r = parseIncidentFile('demo.yml', file(match));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.incident;
}

describe('YAML traps', () => {
  it.each([
    // [what, YAML, field, message pattern]
    [
      'a phrase with ": " read as a mapping',
      '  signatures:\n    - configure: error\n',
      'match.signatures.0',
      /read "configure: error" as a mapping.*'configure: error'/,
    ],
    [
      'a hex code read as a number',
      '  signatures:\n    - 0x2000000\n',
      'match.signatures.0',
      /the number 33554432 \(0x2000000 in hex\).*quotes/,
    ],
    ['a word read as a boolean', '  keywords:\n    - true\n', 'match.keywords.0', /as true.*quotes/],
  ])('%s is named, with the fix', (_what, match, field, message) => {
    const r = parseIncidentFile('demo.yml', file(match));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContainEqual({
      file: 'demo.yml',
      field,
      message: expect.stringMatching(message) as unknown,
    });
  });

  it.each([
    ['a note cut at " #"', '    note: Per the replies on org/repo#12 and #13.\n', 1],
    ['a list item cut at " #"', '    - crashes in step #3 then #4\n', 1],
    ['a comment after a value (space after #)', '    weight: 3 # strong evidence\n', 0],
    ['a whole-line comment', '  # signatures go here\n', 0],
    ['a quoted value', "    note: 'see org/repo#12 and #13'\n", 0],
    ['a block scalar', '    body: |\n      #0 0x1 in main\n      step 2 #3\n', 0],
  ])('%s', (_what, yaml, count) => {
    const found = lintIncidentText('demo.yml', `id: demo\n${yaml}`);
    expect(found).toHaveLength(count);
    if (count > 0) expect(found[0]!.message).toMatch(/starts a YAML comment.*put the value in quotes/);
  });
});

describe('phrases the matcher cannot see as written', () => {
  it.each([
    ['a pointer address', '0x00007f3a1c2b4e10', 'hex-address'],
    ['a frame offset', 'abort + 180', 'symbol-offset-spaced'],
    ['a home folder', '/Users/alice/src/app.rb', 'home-path-unix'],
    ['a build hash', 'build ce12230a', 'build-revision'],
  ])('%s is an error naming the rule', (_what, phrase, rule) => {
    const { errors } = lintIncident(incident(`  signatures:\n    - '${phrase}'\n`));
    expect(errors).toEqual([
      {
        file: 'demo.yml',
        field: 'match.signatures.0',
        message: expect.stringContaining(`"${rule}"`) as unknown,
      },
    ]);
  });

  it.each([
    ['an error code', 'error:0A000086:SSL'],
    ['an NTSTATUS', 'C0000005'],
    ['a short hex code', '0xfae94003'],
  ])('%s is kept as written: no error', (_what, phrase) => {
    expect(lintIncident(incident(`  signatures:\n    - '${phrase}'\n`)).errors).toEqual([]);
  });

  it('warns once per phrase nested in others, naming them', () => {
    const { warnings } = lintIncident(
      incident("  signatures:\n    - 'tso=on'\n    - 'hvf.c:1044'\n  keywords:\n    - TSO\n    - QEMU\n"),
    );
    expect(warnings).toEqual([
      {
        file: 'demo.yml',
        field: 'match.keywords.0',
        message: expect.stringMatching(/^"TSO" is inside "tso=on" \(match.signatures.0\)/) as unknown,
      },
    ]);
  });
});
