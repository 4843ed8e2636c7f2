// Malformed incident files are reported with their file and field, never thrown.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { incidentJsonSchema } from '../../src/catalog/incident-schema.js';
import { mergeIncidents } from '../../src/catalog/merge-incidents.js';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';

const GOOD = `id: demo-incident
title: Demo
summary: A demo.
cause: Because.
match:
  signatures: [DEMO_FAILURE]
`;

describe('parseIncidentFile', () => {
  it('reads a minimal file with defaults', () => {
    const r = parseIncidentFile('demo.yml', GOOD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.incident.match.signatures).toEqual([{ phrase: 'DEMO_FAILURE', weight: 4 }]);
    expect(r.incident.labels).toEqual([]);
    expect(r.incident.source).toBe('demo.yml');
  });

  it.each([
    ['not YAML', 'id: [unclosed', '(yaml)', /./],
    ['a list, not a mapping', '- a\n- b\n', '(file)', /mapping/],
    ['missing title', GOOD.replace('title: Demo\n', ''), 'title', /expected string/i],
    ['bad id', GOOD.replace('demo-incident', 'Demo Incident!'), 'id', /lower-case/],
    ['unknown field', `${GOOD}colour: red\n`, 'colour', /colour/],
    ['unknown match field', GOOD.replace('match:\n', 'match:\n  regex: "(a+)+$"\n'), 'match.regex', /regex/],
    [
      'wrong type',
      GOOD.replace('signatures: [DEMO_FAILURE]', 'signatures: 12'),
      'match.signatures',
      /array/i,
    ],
    [
      'nothing to match on',
      GOOD.replace('signatures: [DEMO_FAILURE]', 'signatures: []'),
      'match',
      /at least one/,
    ],
    [
      'punctuation-only phrase',
      GOOD.replace('[DEMO_FAILURE]', '["..."]'),
      'match.signatures.0',
      /letter or digit/,
    ],
    [
      'bad range',
      `${GOOD}affects:\n  - product: x\n    range: "newer than 2"\n`,
      'affects.0.range',
      /comparators/,
    ],
    [
      'bad url',
      `${GOOD}references:\n  - title: x\n    url: "javascript:alert(1)"\n`,
      'references.0.url',
      /./,
    ],
    ['duplicate key', `${GOOD}title: Again\n`, '(yaml)', /unique|duplicate/i],
    ['NUL bytes', `${GOOD}\u0000`, '(file)', /binary/],
    ['too large', `${GOOD}# ${'x'.repeat(300 * 1024)}\n`, '(file)', /larger/],
  ])('%s → problem in %s', (_name, text, field, message) => {
    const r = parseIncidentFile('bad.yml', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.file).toBe('bad.yml');
    expect(r.problems[0]!.field).toBe(field);
    expect(r.problems[0]!.message).toMatch(message);
  });

  it('refuses a YAML alias bomb quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    const started = Date.now();
    const r = parseIncidentFile('bomb.yml', lines.join('\n'));
    expect(r.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('mergeIncidents', () => {
  it('reports a duplicate id within one source and lets a later source override', () => {
    const a = parseIncidentFile('a.yml', GOOD);
    const b = parseIncidentFile('b.yml', GOOD.replace('title: Demo', 'title: Other'));
    if (!a.ok || !b.ok) throw new Error('fixtures must parse');
    const dup = mergeIncidents([[a.incident, b.incident]]);
    expect(dup.problems).toEqual([
      { file: 'b.yml', field: 'id', message: expect.stringMatching(/duplicate id/) },
    ]);
    const over = mergeIncidents([[a.incident], [b.incident]]);
    expect(over.problems).toEqual([]);
    expect(over.incidents[0]!.title).toBe('Other');
  });
});

describe('incident JSON Schema', () => {
  it('signatures/incident.schema.json is the schema generated from the code (run `npm run schema`)', () => {
    const published = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../signatures/incident.schema.json', import.meta.url)), 'utf8'),
    );
    expect(published).toEqual(incidentJsonSchema());
  });
});
