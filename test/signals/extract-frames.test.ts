// Stack frames per format (each format at least twice), wrapped and continued lines, prose that must
// not be read as frames, the cap, and which lines count as frame lines.
import { describe, expect, it } from 'vitest';
import { extractFrames } from '../../src/signals/extract-frames.js';
import { MAX_FRAMES } from '../../src/signals/limits.js';
import type { Frame } from '../../src/types.js';

/** A frame as the tables write it: boilerplate false unless said. */
function f(fn: string, extra: Partial<Frame> = {}): Frame {
  return { fn, boilerplate: false, ...extra };
}

const frames = (text: string): Frame[] => extractFrames(text.split('\n')).frames;

describe('extractFrames, per format', () => {
  it.each([
    [
      'macOS crash report, symbolicated',
      '3   libqemu-aarch64-softmmu.dylib \t       0x1057a2c14 hvf_arch_init_vcpu + 1100',
      [f('hvf_arch_init_vcpu', { module: 'libqemu-aarch64-softmmu.dylib' })],
    ],
    [
      'macOS crash report, boilerplate frame',
      '2   libsystem_c.dylib             \t       0x18c11ea30 abort + 180',
      [f('abort', { module: 'libsystem_c.dylib', boilerplate: true })],
    ],
    [
      'macOS crash report, image name with spaces and a source location',
      '12  Acme Helper (Renderer)        \t       0x104a1b2c0 Renderer.draw(_:) + 88 (Renderer.swift:214)',
      [f('Renderer.draw', { module: 'Acme Helper (Renderer)', file: 'Renderer.swift', line: 214 })],
    ],
    [
      'macOS crash report, unsymbolicated',
      '7   ???                           \t       0x10a2c8000 0x10a2c8000 + 3124',
      [f('??', { module: '???', boilerplate: true })],
    ],
    [
      'lldb, selected frame with [inlined] and [opt]',
      '  * frame #0: 0x0000000104c8b61c libmimalloc.3.dylib`mi_free [inlined] mi_page_thread_id(page=0x0000000000000000) at page.h:212:10 [opt]',
      [f('mi_page_thread_id', { module: 'libmimalloc.3.dylib', file: 'page.h', line: 212 })],
    ],
    [
      'lldb, frame with an offset',
      '    frame #3: 0x0000000185cc02f0 libsystem_pthread.dylib`_pthread_start + 136',
      [f('_pthread_start', { module: 'libsystem_pthread.dylib', boilerplate: true })],
    ],
    [
      'lldb, frame with arguments and location',
      '    frame #1: 0x0000000104c8b61c libmimalloc.3.dylib`mi_free(p=0x0000000150804200) at free.c:181:3 [opt]',
      [f('mi_free', { module: 'libmimalloc.3.dylib', file: 'free.c', line: 181 })],
    ],
    [
      'gdb, address and location',
      '#3  0x000055555555f192 in err_raise_ext (g=0x555555688300, errcode=4) at lj_err.c:764',
      [f('err_raise_ext', { file: 'lj_err.c', line: 764 })],
    ],
    [
      'gdb, inlined frame without address',
      '#8  lj_tab_resize (L=0x5555556882a0, t=0x55555568b450, asize=0, hbits=1) at lj_tab.c:258',
      [f('lj_tab_resize', { file: 'lj_tab.c', line: 258 })],
    ],
    [
      'gdb, glibc abort path with a directory',
      '#2  __GI___pthread_kill (threadid=<optimized out>, signo=6) at ./nptl/pthread_kill.c:89',
      [f('__GI___pthread_kill', { file: 'pthread_kill.c', line: 89, boilerplate: true })],
    ],
    [
      'gdb, shared-library frame without debug info',
      '#9  0x00007f3a1c2f0b7e in lj_vm_exit_handler () from /usr/local/lib/libluajit-5.1.so.2',
      [f('lj_vm_exit_handler', { module: 'libluajit-5.1.so.2' })],
    ],
    [
      'gdb, signal handler marker',
      '#6  <signal handler called>',
      [f('<signal handler called>', { boilerplate: true })],
    ],
    [
      'Tarantool backtrace, symbol + offset',
      '#1 0x4b4b7d in lj_err_unwind_dwarf+301',
      [f('lj_err_unwind_dwarf')],
    ],
    [
      'Tarantool backtrace, C++ signal handler',
      '#0 0x4261f0 in sig_fatal_cb(int)+112',
      [f('sig_fatal_cb', { boilerplate: true })],
    ],
    ['Tarantool backtrace, unknown frame', '#3 0x7f99a453dc23 in ? ', [f('??', { boilerplate: true })]],
    [
      'AddressSanitizer, with source location',
      '    #0 0x55d3c2a1b2c3 in parse_header /src/fmt/header.c:88:14',
      [f('parse_header', { file: 'header.c', line: 88 })],
    ],
    [
      'AddressSanitizer, C++ with argument types',
      '    #1 0x55d3c2a1c4d5 in fmt::Reader::next(unsigned long) /src/fmt/reader.cc:41:7',
      [f('fmt::Reader::next', { file: 'reader.cc', line: 41 })],
    ],
    [
      'AddressSanitizer, module and offset only',
      '    #4 0x7f8e2c429d8f  (/lib/x86_64-linux-gnu/libc.so.6+0x29d8f) (BuildId: 490fef8403240c91833978d494d39e537409b92e)',
      [f('??', { module: 'libc.so.6', boilerplate: true })],
    ],
    [
      'macOS kernel panic, symbolicated',
      '0xfffffe0028e4c5d8 panic_trap_to_debugger + 132',
      [f('panic_trap_to_debugger')],
    ],
    [
      'macOS kernel panic, Intel style with module',
      '0xffffff80a1b2c3d0 : 0xffffff8012345678 mach_kernel : _handle_debugger_trap + 0x4a1',
      [f('_handle_debugger_trap', { module: 'mach_kernel' })],
    ],
    [
      'Python traceback',
      '  File "/srv/app/jobs/sync.py", line 57, in fetch_page',
      [f('fetch_page', { file: 'sync.py', line: 57 })],
    ],
    [
      'Python traceback, module level',
      '  File "/srv/app/run.py", line 3, in <module>',
      [f('<module>', { file: 'run.py', line: 3, boilerplate: true })],
    ],
    [
      'Fatal Python error dump (no comma before "in")',
      '  File "/usr/lib/python3.13/threading.py", line 1012 in run',
      [f('run', { file: 'threading.py', line: 1012 })],
    ],
    [
      'Fatal Python error C stack',
      '  Binary file "/usr/local/bin/python3.13", at PyOS_AfterFork_Child+0x54 [0x7f0a2c]',
      [f('PyOS_AfterFork_Child', { module: 'python3.13' })],
    ],
    [
      'Rust backtrace, path with <impl> generic',
      '   4: yjit::backend::arm64::<impl yjit::backend::ir::Assembler>::compile_with_regs',
      [f('yjit::backend::arm64::compile_with_regs')],
    ],
    [
      'Rust backtrace, panic machinery',
      '   1: core::panicking::panic_fmt',
      [f('core::panicking::panic_fmt', { boilerplate: true })],
    ],
    [
      'Rust backtrace, RUST_BACKTRACE=full with hash',
      '  12: 0x55d1c3b2a1f0 - tokio::runtime::task::raw::poll::h8f3e2d1c0b9a8f7e',
      [f('tokio::runtime::task::raw::poll')],
    ],
    [
      'Go, function and location',
      'main.(*Poller).poll(0xc000124000, 0x3)\n\t/srv/agent/poller.go:76 +0x19c',
      [f('main.(*Poller).poll', { file: 'poller.go', line: 76 })],
    ],
    [
      'Go, goroutine creator',
      'created by net/http.(*Server).Serve in goroutine 1\n\t/usr/local/go/src/net/http/server.go:3285 +0x4b4',
      [f('net/http.(*Server).Serve', { file: 'server.go', line: 3285 })],
    ],
    [
      'Go, arguments wrapped onto their own line',
      'github.com/acme/agent/runner.run.func3\n(0xc0430b1e20, 0xc04208e2c0)\n\t/home/ci/src/agent/runner/run.go:155 +0x1b7',
      [f('github.com/acme/agent/runner.run.func3', { file: 'run.go', line: 155 })],
    ],
    [
      'Java, application frame',
      '\tat com.acme.store.Inventory.reserve(Inventory.java:142)',
      [f('com.acme.store.Inventory.reserve', { file: 'Inventory.java', line: 142 })],
    ],
    [
      'Java, module prefix and native method',
      '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(Native Method)',
      [
        f('jdk.internal.reflect.DirectMethodHandleAccessor.invoke', {
          module: 'java.base',
          boilerplate: true,
        }),
      ],
    ],
    [
      'Kotlin, lambda with jar suffix',
      '\tat org.acme.sync.Worker$start$1.invokeSuspend(Worker.kt:58) ~[sync-core-2.4.jar:?]',
      [f('org.acme.sync.Worker$start$1.invokeSuspend', { file: 'Worker.kt', line: 58 })],
    ],
    [
      'JavaScript, method with location',
      '    at Request._callback (/app/lib/feeds.js:14:22)',
      [f('Request._callback', { file: 'feeds.js', line: 14 })],
    ],
    [
      'JavaScript, async frame with file URL',
      '    at async loadConfig (file:///Users/erin/acme/src/config.mjs:31:9)',
      [f('loadConfig', { file: 'config.mjs', line: 31 })],
    ],
    [
      'JavaScript, Node internal frame',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      [
        f('process.processTicksAndRejections', {
          file: 'node:internal/process/task_queues',
          line: 95,
          boilerplate: true,
        }),
      ],
    ],
    [
      'JavaScript, anonymous frame',
      '    at /app/node_modules/express/lib/router/layer.js:95:5',
      [f('<anonymous>', { file: 'layer.js', line: 95, boilerplate: true })],
    ],
    [
      '.NET, with file and line',
      '   at Acme.Billing.InvoiceService.Total(Invoice invoice) in C:\\src\\Billing\\InvoiceService.cs:line 42',
      [f('Acme.Billing.InvoiceService.Total', { file: 'InvoiceService.cs', line: 42 })],
    ],
    [
      '.NET, without source',
      '   at System.Collections.Generic.Dictionary`2.FindValue(TKey key)',
      [f('System.Collections.Generic.Dictionary`2.FindValue')],
    ],
    ['Lua, C function', "\t[C]: in function 'error'", [f('error', { module: '[C]' })]],
    [
      'Lua, script function',
      "\tapp/handlers/upload.lua:37: in function 'store_chunk'",
      [f('store_chunk', { file: 'upload.lua', line: 37 })],
    ],
    [
      'Lua, main chunk',
      '\tbootstrap.lua:12: in main chunk',
      [f('main chunk', { file: 'bootstrap.lua', line: 12, boilerplate: true })],
    ],
    [
      'WinDbg, k output with frame number',
      '05 0000004f`9e8ff3a0 00007ffa`1c2d3e4f acme!Codec::Decode+0x1f2 [C:\\src\\codec\\decode.cpp @ 311]',
      [f('Codec::Decode', { module: 'acme', file: 'decode.cpp', line: 311 })],
    ],
    [
      'WinDbg, bare module!function+offset',
      'KERNELBASE!RaiseFailFastException+0x152',
      [f('RaiseFailFastException', { module: 'KERNELBASE', boilerplate: true })],
    ],
    [
      'Ruby C-level backtrace',
      '/opt/rubies/3.3.5/lib/libruby.so.3.3(rb_vm_bugreport+0x9cc) [0x7f2a1b2c3d4e]',
      [f('rb_vm_bugreport', { module: 'libruby.so.3.3', boilerplate: true })],
    ],
    [
      'glibc backtrace_symbols without symbol',
      '/lib/x86_64-linux-gnu/libc.so.6(+0x42520) [0x7f2a1a642520]',
      [f('??', { module: 'libc.so.6', boilerplate: true })],
    ],
    [
      'macOS .ips JSON frames',
      '{"imageOffset":42380,"symbol":"__pthread_kill","symbolLocation":8,"imageIndex":5},{"imageOffset":27680,"symbol":"hvf_vcpu_exec","symbolLocation":412,"imageIndex":2}',
      [f('__pthread_kill', { boilerplate: true }), f('hvf_vcpu_exec')],
    ],
  ])('%s', (_format, text, expected) => {
    expect(frames(text)).toEqual(expected);
  });
});

describe("extractFrames, behind a tool's tag on every line", () => {
  it.each([
    [
      'a bracketed tool name',
      '[vue-cli-service]     at Object.render (/app/src/widgets/chart.js:14:22)',
      [f('Object.render', { file: 'chart.js', line: 14 })],
    ],
    [
      'Docker Compose',
      'worker-1  | #3  0x000055d1c0a1b2c3 in wal_replay_segment (seg=0x0) at wal.c:388',
      [f('wal_replay_segment', { file: 'wal.c', line: 388 })],
    ],
    [
      'Docker Compose, then a timestamp',
      'api_1    | 2024-03-01T10:00:00Z     at Request._callback (/app/lib/feeds.js:14:22)',
      [f('Request._callback', { file: 'feeds.js', line: 14 })],
    ],
  ])('%s', (_what, text, expected) => {
    expect(frames(text)).toEqual(expected);
  });

  it.each([
    ['a crash line keeps its brackets', '[SPTM] VIOLATION_ILLEGAL_SPRR_INDEX: sptm_map_page'],
    ['a tagged line of prose', '[web] listening on port 3000'],
    ['a table row', 'name | value | at home'],
  ])('%s: no frame', (_what, text) => {
    expect(frames(text)).toEqual([]);
  });
});

describe('extractFrames, wrapped and continued lines', () => {
  it('takes a Rust frame’s `at path:line:col` from the next line', () => {
    const text = [
      '   5: yjit::backend::ir::Assembler::compile',
      '             at ./yjit/src/backend/ir.rs:1630:19',
      '   6: yjit::codegen::gen_single_block',
    ].join('\n');
    expect(frames(text)).toEqual([
      f('yjit::backend::ir::Assembler::compile', { file: 'ir.rs', line: 1630 }),
      f('yjit::codegen::gen_single_block'),
    ]);
  });

  it('takes a gdb frame’s location from the wrapped argument line', () => {
    const text = [
      '#5  0x00005e0136973c0f in lj_assert_fail (g=0x0, file=0x5e0136d29270 "lj_record.c", line=88, ',
      '    fmt=0x5e0136d2955c "bad slot") at /build/luajit/src/lj_assert.c:25',
      '#6  0x00005e013696e238 in rec_check_slots (J=0x41f3c8) at lj_record.c:88',
    ].join('\n');
    expect(frames(text)).toEqual([
      f('lj_assert_fail', { file: 'lj_assert.c', line: 25 }),
      f('rec_check_slots', { file: 'lj_record.c', line: 88 }),
    ]);
  });

  it('takes a gdb symbol that was wrapped right after `in`', () => {
    const text = ['#5  0x00005555555b03f5 in', 'lj_gc_step (L=0x7ffff7c81380) at lj_gc.c:711'].join('\n');
    expect(frames(text)).toEqual([f('lj_gc_step', { file: 'lj_gc.c', line: 711 })]);
  });

  it('reads frames behind log prefixes and quote markers', () => {
    const text = [
      '2018-09-21T10:43:55.674079866Z app[web.1]:     at Request._callback (/app/lib/feeds.js:14:22)',
      '> #2  0x00007f3a1c2c9f3b in lj_mem_realloc (L=0x7f3a1bd00380) at lj_gc.c:878',
    ].join('\n');
    expect(frames(text)).toEqual([
      f('Request._callback', { file: 'feeds.js', line: 14 }),
      f('lj_mem_realloc', { file: 'lj_gc.c', line: 878 }),
    ]);
  });
});

describe('extractFrames, prose is not a frame', () => {
  it.each([
    ['an issue reference', '#1247 was fixed by the finalizer change'],
    ['a numbered step', '1: install the package and restart'],
    ['a numbered step with a path', '2. open /Users/alice/app.rb'],
    ['"at" in a sentence', 'at least once (see the log above)'],
    ['an exclamation', 'Thanks!This helped a lot'],
    ['a Lua-like sentence', 'error: in line 3 the value is nil'],
    ['a call in prose without a Go location', 'then call foo.bar(baz) again'],
    ['a markdown heading', '# Crash on startup'],
  ])('%s', (_what, line) => {
    expect(frames(line)).toEqual([]);
  });
});

describe('extractFrames, bounds and line marks', () => {
  it(`keeps at most ${MAX_FRAMES} frames and says so`, () => {
    const lines = Array.from(
      { length: MAX_FRAMES + 50 },
      (_v, i) => `#${i} 0x00007f3a1c2b${(4096 + i).toString(16)} in step_${i} (n=${i}) at loop.c:${i + 1}`,
    );
    const found = extractFrames(lines);
    expect(found.frames).toHaveLength(MAX_FRAMES);
    expect(found.truncated).toBe(true);
  });

  it('marks frame lines (including continuation lines) and renders tabular ones', () => {
    const lines = [
      'Thread 3 Crashed:',
      '0   libsystem_kernel.dylib        \t       0x18c1d95f0 __pthread_kill + 8',
      '   4: yjit::codegen::gen_single_block',
      '             at ./yjit/src/codegen.rs:88:5',
    ];
    const found = extractFrames(lines);
    expect([...found.frameLines]).toEqual([0, 1, 1, 1]);
    expect(found.rendered.get(1)).toBe('libsystem_kernel.dylib __pthread_kill');
  });

  it('skips lines it is told to skip (register dumps, image lists)', () => {
    const lines = ['0   libfoo.dylib   0x1000 foo + 1', '1   libbar.dylib   0x2000 bar + 2'];
    expect(extractFrames(lines, (i) => i === 0).frames).toEqual([f('bar', { module: 'libbar.dylib' })]);
  });
});
