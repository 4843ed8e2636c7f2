// Frame name normalization (what is stripped, what is kept) and the boilerplate decision.
import { describe, expect, it } from 'vitest';
import { isBoilerplateFrame, normalizeFrameName } from '../../src/signals/frame-name.js';

describe('normalizeFrameName', () => {
  it.each([
    ['plain C name', 'lj_err_throw', 'lj_err_throw'],
    ['spaced offset', 'abort + 180', 'abort'],
    ['hex offset', 'RtlRaiseException+0x4e', 'RtlRaiseException'],
    ['decimal offset after arguments', 'sig_fatal_cb(int)+112', 'sig_fatal_cb'],
    ['gdb argument list', 'lj_err_throw (L=0x5555556882a0, errcode=4)', 'lj_err_throw'],
    [
      'C++ namespaces and argument types',
      'acme::io::Reader::next(unsigned long) const',
      'acme::io::Reader::next',
    ],
    [
      'C++ template arguments',
      'std::vector<int, std::allocator<int> >::push_back(int const&)',
      'std::vector::push_back',
    ],
    [
      'C++ anonymous namespace',
      '(anonymous namespace)::flush_all(Queue*)',
      '(anonymous namespace)::flush_all',
    ],
    ['C++ operator()', 'acme::Task::operator()(int)', 'acme::Task::operator()'],
    ['C++ operator<<', 'acme::Log::operator<<(char const*)', 'acme::Log::operator<<'],
    [
      'Rust <impl X> segment',
      'yjit::backend::arm64::<impl yjit::backend::ir::Assembler>::compile_with_regs',
      'yjit::backend::arm64::compile_with_regs',
    ],
    ['Rust qualified path', '<alloc::vec::Vec<T> as core::ops::drop::Drop>::drop', 'alloc::vec::Vec::drop'],
    ['Rust hash suffix', 'tokio::runtime::park::run::h0123456789abcdef', 'tokio::runtime::park::run'],
    ['Rust closure', 'acme::main::{{closure}}', 'acme::main::{{closure}}'],
    ['Go receiver', 'main.(*Poller).poll', 'main.(*Poller).poll'],
    ['Java lambda', 'com.acme.Job.lambda$run$0', 'com.acme.Job.lambda$run$0'],
    ['Java constructor', 'com.acme.Job.<init>', 'com.acme.Job.<init>'],
    ['JavaScript anonymous', 'Object.<anonymous>', 'Object.<anonymous>'],
    ['Swift argument labels', 'Renderer.draw(_:)', 'Renderer.draw'],
    ['lldb inlined', 'mi_free [inlined] mi_page_thread_id(page=0x0)', 'mi_page_thread_id'],
    ['lldb [opt] marker', 'mi_free(p=0x1) [opt]', 'mi_free'],
    ['atos module note', 'mi_heap_malloc_small (in libmimalloc.dylib) + 24', 'mi_heap_malloc_small'],
    ['Objective-C method', '-[NSApplication run] + 312', '-[NSApplication run]'],
    ['bare address', '0x000000010a2c8000', '??'],
    ['question marks', '???', '??'],
    ['whole name in angle brackets', '<signal handler called>', '<signal handler called>'],
    ['empty', '   ', '??'],
  ])('%s', (_what, raw, expected) => {
    expect(normalizeFrameName(raw)).toBe(expected);
  });

  it('caps very long names', () => {
    expect(normalizeFrameName(`f${'x'.repeat(5000)}`).length).toBeLessThanOrEqual(300);
  });
});

describe('isBoilerplateFrame', () => {
  it.each([
    ['abort'],
    ['__pthread_kill'],
    ['pthread_kill'],
    ['__GI_raise'],
    ['__pthread_kill_implementation'],
    ['_sigtramp'],
    ['__sigtramp'],
    ['start'],
    ['_pthread_start'],
    ['thread_start'],
    ['start_wqthread'],
    ['__libc_start_call_main'],
    ['_dispatch_lane_serial_drain'],
    ['_dispatch_worker_thread2'],
    ['rust_begin_unwind'],
    ['__rustc::rust_begin_unwind'],
    ['core::panicking::panic_fmt'],
    ['std::panicking::begin_panic_handler'],
    ['__rust_start_panic'],
    ['runtime.gopanic'],
    ['runtime.goexit'],
    ['sig_fatal_cb'],
    ['print_backtrace'],
    ['_Unwind_RaiseException'],
    ['<unknown>'],
    ['??'],
    ['main'],
  ])('%s is boilerplate', (fn) => {
    expect(isBoilerplateFrame(fn)).toBe(true);
  });

  it.each([
    ['lj_trace_exit'],
    ['mi_heap_malloc_small_zero'],
    ['hvf_arch_init_vcpu'],
    ['_PyRecursiveMutex_Unlock'],
    ['yjit::backend::arm64::compile_with_regs'],
    ['startup_sequence'],
    ['abort_transaction'],
    ['main_loop'],
  ])('%s is evidence', (fn) => {
    expect(isBoilerplateFrame(fn)).toBe(false);
  });

  it('treats Node internal files as boilerplate', () => {
    expect(isBoilerplateFrame('Module._extensions..js', 'node:internal/modules/cjs/loader')).toBe(true);
  });
});
