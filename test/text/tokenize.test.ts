import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stem, tokenize, tokenizeWithSpans } from '../../src/text/tokenize.js';

// The definition the scanner implements faster: maximal runs of letters, digits and underscores in the
// lower-cased text, outer underscores trimmed, none longer than 80 (texts without CJK/Thai, whose
// runs are cut further).
function referenceTokens(text: string): { token: string; start: number }[] {
  const out: { token: string; start: number }[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}_]+/gu)) {
    const lead = m[0].length - m[0].replace(/^_+/, '').length;
    const token = m[0].replace(/^_+|_+$/g, '');
    if (token.length > 0 && token.length <= 80) out.push({ token, start: m.index + lead });
  }
  return out;
}

describe('tokenize', () => {
  it.each([
    ['identifiers stay whole', 'crash in lj_trace_exit+796', ['crash', 'in', 'lj_trace_exit', '796']],
    ['leading underscores dropped', '_PyRecursiveMutex_Unlock', ['pyrecursivemutex_unlock']],
    ['file:line splits', 'at hvf.c:1044', ['at', 'hvf', 'c', '1044']],
    ['hex codes are one token', 'HV_BAD_ARGUMENT (0xfae94003)', ['hv_bad_argument', '0xfae94003']],
    ['Han text becomes bigrams, not dropped', '内核崩溃', ['内核', '核崩', '崩溃']],
    ['a lone Han character stays', '在 M4 上', ['在', 'm4', '上']],
    ['mixed scripts in one run', '在M4芯片上', ['在', 'm4', '芯片', '片上']],
    ['kana is segmented into words', 'カーネルパニック', ['カーネル', 'パニック']],
    ['Cyrillic kept', 'Ошибка памяти', ['ошибка', 'памяти']],
    ['overlong tokens dropped', `a ${'x'.repeat(200)} b`, ['a', 'b']],
    ['empty', '', []],
  ])('%s', (_name, text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it.each([
    ['unlocking', 'unlock'],
    ['crashes', 'crash'],
    ['lj_trace_exit', 'lj_trace_exit'],
    ['m4', 'm4'],
    ['内核', '内核'],
  ])('stem(%s) = %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });

  // Mostly ASCII with accents, Cyrillic, Greek, symbols, emoji and lone surrogates mixed in.
  const pieces = fc.constantFrom(
    'a',
    'Z',
    '_',
    '__',
    '0',
    '9',
    ' ',
    '.',
    ':',
    '-',
    '\n',
    'é',
    'É',
    'ß',
    'Ж',
    'ω',
    '😀',
    '\ud800',
    '\udc00',
    '𝐀',
    '½',
    '١',
    'İ',
    'lj_trace_exit',
    '0xdeadbeef',
    'x'.repeat(79),
    'y'.repeat(81),
  );
  it('finds the same tokens at the same offsets as the plain pattern (property)', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const spans = tokenizeWithSpans(text);
        const expected = referenceTokens(text);
        expect(spans.tokens).toEqual(expected.map((e) => e.token));
        expect(spans.starts).toEqual(expected.map((e) => e.start));
        expect(spans.ends).toEqual(expected.map((e) => e.start + e.token.length));
      }),
      { numRuns: 2000 },
    );
  });
});
