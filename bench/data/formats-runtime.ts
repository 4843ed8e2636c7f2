// Managed-runtime crash formats: a Python traceback (with the log before it and `pip freeze` after), a
// Rust panic with RUST_BACKTRACE=1, a Go panic with every goroutine, a Java exception with causes, and a
// Node.js stack with npm's log.
import { addr, timestamp, type CrashContext, type CrashLog } from './format-types.js';

function logLine(ctx: CrashContext, style: 'python' | 'rust' | 'java' | 'js'): string {
  const { rng, product: p } = ctx;
  const level = rng.pick(['INFO', 'INFO', 'DEBUG', 'WARN']);
  const msg = `${rng.pick(['accepted', 'flushed', 'scheduled', 'loaded', 'retrying', 'connected to'])} ${rng.pick(ctx.otherFrames).replace(/^.*[/.:]/, '')} id=${rng.hex(8)} in ${rng.range(1, 900)}ms`;
  const ts = timestamp(rng);
  if (style === 'rust')
    return `[${ts.replace(' ', 'T')}Z ${level} ${p.name}::${rng.pick(p.files).replace(/\..*/, '')}] ${msg}`;
  if (style === 'java')
    return `${ts} ${level} [${p.name}-worker-${rng.range(1, 64)}] c.${p.name}.${rng.pick(p.files).replace(/\..*/, '')} - ${msg}`;
  return `${ts} ${level} ${p.name}: ${msg}`;
}

export function pythonTraceback(ctx: CrashContext): CrashLog {
  const { rng, product: p } = ctx;
  const site = `/home/${rng.pick(['dev', 'ci', 'alice'])}/.venv/lib/python3.${rng.range(9, 13)}/site-packages`;
  const tb = (fns: readonly string[], error: string): string =>
    [
      'Traceback (most recent call last):',
      `  File "<frozen runpy>", line 198, in _run_module_as_main`,
      ...fns.map(
        (f) =>
          `  File "${site}/${p.name}/${rng.pick(p.files)}", line ${rng.range(10, 2000)}, in ${f}\n    ${rng.pick(['return self._', 'result = ', 'await '])}${f}(${rng.pick(['', 'ctx', 'self.buf, n'])})`,
      ),
      error,
    ].join('\n');
  const errorType = `${p.display}${rng.pick(['Error', 'RuntimeError', 'StateError'])}`;
  return {
    lang: 'python',
    head: Array.from({ length: rng.range(5, 25) }, () => logLine(ctx, 'python')).join('\n') + '\n',
    crash: `${tb([...rng.sample(ctx.otherFrames, 3), ...[...ctx.frames].reverse()], ctx.messages.map((m) => `${errorType}: ${m}`).join('\n'))}\n`,
    more: () => {
      const r = rng.next();
      if (r < 0.3)
        return `\nDuring handling of the above exception, another exception occurred:\n\n${tb(rng.sample(ctx.otherFrames, rng.range(2, 6)), `KeyError: '${rng.hex(6)}'`)}\n`;
      if (r < 0.5)
        return `${Array.from({ length: 12 }, () => `${rng.pick(['numpy', 'requests', 'urllib3', 'certifi', 'pydantic', 'sqlalchemy', 'uvicorn', 'fastapi', 'attrs', 'six'])}==${rng.range(0, 3)}.${rng.range(0, 30)}.${rng.range(0, 9)}`).join('\n')}\n`;
      return `${Array.from({ length: 10 }, () => logLine(ctx, 'python')).join('\n')}\n`;
    },
    tail: `Fatal Python error: Aborted\n\nCurrent thread ${addr(rng)} (most recent call first):\n  File "${site}/${p.name}/__main__.py", line 12 in <module>\n`,
  };
}

export function rustPanic(ctx: CrashContext): CrashLog {
  const { rng, product: p } = ctx;
  const rustc = rng.hex(40);
  let n = 0;
  const frame = (fn: string, at: string): string =>
    `  ${String(n++).padStart(3)}: ${fn}\n             at ${at}:${rng.range(10, 900)}:${rng.range(1, 40)}`;
  const std = [
    'std::panicking::begin_panic_handler::{{closure}}',
    'std::sys::backtrace::__rust_end_short_backtrace',
    'rust_begin_unwind',
    'core::panicking::panic_fmt',
    'core::result::unwrap_failed',
  ];
  return {
    lang: 'text',
    head: `${Array.from({ length: rng.range(3, 12) }, () => logLine(ctx, 'rust')).join('\n')}\n`,
    crash: [
      `thread '${rng.pick(['main', 'tokio-runtime-worker', `${p.name}-io`])}' panicked at src/${rng.pick(p.files)}:${rng.range(10, 900)}:${rng.range(1, 40)}:`,
      ...ctx.messages,
      'stack backtrace:',
      ...std.map((f) => frame(f, `/rustc/${rustc}/library/std/src/panicking.rs`)),
      ...ctx.frames.map((f) => frame(f, `./src/${rng.pick(p.files)}`)),
      ...rng.sample(ctx.otherFrames, 4).map((f) => frame(f, `./src/${rng.pick(p.files)}`)),
      frame(
        'tokio::runtime::task::core::Core<T,S>::poll',
        `/home/dev/.cargo/registry/src/index.crates.io-6f17d22bba15001f/tokio-1.41.0/src/runtime/task/core.rs`,
      ),
      '',
    ].join('\n'),
    more: () =>
      rng.chance(0.5)
        ? `${Array.from({ length: 10 }, () => logLine(ctx, 'rust')).join('\n')}\n`
        : `${Array.from({ length: 6 }, () => frame(rng.pick([...ctx.otherFrames, 'tokio::runtime::scheduler::multi_thread::worker::Context::run_task', 'std::thread::local::LocalKey<T>::with']), `./src/${rng.pick(p.files)}`)).join('\n')}\n`,
    tail: 'note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\n',
  };
}

export function goPanic(ctx: CrashContext): CrashLog {
  const { rng, product: p } = ctx;
  const frame = (fn: string): string =>
    `${fn}(${addr(rng, 10)}, ${addr(rng, 10)})\n\t/home/runner/go/src/github.com/${p.repo}/${rng.pick(p.files)}:${rng.range(10, 900)} +0x${rng.hex(3)}`;
  let g = 2;
  return {
    lang: 'text',
    head: '',
    crash: [
      ...ctx.messages.map((m) => `panic: ${m}`),
      `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=${addr(rng, 6)}]`,
      '',
      'goroutine 1 [running]:',
      ...ctx.frames.map(frame),
      ...rng.sample(ctx.otherFrames, 3).map(frame),
      `main.main()\n\t/home/runner/go/src/github.com/${p.repo}/cmd/${p.name}/main.go:${rng.range(10, 200)} +0x${rng.hex(3)}`,
      '',
    ].join('\n'),
    more: () => {
      const state = rng.pick(['chan receive', 'select', 'IO wait', 'semacquire', 'sleep']);
      const fs = [
        ...rng
          .sample(
            [
              'runtime.gopark',
              'runtime.selectgo',
              'runtime.netpollblock',
              'internal/poll.(*FD).Read',
              'sync.(*WaitGroup).Wait',
            ],
            2,
          )
          .map(
            (f) =>
              `${f}(${addr(rng, 10)})\n\t/usr/local/go/src/runtime/proc.go:${rng.range(100, 500)} +0x${rng.hex(3)}`,
          ),
        ...rng.sample(ctx.otherFrames, rng.range(1, 4)).map(frame),
      ];
      return `goroutine ${g++} [${state}, ${rng.range(1, 90)} minutes]:\n${fs.join('\n')}\ncreated by net/http.(*Server).Serve in goroutine 1\n\t/usr/local/go/src/net/http/server.go:3285 +0x4b4\n\n`;
    },
    tail: 'exit status 2\n',
  };
}

export function javaStack(ctx: CrashContext): CrashLog {
  const { rng, product: p } = ctx;
  const at = (fn: string): string =>
    `\tat ${fn}(${fn.split('.').slice(-2, -1)[0] ?? p.display}.java:${rng.range(10, 2000)})`;
  const boiler = [
    'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)',
    'java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:642)',
    'java.base/java.lang.Thread.run(Thread.java:1583)',
  ];
  const spring = [
    'org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)',
    'org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:166)',
    'org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116)',
    'org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1744)',
  ];
  return {
    lang: 'text',
    head: `${Array.from({ length: rng.range(3, 15) }, () => logLine(ctx, 'java')).join('\n')}\n`,
    crash: [
      `Exception in thread "${p.name}-worker-${rng.range(1, 64)}" ${rng.pick(['java.lang.IllegalStateException', 'java.lang.NullPointerException', `com.${p.name}.${p.display}Exception`])}: ${ctx.messages.join(' / ')}`,
      ...ctx.frames.map(at),
      ...rng.sample(ctx.otherFrames, 4).map(at),
      ...boiler.map((b) => `\tat ${b}`),
      '',
    ].join('\n'),
    more: () => {
      if (rng.chance(0.5)) return `${Array.from({ length: 8 }, () => logLine(ctx, 'java')).join('\n')}\n`;
      return `Caused by: java.io.IOException: ${rng.pick(['Broken pipe', 'Connection reset by peer', 'Stream closed'])}\n${[...rng.sample(ctx.otherFrames, 3).map(at), ...rng.sample(spring, 3).map((s) => `\tat ${s}`)].join('\n')}\n\t... ${rng.range(5, 90)} more\n`;
    },
    tail: '',
  };
}

export function jsStack(ctx: CrashContext): CrashLog {
  const { rng, product: p } = ctx;
  const at = (fn: string): string =>
    `    at ${fn} (/app/node_modules/${p.name}/lib/${rng.pick(p.files)}:${rng.range(1, 900)}:${rng.range(1, 80)})`;
  return {
    lang: 'text',
    head: `${Array.from({ length: rng.range(2, 10) }, () => logLine(ctx, 'js')).join('\n')}\n`,
    crash: [
      `${rng.pick(['Error', 'TypeError', 'RangeError'])}: ${ctx.messages.join(' / ')}`,
      ...ctx.frames.map(at),
      ...rng.sample(ctx.otherFrames, 3).map(at),
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at async Promise.all (index 0)',
      `Node.js v${rng.pick(['18.20.4', '20.18.0', '22.11.0'])}`,
      '',
    ].join('\n'),
    more: () => {
      if (rng.chance(0.4)) return `${Array.from({ length: 10 }, () => logLine(ctx, 'js')).join('\n')}\n`;
      return `${Array.from({ length: 8 }, (_, k) => `npm ERR! ${k === 0 ? `code ${rng.pick(['ELIFECYCLE', 'E404', 'ERESOLVE'])}` : `${rng.pick(['errno', 'path', 'command failed', 'signal'])} ${rng.pick(['1', `/app/node_modules/${p.name}`, 'SIGABRT'])}`}`).join('\n')}\nnpm ERR! A complete log of this run can be found in: /root/.npm/_logs/${timestamp(rng).replace(/\D/g, '')}-debug-0.log\n`;
    },
    tail: '',
  };
}
