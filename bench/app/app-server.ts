// The app under test, in its own process so that its one event loop is measured alone: Probot with the
// real app and its default Octokit (throttling ON, as in production), served by Probot's node middleware
// on a local port, against the GitHub stand-in whose URL it is given. Logs are JSON on stdout (info
// level, as `LOG_FORMAT=json` in production), which the parent reads for warnings and errors.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot } from 'probot';
import { createApp } from '../../src/index.js';

export interface AppServerOptions {
  baseUrl: string;
  secret: string;
  privateKey: string;
}

const options = JSON.parse(process.env.BENCH_APP_OPTIONS ?? '{}') as AppServerOptions;
const probot = new Probot({
  appId: 1,
  privateKey: options.privateKey,
  secret: options.secret,
  baseUrl: options.baseUrl,
  logLevel: 'info',
  logFormat: 'json',
});
const middleware = await createNodeMiddleware(createApp(), { probot });
const server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
// With BENCH_APP_CPU_PROF set, the parent profiles each load run: { profile: 'start' | <file to write> }.
const session = new Session();
const profile = async (what: string): Promise<void> => {
  if (what === 'start') {
    session.connect();
    await session.post('Profiler.enable');
    // BENCH_APP_CPU_PROF_INTERVAL: sampling interval in µs (V8's default is 1000).
    const interval = Number(process.env.BENCH_APP_CPU_PROF_INTERVAL);
    if (interval > 0) await session.post('Profiler.setSamplingInterval', { interval });
    await session.post('Profiler.start');
  } else {
    const { profile: result } = await session.post('Profiler.stop');
    writeFileSync(what, JSON.stringify(result));
    session.disconnect();
  }
  process.send?.({ profiled: what });
};

process.on('message', (m) => {
  if (typeof m === 'object' && m !== null && 'profile' in m) void profile(String(m.profile));
  if (m === 'stop') server.close(() => process.exit(0));
  // The parent asks for the CPU time used so far, to report CPU per delivery.
  if (m === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000, rssMB: process.memoryUsage().rss / 1048576 });
  }
});
