// The app as an operator runs it (`npm start`), in a child process: the server entry (from the sources,
// through tsx) with a generated private key, signed webhooks over HTTP, its JSON log read line by line,
// and SIGTERM or SIGKILL to stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { sendWebhook } from '../../support/send-webhook.js';

export const SECRET = 'process-webhook-secret';
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const ENTRY = new URL('../../../src/server/main.ts', import.meta.url).pathname;

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  logs: LogLine[];
  stderr: string[];
  send(event: string, payload: object, id?: string): Promise<number>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

let deliveries = 0;

export function baseEnv(apiUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    APP_ID: '4242000',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: SECRET,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    GITHUB_API_URL: apiUrl,
    CRASH_TRIAGE_THREADS: '0',
    ...extra,
  };
}

/** Starts the server; resolves once it listens, or rejects with what it printed if it exits first. */
export function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const stderr: string[] = [];
  // 'close', not 'exit': it comes after the child's stdout has been read to the end, so every log line is in.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        let parsed: LogLine;
        try {
          parsed = JSON.parse(line) as LogLine;
        } catch {
          continue;
        }
        logs.push(parsed);
        if (parsed.msg === 'crash-triage listening')
          resolve(running(`http://127.0.0.1:${String(parsed.port)}`));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
    void exited.then((code) =>
      reject(new Error(`app exited (${code}) before listening: ${stderr.join('')}`)),
    );
  });

  function running(url: string): AppProcess {
    return {
      url,
      child,
      logs,
      stderr,
      exited,
      send(event, payload, id = `delivery-${process.pid}-${++deliveries}`) {
        return sendWebhook({ url: `${url}/api/github/webhooks`, secret: SECRET, event, payload, id });
      },
      stop(signal = 'SIGTERM') {
        if (child.exitCode === null) child.kill(signal);
        return exited;
      },
    };
  }
}

/** Waits until `check` holds, polling; false when `ms` passed first. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}
