// Error codes, source locations and signal names: what counts, what does not, order and dedupe.
import { describe, expect, it } from 'vitest';
import { extractErrorCodes, extractLocations, extractSignalNames } from '../../src/signals/extract-codes.js';

describe('extractErrorCodes', () => {
  it.each([
    [
      'hvf return code',
      'Error: ret = HV_BAD_ARGUMENT (0xfae94003, at ../target/arm/hvf/hvf.c:1044)',
      ['HV_BAD_ARGUMENT', '0xfae94003'],
    ],
    ['Mach exception', 'Exception Type: EXC_BAD_ACCESS (SIGSEGV)', ['EXC_BAD_ACCESS']],
    ['kernel return', 'Exception Codes: KERN_INVALID_ADDRESS at addr', ['KERN_INVALID_ADDRESS']],
    [
      'SPTM violation',
      '[SPTM] VIOLATION_ILLEGAL_SPRR_INDEX: sptm_map_page(sptm.c:406)',
      ['VIOLATION_ILLEGAL_SPRR_INDEX'],
    ],
    ['Windows NTSTATUS anywhere', 'The process exited with 0xC0000005.', ['0xC0000005']],
    ['HRESULT', 'CreateDevice failed, hr 0x887A0005', ['0x887A0005']],
    ['numeric code after an error word', 'mount failed: error code 0x1f4e', ['0x1f4e']],
    ['numeric status', 'status=0x0000dead', ['0x0000dead']],
    [
      'Windows exception name',
      'EXCEPTION_ACCESS_VIOLATION_READ at addr',
      ['EXCEPTION_ACCESS_VIOLATION_READ'],
    ],
  ])('%s', (_what, text, expected) => {
    expect(extractErrorCodes(text)).toEqual(expected);
  });

  it.each([
    ['a number without an error word', 'new_sprr_index(0x7), page_fte->type(0x1), flags 0x20'],
    ['zero', 'error code 0x0'],
    ['an environment variable being set', 'RAILS_ENV=development WEB_CONCURRENCY=8 bin/rails s'],
    [
      'environment reads',
      "ENV.fetch('MAX_THREADS') { 5 } and ENV['MIN_THREADS'] and os.environ[\"APP_MODE_X\"]",
    ],
    ['a shell variable', 'echo ${HOME_DIR} and %APP_DATA%'],
    ['a kernel build tag', 'root:xnu-11215.41.3~3/RELEASE_ARM64_T6041'],
    ['an architecture name', 'Code Type: X86_64 (Native)'],
    ['lower-case identifiers', 'lj_err_throw and mi_free and Py_Initialize'],
    ['a long hex number (an address)', 'error at 0x00007fff5fbff8a0'],
  ])('ignores %s', (_what, text) => {
    expect(extractErrorCodes(text)).toEqual([]);
  });

  it('deduplicates in order of first appearance, hex in any case', () => {
    const text =
      'KERN_PROTECTION_FAILURE then EXC_BAD_ACCESS, ret 0xFAE94003, EXC_BAD_ACCESS again, ret 0xfae94003';
    expect(extractErrorCodes(text)).toEqual(['KERN_PROTECTION_FAILURE', 'EXC_BAD_ACCESS', '0xFAE94003']);
  });
});

describe('extractLocations', () => {
  it.each([
    ['C file', 'Error: ret = HV_BAD_ARGUMENT (0xfae94003, at ../target/arm/hvf/hvf.c:1044)', ['hvf.c:1044']],
    ['inside a call', 'sptm_map_page(sptm.c:406)', ['sptm.c:406']],
    ['with a column', 'at free.c:178:54 [opt]', ['free.c:178']],
    ['with a hyphenated name', 'at ../accel/hvf/hvf-all.c:123)', ['hvf-all.c:123']],
    [
      'several, in order, deduplicated',
      'lj_err.c:111 lj_tab.c:258 lj_err.c:111',
      ['lj_err.c:111', 'lj_tab.c:258'],
    ],
    ['Rust', 'panicked at src/backend/arm64/mod.rs:1348:17:', ['mod.rs:1348']],
    ['Python traceback form', 'File "/srv/app/jobs/sync.py", line 57, in fetch_page', ['sync.py:57']],
    ['.NET form', 'in C:\\src\\Billing\\InvoiceService.cs:line 42', ['InvoiceService.cs:42']],
    ['header file', 'mi_page_thread_id at internal.h:719:10', ['internal.h:719']],
  ])('%s', (_what, text, expected) => {
    expect(extractLocations(text)).toEqual(expected);
  });

  it.each([
    ['a host and port', 'connect to example.com:8080 failed'],
    ['a time of day', 'at 10:22:33'],
    ['a version', 'version 3.13.0:1'],
    ['a file without a line', 'see lj_err.c for details'],
  ])('ignores %s', (_what, text) => {
    expect(extractLocations(text)).toEqual([]);
  });
});

describe('extractSignalNames', () => {
  it.each([
    ['POSIX signal in a crash report', 'Exception Type: EXC_CRASH (SIGABRT)', ['EXC_CRASH', 'SIGABRT']],
    ['macOS shell message', 'zsh: abort      ./vm-launcher\nAbort trap: 6', ['Abort trap: 6', 'SIGABRT']],
    ['segfault message', 'Segmentation fault (core dumped)', ['Segmentation fault', 'SIGSEGV']],
    [
      'Go signal line',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]',
      ['SIGSEGV', 'Segmentation violation'],
    ],
    ['bus error', 'Bus error: 10', ['Bus error: 10', 'SIGBUS']],
    ['illegal instruction', 'Illegal instruction (core dumped)', ['Illegal instruction', 'SIGILL']],
    ['breakpoint', 'stop reason = EXC_BREAKPOINT (code=1, subcode=0x1a2b3c4d)', ['EXC_BREAKPOINT']],
    ['Windows', 'Exception: STATUS_STACK_BUFFER_OVERRUN', ['STATUS_STACK_BUFFER_OVERRUN']],
    ['killed by the shell', 'Killed: 9', ['Killed: 9', 'SIGKILL']],
    ['several signals deduplicated', 'SIGTRAP then SIGILL then SIGTRAP', ['SIGTRAP', 'SIGILL']],
  ])('%s', (_what, text, expected) => {
    expect(extractSignalNames(text)).toEqual(expected);
  });

  it.each([
    ['lower-case function names', 'sigsegv handler and sigabrt()'],
    ['the word killed in prose', 'the worker was killed by the OOM killer'],
    ['a longer identifier', 'SIGSEGV_HANDLER_INSTALLED'],
  ])('ignores %s', (_what, text) => {
    expect(extractSignalNames(text)).toEqual([]);
  });
});
