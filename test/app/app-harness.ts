// Runs the real app for the tests: Probot with a generated key, served by its node middleware on a local
// port, webhooks signed like GitHub signs them. Only GitHub's API is faked, at the HTTP level, by nock.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { sendWebhook } from '../support/send-webhook.js';
import { createNodeMiddleware, Probot, ProbotOctokit, type Logger } from 'probot';
import type { AppSettings } from '../../src/config/app-settings.js';
import { createApp } from '../../src/index.js';
import { createInProcessQueue } from '../../src/queue/in-process-queue.js';
import type { TriageJob } from '../../src/handlers/triage-job.js';

export const API = 'https://api.github.com';
export const SECRET = 'test-webhook-secret';
export const INSTALLATION = 4242;

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

export interface LogRecord {
  level: string;
  msg: string;
  data: Record<string, unknown>;
}

/** A pino-shaped logger that keeps what it is given, so tests can read the app's decisions. */
function captureLogger(records: LogRecord[], bindings: Record<string, unknown> = {}): Logger {
  const write =
    (level: string) =>
    (a?: unknown, b?: unknown): void => {
      const data = typeof a === 'object' && a !== null ? (a as Record<string, unknown>) : {};
      const msg = typeof a === 'string' ? a : typeof b === 'string' ? b : a instanceof Error ? a.message : '';
      records.push({ level, msg, data: { ...bindings, ...data } });
    };
  const log = {
    level: 'trace',
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    fatal: write('fatal'),
    silent: () => {},
    child: (more: Record<string, unknown>) => captureLogger(records, { ...bindings, ...more }),
  };
  return log as unknown as Logger;
}

export interface RunningApp {
  /** Sends a signed webhook; resolves with the HTTP status of the app's answer. */
  send(event: string, payload: object, options?: { id?: string; secret?: string }): Promise<number>;
  /** Waits until every queued triage job has run. */
  idle(): Promise<void>;
  logs: LogRecord[];
  /** Requests to GitHub that no mock expected (each also fails its job). */
  unmatched: string[];
  close(): Promise<void>;
}

let deliveries = 0;

export async function startApp(
  options: { now?: () => number; settings?: Partial<AppSettings> } = {},
): Promise<RunningApp> {
  const logs: LogRecord[] = [];
  const probot = new Probot({
    appId: 12345,
    privateKey,
    secret: SECRET,
    log: captureLogger(logs),
    // Tests only: no retries and no throttling delays (production keeps Probot's defaults). A function,
    // because Probot sets its own `throttle` options over plain defaults (they would switch it back on).
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options.throttle as object), enabled: false },
    })),
  });
  const queue = createInProcessQueue<TriageJob>();
  const middleware = await createNodeMiddleware(
    createApp({
      queue,
      // As `npm start` passes it: the app's comments are those GitHub lists as performed by this app.
      appId: 12345,
      ...(options.now ? { now: options.now } : {}),
      ...(options.settings ? { settings: options.settings } : {}),
    }),
    {
      probot,
    },
  );
  const server: Server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string; href?: string }): void => {
    if (!String(req.href ?? req.path).includes('127.0.0.1'))
      unmatched.push(`${req.method} ${req.href ?? req.path}`);
  };
  nock.emitter.on('no match', onNoMatch);

  return {
    logs,
    unmatched,
    send(event, payload, { id = `delivery-${++deliveries}`, secret = SECRET } = {}) {
      return sendWebhook({ url: `http://127.0.0.1:${port}/api/github/webhooks`, secret, event, payload, id });
    },
    idle: () => queue.onIdle(),
    close: () => {
      nock.emitter.removeListener('no match', onNoMatch);
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** After each test: the app logged no error, asked GitHub nothing unexpected, and left no mock unused. */
export async function checkAndClose(app: RunningApp | undefined): Promise<void> {
  if (!app) return;
  await app.idle();
  await app.close();
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (app.unmatched.length > 0) throw new Error(`unexpected GitHub requests: ${app.unmatched.join(', ')}`);
  const errors = app.logs.filter((l) => l.level === 'error');
  if (errors.length > 0)
    throw new Error(`the app logged errors: ${JSON.stringify(errors.map((e) => e.msg))}`);
  if (pending.length > 0) throw new Error(`expected GitHub requests not made: ${pending.join(', ')}`);
}

/** GitHub's API, faked: every request made is recorded as `METHOD /path?query`, with its JSON body. */
/** Nock for GitHub's API; `githubTime` is the clock GitHub's `Date` header shows (default: this machine's). */
export function mockGitHub(githubTime?: number): { api: nock.Scope; requests: string[]; bodies: unknown[] } {
  const requests: string[] = [];
  const bodies: unknown[] = [];
  const api = nock(API).defaultReplyHeaders({
    date: () => new Date(githubTime ?? Date.now()).toUTCString(),
  });
  api.on('request', (req: { method: string; path: string }, _interceptor: unknown, body: string) => {
    requests.push(`${req.method} ${decodeURIComponent(req.path)}`);
    bodies.push(body ? JSON.parse(body) : undefined);
  });
  return { api, requests, bodies };
}

/** The installation token request every cold start makes. */
export function mockToken(api: nock.Scope): nock.Scope {
  return api.post(`/app/installations/${INSTALLATION}/access_tokens`).reply(201, {
    token: 'ghs_test_token',
    expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    permissions: { issues: 'write', contents: 'read', metadata: 'read' },
    repository_selection: 'selected',
  });
}

/** The body the app sent with `request` (the first such request), as recorded by mockGitHub. */
export function sentBody<T = { body: string }>(
  mock: { requests: string[]; bodies: unknown[] },
  request: string,
): T {
  const i = mock.requests.indexOf(request);
  if (i === -1) throw new Error(`no ${request} was sent`);
  return mock.bodies[i] as T;
}
