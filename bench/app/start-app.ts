// Starts the GitHub stand-in (in this process, so its clock is the load generator's) and the app server
// (in a child process), and watches every API request the stand-in answers, with a high-resolution time.
import { fork } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  startGitHubStandIn,
  type GitHubStandIn,
  type RecordedRequest,
} from '../../src/demo/github-stand-in.js';
import type { AppServerOptions } from './app-server.js';
import { SECRET, WEBHOOK_PATH } from './payloads.js';

export interface WatchedRequest extends RecordedRequest {
  /** performance.now() when the stand-in answered it. */
  time: number;
}

export interface RunningApp {
  /** The webhook URL. */
  url: string;
  port: number;
  github: GitHubStandIn;
  /** Every request the stand-in answered since start (or since `requests.length = 0`). */
  requests: WatchedRequest[];
  /** Called for each request as it is answered. */
  onRequest: ((r: WatchedRequest) => void) | null;
  /** Warnings and errors the app logged. */
  problems: { level: number; msg: string }[];
  /** CPU time the app process has used so far, and its RSS. */
  usage(): Promise<{ cpuMs: number; rssMB: number }>;
  /** Starts the CPU profiler in the app process, or stops it and writes the profile to `file`. */
  profile(what: 'start' | string): Promise<void>;
  stop(): Promise<void>;
}

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

export async function startApp(): Promise<RunningApp> {
  const github = await startGitHubStandIn();
  const app: RunningApp = {
    url: '',
    port: 0,
    github,
    requests: [],
    onRequest: null,
    problems: [],
    usage: async () => ({ cpuMs: 0, rssMB: 0 }),
    profile: async () => {},
    stop: async () => {},
  };
  // The stand-in records each request as it answers it; this adds the high-resolution time.
  const record = github.requests.push.bind(github.requests);
  github.requests.push = (...items: RecordedRequest[]): number => {
    const time = performance.now();
    for (const item of items) {
      const watched = { ...item, time };
      app.requests.push(watched);
      app.onRequest?.(watched);
    }
    return record(...items);
  };

  const options: AppServerOptions = { baseUrl: github.url, secret: SECRET, privateKey };
  const child = fork(fileURLToPath(new URL('./app-server.ts', import.meta.url)), [], {
    execArgv: process.execArgv,
    env: {
      // The stand-in and the app share this machine's clock: a margin of 2 s for clock skew (the default is
      // 5 minutes) lets the runs measure an app that has been up longer than its margin.
      CRASH_TRIAGE_CLOCK_SKEW_SECONDS: '2',
      ...process.env,
      BENCH_APP_OPTIONS: JSON.stringify(options),
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      if ((entry.level ?? 0) >= 40)
        app.problems.push({ level: entry.level!, msg: entry.msg ?? line.slice(0, 300) });
    } catch {
      app.problems.push({ level: 30, msg: line.slice(0, 300) });
    }
  });
  app.port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`app server exited with ${code}`)));
  });
  app.url = `http://127.0.0.1:${app.port}${WEBHOOK_PATH}`;
  app.usage = () =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve(m as { cpuMs: number; rssMB: number }));
      child.send('cpu');
    });
  app.profile = (what) =>
    new Promise((resolve) => {
      child.once('message', () => resolve());
      child.send({ profile: what });
    });
  app.stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send('stop');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (child.exitCode === null) child.kill();
    await github.close();
  };
  return app;
}
