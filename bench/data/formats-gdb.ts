// A gdb session: the run, the crash line, the backtrace, other threads, registers and shared libraries.
import { addr, pad, type CrashContext, type CrashLog } from './format-types.js';

const GDB_BOILERPLATE = [
  '__pthread_kill_implementation',
  '__pthread_kill_internal',
  '__GI_raise',
  '__GI_abort',
];

export function gdbSession(ctx: CrashContext): CrashLog {
  const { rng, product: p } = ctx;
  let n = 0;
  const frame = (fn: string, withFile: boolean): string =>
    `#${n++}  ${addr(rng)} in ${fn} (${rng.pick(['', `L=${addr(rng, 12)}`, `self=${addr(rng, 12)}, n=${rng.range(0, 99)}`])})${withFile ? ` at ${rng.pick(p.files)}:${rng.range(10, 3000)}` : ' from /lib/x86_64-linux-gnu/libc.so.6'}`;
  let threadNo = 2;
  const frames = [
    ...GDB_BOILERPLATE.slice(rng.range(0, 2)).map((f) => frame(f, false)),
    ...ctx.frames.map((f) => frame(f, true)),
    ...rng.sample(ctx.otherFrames, 5).map((f) => frame(f, true)),
    frame('start_thread', false),
    frame('clone3', false),
  ];
  return {
    lang: 'text',
    head: [
      `$ gdb --args ./${p.name} --config /etc/${p.name}/${p.name}.conf`,
      `GNU gdb (Ubuntu 15.0.50.20240403-0ubuntu1) 15.0.50.20240403-git`,
      `Reading symbols from ./${p.name}...`,
      `(gdb) run`,
      `[Thread debugging using libthread_db enabled]`,
      `Using host libthread_db library "/lib/x86_64-linux-gnu/libthread_db.so.1".`,
      ...Array.from(
        { length: rng.range(2, 6) },
        () => `[New Thread ${addr(rng, 12)} (LWP ${rng.range(1000, 99999)})]`,
      ),
      ...ctx.messages.map((m) => `${rng.pick(['FATAL', 'fatal error', 'ERROR'])}: ${m}`),
      '',
      `Thread 1 "${p.name}" received signal ${rng.pick(['SIGABRT, Aborted', 'SIGSEGV, Segmentation fault'])}.`,
      '(gdb) bt',
    ].join('\n'),
    crash: `${frames.join('\n')}\n(gdb) info registers\n`,
    more: () => {
      const r = rng.next();
      if (r < 0.5) {
        n = 0;
        const fs = Array.from({ length: rng.range(3, 10) }, () =>
          rng.chance(0.6)
            ? frame(rng.pick(ctx.otherFrames), true)
            : frame(
                rng.pick(['__futex_abstimed_wait_common', 'pthread_cond_wait', 'epoll_wait', '__GI___poll']),
                false,
              ),
        );
        return `\nThread ${threadNo++} (Thread ${addr(rng, 12)} (LWP ${rng.range(1000, 99999)}) "${p.name}-worker"):\n${fs.join('\n')}\n`;
      }
      if (r < 0.75) {
        const regs = [
          'rax',
          'rbx',
          'rcx',
          'rdx',
          'rsi',
          'rdi',
          'rbp',
          'rsp',
          'r8',
          'r9',
          'r10',
          'r11',
          'r12',
          'r13',
          'r14',
          'r15',
          'rip',
          'eflags',
        ];
        return `${regs.map((r2) => `${pad(r2, 15)}${pad(addr(rng), 19)}${rng.range(0, 2 ** 31)}`).join('\n')}\n`;
      }
      const libs = Array.from(
        { length: 8 },
        () =>
          `${addr(rng)}  ${addr(rng)}  Yes         /usr/lib/x86_64-linux-gnu/lib${rng.pick(['ssl', 'crypto', 'z', 'm', 'stdc++', 'gcc_s', 'pcre2-8', 'ffi'])}.so.${rng.range(1, 9)}`,
      );
      return `(gdb) info sharedlibrary\nFrom                To                  Syms Read   Shared Object Library\n${libs.join('\n')}\n`;
    },
    tail: '(gdb) quit\n',
  };
}
