import { describe, expect, it } from 'vitest';
import { stem, tokenize } from '../../src/text/tokenize.js';

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
});
