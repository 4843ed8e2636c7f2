// The normalization table: every row's own example (alone and through the whole table, with text
// before and after it), texts that must come through unchanged, and placeholders as whole tokens.
import { describe, expect, it } from 'vitest';
import { applyRule, NORMALIZATION_RULES, normalizeText } from '../../src/signals/normalize-text.js';
import { tokenize } from '../../src/text/tokenize.js';

const rows = NORMALIZATION_RULES.map((rule) => [rule.name, rule] as const);

describe('normalization table rows', () => {
  it.each(rows)('%s: its example, by the rule alone', (_name, rule) => {
    expect(applyRule(rule, rule.example.before)).toBe(rule.example.after);
  });

  it.each(rows)('%s: its example, through the whole table', (_name, rule) => {
    expect(normalizeText(rule.example.before)).toBe(rule.example.after);
  });

  it.each(rows)('%s: text before (same line, line above) and after (line below) is kept', (_name, rule) => {
    const before = `intro line, kept as is\nquoted: ${rule.example.before}\nclosing line, kept as is`;
    const after = `intro line, kept as is\nquoted: ${rule.example.after}\nclosing line, kept as is`;
    expect(normalizeText(before)).toBe(after);
  });

  it.each(rows)('%s: has a reason, a global pattern and a unique name', (name, rule) => {
    expect(rule.why.length).toBeGreaterThan(10);
    expect(rule.pattern.flags).toContain('g');
    expect(NORMALIZATION_RULES.filter((r) => r.name === name)).toHaveLength(1);
  });
});

describe('normalizeText', () => {
  it.each([
    ['short hex error code', 'Error: ret = HV_BAD_ARGUMENT (0xfae94003, at ../target/arm/hvf/hvf.c:1044)'],
    ['Windows NTSTATUS', 'Exception code: 0xc0000005 (access violation)'],
    ['an NTSTATUS written without 0x', 'The process exited with C0000005 after the update'],
    ['an OpenSSL error code', 'error:0A000086:SSL routines::certificate verify failed'],
    ['an HRESULT', 'HRESULT 8007000E: not enough memory resources'],
    ['a status code', 'status 0x80070005, code=0xC0000409'],
    ['an exit code in decimal', 'exited with exit code 3221225477'],
    ['source location with column', 'at lj_err.c:111:22 in err_unwind'],
    ['macOS build number', 'macOS 15.1 (24B83) on Apple M4 Max'],
    ['versions', 'Python 3.13.0, LuaJIT 2.1.0-beta3, ruby 3.3.6'],
    ['an 8-digit commit', 'fixed by commit 5d25645a in 2013'],
    ['hex letters only', 'deadbeefdeadbeefcafebabe is a word of hex letters, no digits'],
    ['code with a plus', 'for (i = 0; i < n; i = i + 1) { x++; }'],
    ['C++ standard', 'needs c++17 or later'],
    ['Chinese text', '在 MacBook Pro 上启动虚拟机时崩溃'],
    ['a short bracketed number', 'array[12] and [ok]'],
  ])('keeps %s unchanged', (_what, text) => {
    expect(normalizeText(text)).toBe(text);
  });

  it.each([
    [
      'an lldb frame',
      'frame #1: 0x000000010cc8b61c libmimalloc.3.dylib`mi_free(p=0x0000000163804200) at free.c:178:54 [opt]',
      'frame #1: addr libmimalloc.3.dylib`mi_free(p=addr) at free.c:178:54 [opt]',
    ],
    [
      'a gdb frame',
      '#4  0x00007f3a1c2b4e10 in lj_err_throw (L=0x7f3a1bd00380, errcode=4) at lj_err.c:798',
      '#4  addr in lj_err_throw (L=addr, errcode=4) at lj_err.c:798',
    ],
    ['a tarantool frame', '#2 0x4b4b7d in lj_err_unwind_dwarf+301', '#2 0x4b4b7d in lj_err_unwind_dwarf'],
    [
      'a Go location with pc offset and home path',
      '\t/home/bob/go/src/app/poll.go:76 +0x19c',
      '\t~/go/src/app/poll.go:76',
    ],
    [
      'a log line with time, pid and session id',
      '2024-12-02 21:14:07,551 worker[48213]: session 5C1E7A2B-0D3F-4E8A-9B6C-7D2E1F0A3B4C closed',
      'timestamp worker[pid]: session uuid closed',
    ],
    ['an ANSI-coloured panic', '\x1b[31mpanic:\x1b[0m runtime error', 'panic: runtime error'],
    ['a WinDbg frame', 'ntdll!RtlReportCriticalFailure+0x56', 'ntdll!RtlReportCriticalFailure'],
  ])('normalizes %s', (_what, before, after) => {
    expect(normalizeText(before)).toBe(after);
  });

  it('keeps the number of lines', () => {
    const text = 'a 0x00007fff5fbff000\n\n2024-01-02T03:04:05Z\r\nabort + 12\n';
    expect(normalizeText(text).split('\n')).toHaveLength(text.split('\n').length);
  });

  it.each([
    ['addr', 'ptr=0x00007fff5fbff8a0,'],
    ['uuid', '(3F2A9B7C-1D4E-3A5B-9C8D-7E6F5A4B3C2D)'],
    ['hash', 'sha=3f9d2c41b7a8e6d5c4b3a29180f7e6d5c4b3a291.'],
    ['timestamp', 'at 2024-11-05T10:22:33Z:'],
    ['pid', 'ruby[4711]:'],
  ])('the %s placeholder is a token of its own', (placeholder, text) => {
    expect(tokenize(normalizeText(text))).toContain(placeholder);
  });

  it.each([
    ['a 4,000-character hex run', `0x${'f'.repeat(3998)}`],
    ['4,000 plus signs', '+'.repeat(4000)],
    ['alternating hex and dashes', '0123abcd-'.repeat(444)],
    ['digits and colons', '12:'.repeat(1333)],
    ['a long home path', `/Users/${'a'.repeat(3990)}/x`],
  ])('stays fast on %s', (_what, line) => {
    const text = Array.from({ length: 50 }, () => line).join('\n');
    const start = performance.now();
    normalizeText(text);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
