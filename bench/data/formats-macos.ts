// macOS crash formats: a crash report (.ips, as Console shows it, with its header, threads, register
// state and binary images) and a kernel panic log (panic line, versions, per-CPU state, loaded kexts).
import { addr, pad, timestamp, type CrashContext, type CrashLog } from './format-types.js';

const MAC_BOILERPLATE = [
  ['libsystem_kernel.dylib', '__pthread_kill'],
  ['libsystem_pthread.dylib', 'pthread_kill'],
  ['libsystem_c.dylib', 'abort'],
  ['libsystem_malloc.dylib', 'malloc_vreport'],
];
const MAC_TAIL = [
  ['libdispatch.dylib', '_dispatch_call_block_and_release'],
  ['libdispatch.dylib', '_dispatch_client_callout'],
  ['CoreFoundation', '__CFRunLoopRun'],
  ['AppKit', '-[NSApplication run]'],
  ['dyld', 'start'],
];
const MAC_LIBS = [
  'libsystem_kernel.dylib',
  'libsystem_pthread.dylib',
  'libdispatch.dylib',
  'CoreFoundation',
  'Foundation',
  'libobjc.A.dylib',
  'libc++abi.dylib',
  'Security',
  'IOKit',
];
const OS = [
  ['15.1.1', '24B91'],
  ['14.6.1', '23G93'],
  ['15.2', '24C101'],
  ['13.6.7', '22G720'],
];

export function ipsReport(ctx: CrashContext): CrashLog {
  const { rng, product: p } = ctx;
  const [os, build] = rng.pick(OS);
  const frame = (n: number, lib: string, fn: string): string =>
    `${pad(String(n), 4)}${pad(lib, 32)}\t${addr(rng, 12)} ${fn} + ${rng.range(4, 900)}`;
  const thread = (n: number, name: string, fns: [string, string][]): string =>
    [`Thread ${n}${name}:`, ...fns.map(([lib, fn], k) => frame(k, lib, fn))].join('\n');
  const crashed: [string, string][] = [
    ...(MAC_BOILERPLATE.slice(0, rng.range(2, 4)) as [string, string][]),
    ...ctx.frames.map((f): [string, string] => [p.display, f]),
    ...rng.sample(ctx.otherFrames, 4).map((f): [string, string] => [p.display, f]),
    ...(MAC_TAIL.slice(rng.range(0, 3)) as [string, string][]),
  ];
  let threadNo = 1;
  return {
    lang: 'text',
    head: [
      '-------------------------------------',
      'Translated Report (Full Report Below)',
      '-------------------------------------',
      '',
      `Process:               ${p.display} [${rng.range(300, 99999)}]`,
      `Path:                  /Applications/${p.display}.app/Contents/MacOS/${p.display}`,
      `Identifier:            com.${p.name}.app`,
      `Version:               ${p.version} (${rng.range(100, 9999)})`,
      `Code Type:             ${rng.pick(['ARM-64 (Native)', 'X86-64 (Native)'])}`,
      'Parent Process:        launchd [1]',
      `Date/Time:             ${timestamp(rng)} +0100`,
      `OS Version:            macOS ${os} (${build})`,
      'Report Version:        12',
      `Anonymous UUID:        ${rng.uuid()}`,
      `Time Awake Since Boot: ${rng.range(100, 900000)} seconds`,
      'System Integrity Protection: enabled',
      '',
      `Crashed Thread:        0  Dispatch queue: com.apple.main-thread`,
      '',
      `Exception Type:        ${rng.pick(['EXC_CRASH (SIGABRT)', 'EXC_BAD_ACCESS (SIGSEGV)', 'EXC_BREAKPOINT (SIGTRAP)'])}`,
      `Exception Codes:       KERN_INVALID_ADDRESS at ${addr(rng)}`,
      `Termination Reason:    Namespace SIGNAL, Code 6 Abort trap: 6`,
      `Terminating Process:   ${p.display} [${rng.range(300, 99999)}]`,
      '',
    ].join('\n'),
    crash: [
      'Application Specific Information:',
      ...ctx.messages,
      '',
      thread(0, ' Crashed:: Dispatch queue: com.apple.main-thread', crashed),
      '',
    ].join('\n'),
    more: () => {
      const r = rng.next();
      if (r < 0.5) {
        const fns = Array.from({ length: rng.range(4, 14) }, (): [string, string] =>
          rng.chance(0.5)
            ? [p.display, rng.pick(ctx.otherFrames)]
            : [rng.pick(MAC_LIBS), `_${rng.pick(['dispatch', 'CF', 'objc', 'os_unfair'])}_${rng.hex(4)}`],
        );
        return `${thread(threadNo++, `:: ${rng.pick(['com.apple.NSEventThread', 'Dispatch queue: ' + p.name + '.worker', ''])}`, fns)}\n`;
      }
      if (r < 0.65) {
        const regs = Array.from({ length: 29 }, (_, i) => `x${i}: ${addr(rng)}`);
        return `Thread 0 crashed with ARM Thread State (64-bit):\n${regs.map((x, i) => (i % 4 === 3 ? `${x}\n` : `${x}   `)).join('')}\n   fp: ${addr(rng)}   lr: ${addr(rng)}\n   sp: ${addr(rng)}   pc: ${addr(rng)} cpsr: 0x60001000\n  far: ${addr(rng)}  esr: 0x92000006 (Data Abort) byte read Translation fault\n`;
      }
      const images = Array.from({ length: 12 }, () => {
        const lib = rng.pick(MAC_LIBS);
        return `       ${addr(rng, 9)} -        ${addr(rng, 9)} ${lib} (*) <${rng.uuid()}> /usr/lib/system/${lib}`;
      });
      return `Binary Images:\n${images.join('\n')}\n`;
    },
    tail: `\nExternal Modification Summary:\n  Calls made by other processes targeting this process:\n    task_for_pid: 0\n    thread_create: 0\n    thread_set_state: 0\n\nVM Region Summary:\nReadOnly portion of Libraries: Total=1.1G resident=0K(0%) swapped_out_or_unallocated=1.1G(100%)\n`,
  };
}

export function kernelPanicLog(ctx: CrashContext): CrashLog {
  const { rng, product: p } = ctx;
  const [os, build] = rng.pick(OS);
  const kext = `com.${p.name}.driver.${p.display}Kext`;
  return {
    lang: 'text',
    head: [
      `panic(cpu ${rng.range(0, 9)} caller ${addr(rng)}): ${ctx.messages.map((m) => `"${m}"`).join(' ')} @${p.files[0]}:${rng.range(10, 2000)}`,
      `Debugger message: panic`,
      `Memory ID: 0x${rng.hex(1)}`,
      `OS release type: User`,
      `OS version: ${build}`,
      `macOS version: ${os}`,
      `Kernel version: Darwin Kernel Version 24.1.0: Thu Oct 10 21:05:14 PDT 2024; root:xnu-11215.41.3~2/RELEASE_ARM64_T6041`,
      `Fileset Kernelcache UUID: ${rng.uuid()}`,
      `Kernel UUID: ${rng.uuid()}`,
      `Boot session UUID: ${rng.uuid()}`,
      `iBoot version: iBoot-11881.41.5`,
      `secure boot?: YES`,
      `roots installed: 0`,
      `Paniclog version: 14`,
      `KernelCache slide: ${addr(rng, 10)}`,
      `Kernel slide:      ${addr(rng, 10)}`,
      `Kernel text base:  ${addr(rng)}`,
      `mach_absolute_time: ${addr(rng, 10)}`,
      `Epoch Time:        sec       usec`,
      `  Boot    : ${addr(rng, 8)} ${addr(rng, 8)}`,
      `  Wake    : ${addr(rng, 8)} ${addr(rng, 8)}`,
      `Zone info:`,
      `  Zone map: ${addr(rng)} - ${addr(rng)}`,
      `CORE 0 recently retired instr at ${addr(rng)}`,
      `TPIDRx_ELy = {1: ${addr(rng)}  0: ${addr(rng)}  0ro: ${addr(rng)} }`,
      `Panicked task ${addr(rng)}: ${rng.range(100, 90000)} pages, ${rng.range(1, 40)} threads: pid ${rng.range(100, 9999)}: ${p.display}`,
      `Panicked thread: ${addr(rng)}, backtrace: ${addr(rng)}, tid: ${rng.range(1000, 999999)}`,
      '',
    ].join('\n'),
    crash: [
      ...[...ctx.frames, ...rng.sample(ctx.otherFrames, 3)].map(
        (f) => `\t\t  lr: ${addr(rng)}  fp: ${addr(rng)} ${f}`,
      ),
      ...Array.from({ length: 8 }, () => `\t\t  lr: ${addr(rng)}  fp: ${addr(rng)}`),
      `      Kernel Extensions in backtrace:`,
      `         ${kext}(${p.version})[${rng.uuid()}]@${addr(rng)}->${addr(rng)}`,
      '',
      `last started kext at ${rng.range(1000, 99999999)}: ${kext}\t${p.version} (addr ${addr(rng)}, size ${rng.range(1000, 99999)})`,
      '',
    ].join('\n'),
    more: () => {
      if (rng.chance(0.4)) {
        const core = rng.range(0, 9);
        return `CORE ${core} PVH locks held: None\nCORE ${core}: PC=${addr(rng)}, LR=${addr(rng)}, FP=${addr(rng)}\n${Array.from({ length: 6 }, () => `\t\t  lr: ${addr(rng)}  fp: ${addr(rng)}`).join('\n')}\n`;
      }
      const kexts = Array.from(
        { length: 10 },
        () =>
          `\tcom.apple.${rng.pick(['driver', 'iokit', 'kec', 'filesystems', 'security'])}.${rng.pick(['AppleH11ANEInterface', 'IOUSBHostFamily', 'AppleSMC', 'corecrypto', 'AppleEmbeddedAudio', 'apfs', 'IOGPUFamily'])}\t${rng.range(1, 900)}.${rng.range(0, 99)}.${rng.range(0, 9)}`,
      );
      return `loaded kexts:\n${kexts.join('\n')}\n`;
    },
    tail: `\n** In Memory Panic Stackshot Succeeded ** Bytes Traced ${rng.range(100000, 999999)} (Uncompressed ${rng.range(1000000, 2999999)}) **\n`,
  };
}
