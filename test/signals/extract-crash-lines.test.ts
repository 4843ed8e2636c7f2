// Crash lines: each kind in its common spellings, the text kept for each, and lines that are not
// crash lines. Input lines are normalized text lines, as extractSignals passes them.
import { describe, expect, it } from 'vitest';
import { extractCrashLines } from '../../src/signals/extract-crash-lines.js';
import { MAX_CRASH_LINES } from '../../src/signals/limits.js';
import type { CrashLine } from '../../src/types.js';

const crash = (text: string): CrashLine[] => extractCrashLines(text.split('\n')).crashLines;

describe('extractCrashLines', () => {
  it.each([
    [
      'panic',
      'macOS kernel panic',
      'panic(cpu 3 caller addr): [SPTM] VIOLATION_ILLEGAL_SPRR_INDEX: sptm_map_page(sptm.c:406) - page_fte(addr)',
      'panic(cpu 3 caller addr): [SPTM] VIOLATION_ILLEGAL_SPRR_INDEX: sptm_map_page(sptm.c:406) - page_fte(addr)',
    ],
    [
      'panic',
      'SPTM panic string quoted alone',
      '[SPTM] VIOLATION_ILLEGAL_SPRR_INDEX: sptm_map_page(sptm.c:406)',
      '[SPTM] VIOLATION_ILLEGAL_SPRR_INDEX: sptm_map_page(sptm.c:406)',
    ],
    [
      'panic',
      'Rust panic, message on the same line',
      "thread 'worker-2' panicked at 'index out of bounds: the len is 3 but the index is 7', src/queue.rs:41:9",
      "thread 'worker-2' panicked at 'index out of bounds: the len is 3 but the index is 7', src/queue.rs:41:9",
    ],
    [
      'panic',
      'Rust panic, message on the next line',
      "thread 'main' panicked at src/config.rs:88:14:\ncalled `Result::unwrap()` on an `Err` value: Os { code: 2 }",
      "thread 'main' panicked at src/config.rs:88:14: called `Result::unwrap()` on an `Err` value: Os { code: 2 }",
    ],
    [
      'panic',
      'Rust panic with thread id (Rust 1.88+)',
      "thread 'main' (4412) panicked at src/lib.rs:12:5:",
      "thread 'main' (4412) panicked at src/lib.rs:12:5:",
    ],
    [
      'panic',
      'Go panic',
      'panic: runtime error: index out of range [5] with length 3',
      'panic: runtime error: index out of range [5] with length 3',
    ],
    [
      'panic',
      'Go net/http recovered panic',
      'timestamp clock http: panic serving 10.0.0.7:51234: assignment to entry in nil map',
      'http: panic serving 10.0.0.7:51234: assignment to entry in nil map',
    ],
    [
      'panic',
      'YJIT panic',
      'ruby: YJIT has panicked. More info to follow...',
      'YJIT has panicked. More info to follow...',
    ],
    [
      'panic',
      'Linux kernel panic',
      'Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b',
      'Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b',
    ],
    [
      'fatal',
      'Fatal Python error',
      'Fatal Python error: _PyRecursiveMutex_Unlock: unlocking a recursive mutex that is not owned by the current thread',
      'Fatal Python error: _PyRecursiveMutex_Unlock: unlocking a recursive mutex that is not owned by the current thread',
    ],
    ['fatal', 'Go fatal error', 'fatal error: concurrent map writes', 'fatal error: concurrent map writes'],
    [
      'fatal',
      'Rust runtime abort',
      'fatal runtime error: stack overflow',
      'fatal runtime error: stack overflow',
    ],
    [
      'fatal',
      'Swift fatal error',
      'Fatal error: Unexpectedly found nil while unwrapping an Optional value',
      'Fatal error: Unexpectedly found nil while unwrapping an Optional value',
    ],
    ['fatal', 'Android fatal exception', 'FATAL EXCEPTION: main', 'FATAL EXCEPTION: main'],
    [
      'assertion',
      'macOS assert',
      'Assertion failed: (page != NULL), function mi_page_free, file page.c, line 240.',
      'Assertion failed: (page != NULL), function mi_page_free, file page.c, line 240.',
    ],
    [
      'assertion',
      'glibc assert',
      "luajit: lj_record.c:88: rec_check_slots: Assertion `tr == 0' failed.",
      "luajit: lj_record.c:88: rec_check_slots: Assertion `tr == 0' failed.",
    ],
    [
      'assertion',
      'Rust assert_ne',
      'assertion `left != right` failed: code page must be fresh',
      'assertion `left != right` failed: code page must be fresh',
    ],
    [
      'assertion',
      'LuaJIT ASSERT',
      'LuaJIT ASSERT lj_snap.c:972: lj_snap_restore: return bytecode expected',
      'LuaJIT ASSERT lj_snap.c:972: lj_snap_restore: return bytecode expected',
    ],
    [
      'assertion',
      'Chromium CHECK',
      'Check failed: index < size_ (7 vs. 3)',
      'Check failed: index < size_ (7 vs. 3)',
    ],
    [
      'assertion',
      'assertion with quotes',
      'Assertion "snapshot slot in range" failed in the recorder',
      'Assertion "snapshot slot in range" failed in the recorder',
    ],
    [
      'assertion',
      'LuaJIT lj_assert_fail frame arguments, wrapped',
      '#5  addr in lj_assert_fail (g=0x0, file=addr "third_party/luajit/src/lj_record.c", line=88, func=addr "rec_check_slots",\n    fmt=addr "slot %d is not a frame") at ~/luajit/src/lj_assert.c:25',
      'lj_assert_fail lj_record.c:88: rec_check_slots: slot %d is not a frame',
    ],
    [
      'exception',
      'JavaScript TypeError',
      "TypeError: Cannot read properties of undefined (reading 'map')",
      "TypeError: Cannot read properties of undefined (reading 'map')",
    ],
    [
      'exception',
      'Java exception in thread',
      'Exception in thread "main" java.lang.IllegalStateException: pool closed',
      'Exception in thread "main" java.lang.IllegalStateException: pool closed',
    ],
    ['exception', 'bare Java exception', 'java.lang.NullPointerException', 'java.lang.NullPointerException'],
    ['exception', 'Python exception', "KeyError: 'tenant_id'", "KeyError: 'tenant_id'"],
    [
      'exception',
      '.NET unhandled exception',
      'Unhandled exception. System.InvalidOperationException: Sequence contains no elements',
      'Unhandled exception. System.InvalidOperationException: Sequence contains no elements',
    ],
    [
      'exception',
      'Objective-C uncaught exception',
      "*** Terminating app due to uncaught exception 'NSInvalidArgumentException', reason: 'bad index'",
      "Terminating app due to uncaught exception 'NSInvalidArgumentException', reason: 'bad index'",
    ],
    [
      'exception',
      'Ruby exception at the end of the line',
      "app/models/order.rb:14:in 'total': undefined method 'sum' for nil (NoMethodError)",
      "app/models/order.rb:14:in 'total': undefined method 'sum' for nil (NoMethodError)",
    ],
    [
      'error',
      'QEMU error',
      'QEMU error: QEMU exited from an error: vCPU setup failed',
      'QEMU error: QEMU exited from an error: vCPU setup failed',
    ],
    [
      'error',
      'hvf error with return code',
      'qemu-aarch64-softmmu: Error: ret = HV_BAD_ARGUMENT (0xfae94003, at ../target/arm/hvf/hvf.c:1044)',
      'Error: ret = HV_BAD_ARGUMENT (0xfae94003, at ../target/arm/hvf/hvf.c:1044)',
    ],
    [
      'error',
      'error inside a JSON log line',
      '{"level":"error","msg":"qemu[stderr]: Error: ret = HV_UNSUPPORTED (0xfae9400f, at ../accel/hvf/hvf-all.c:90)","time":"timestamp"}',
      'Error: ret = HV_UNSUPPORTED (0xfae9400f, at ../accel/hvf/hvf-all.c:90)',
    ],
    [
      'error',
      'allocator error',
      'mimalloc: error: mi_free: invalid pointer: addr',
      'mimalloc: error: mi_free: invalid pointer: addr',
    ],
    [
      'error',
      'sanitizer report',
      '==31337==ERROR: AddressSanitizer: heap-use-after-free on address addr',
      '==31337==ERROR: AddressSanitizer: heap-use-after-free on address addr',
    ],
    [
      'error',
      'Go runtime error without panic prefix',
      'runtime error: invalid memory address or nil pointer dereference',
      'runtime error: invalid memory address or nil pointer dereference',
    ],
  ])('%s: %s', (kind, _what, text, expected) => {
    expect(crash(text)).toContainEqual({ kind, text: expected });
  });

  it.each([
    ['a sentence about errors', 'I think the error started after the update.'],
    ['a heading', '## Fatal crash when starting'],
    ['a config line', 'raise_on_error = true'],
    ['a stack frame', '#3  addr in lj_err_throw (L=addr, errcode=4) at lj_err.c:780'],
    ['a checklist item', '- [x] I searched for existing issues'],
  ])('ignores %s', (_what, text) => {
    expect(crash(text)).toEqual([]);
  });

  it('deduplicates by kind and text, in order of first appearance', () => {
    const text = ['fatal error: out of memory', 'panic: boom', 'fatal error: out of memory'].join('\n');
    expect(crash(text)).toEqual([
      { kind: 'fatal', text: 'fatal error: out of memory' },
      { kind: 'panic', text: 'panic: boom' },
    ]);
  });

  it(`keeps at most ${MAX_CRASH_LINES} crash lines`, () => {
    const lines = Array.from({ length: MAX_CRASH_LINES + 20 }, (_v, i) => `fatal error: failure number ${i}`);
    const found = extractCrashLines(lines);
    expect(found.crashLines).toHaveLength(MAX_CRASH_LINES);
    expect(found.truncated).toBe(true);
  });
});
