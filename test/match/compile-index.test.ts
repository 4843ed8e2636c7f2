// The compiled index as the matcher reads it: phrases that share leading tokens live in one trie, and
// every phrase is found in a report wherever it occurs, whatever its neighbours in the trie.
import { describe, expect, it } from 'vitest';
import { compileIndex, triePhrases } from '../../src/match/compile-index.js';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';
import { reportFeatures } from '../../src/match/report-features.js';
import { extractSignals } from '../../src/signals/extract-signals.js';
import type { Incident } from '../../src/types.js';

function incident(id: string, signatures: string[], keywords: string[] = []): Incident {
  const file = [
    `id: ${id}`,
    `title: ${id}`,
    'summary: Made up for the index tests.',
    'cause: None.',
    'match:',
    '  signatures:',
    ...signatures.map((s) => `    - ${JSON.stringify(s)}`),
    ...(keywords.length > 0 ? ['  keywords:', ...keywords.map((k) => `    - ${JSON.stringify(k)}`)] : []),
  ].join('\n');
  const parsed = parseIncidentFile(`${id}.yml`, file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.incident;
}

const index = compileIndex([
  incident('one', ['widget pool exhausted', 'widget pool drained', 'widget']),
  incident('two', ['widget pool exhausted', 'gear slipped at boot']),
  incident('three', ['gear slipped'], ['slipping gears']),
]);

describe('compileIndex', () => {
  it('keeps each distinct phrase once, however many incidents use it', () => {
    const phrases = triePhrases(index.exact).map((p) => p.tokens.join(' '));
    expect(phrases.sort()).toEqual(
      [
        'gear slipped',
        'gear slipped at boot',
        'widget',
        'widget pool drained',
        'widget pool exhausted',
      ].sort(),
    );
    const shared = triePhrases(index.exact).find((p) => p.tokens.join(' ') === 'widget pool exhausted')!;
    expect(shared.uses.map((u) => index.incidents[u.incident]!.id)).toEqual(['one', 'two']);
  });

  it.each([
    ['a phrase and its prefix', 'the widget pool exhausted again', ['widget', 'widget pool exhausted']],
    ['the branch not taken', 'widget pool drained', ['widget', 'widget pool drained']],
    ['a prefix alone', 'widget pool', ['widget']],
    ['a longer phrase cut short', 'gear slipped at', ['gear slipped']],
    ['both lengths', 'gear slipped at boot', ['gear slipped', 'gear slipped at boot']],
    ['none', 'sprocket fell off', []],
  ])('finds %s', (_name, body, expected) => {
    const features = reportFeatures(extractSignals({ title: '', body }), index);
    expect(features.exact.map((f) => f.phrase.tokens.join(' ')).sort()).toEqual([...expected].sort());
  });

  it('finds keywords by stem, in their word order', () => {
    const features = reportFeatures(extractSignals({ title: '', body: 'the gear slips' }), index);
    expect(features.stemmed.map((f) => f.matched)).toEqual([]);
    const slipping = reportFeatures(extractSignals({ title: '', body: 'it slipped gear' }), index);
    expect(slipping.stemmed.map((f) => f.matched)).toEqual(['slipped gear']);
  });
});
