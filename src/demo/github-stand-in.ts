// A local stand-in for the part of GitHub's REST API that crash-triage calls, on `node:http`: the one fake
// GitHub of the demo, the tests and the benchmark. It keeps repositories, issues, comments, labels, files
// and roles in memory (stand-in-state.ts), answers like GitHub (routes-*.ts: ETags and 304s, pagination
// with `Link`, rate-limit headers), injects faults per route (stand-in-faults.ts), and records every
// request it answers with its status, authorization header and body.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readMarker } from '../render/comment-marker.js';
import { issueRoutes } from './routes-issues.js';
import { repositoryRoutes } from './routes-repository.js';
import {
  createFaults,
  createRateLimit,
  RATE_LIMITED,
  rateLimitHeaders,
  spend,
  type Fault,
} from './stand-in-faults.js';
import { conditional, json, notFound, type Reply, type RouteRequest } from './stand-in-reply.js';
import {
  baseOf,
  createStandInState,
  type CommentSeed,
  type IssueSeed,
  type StandInState,
  type StoredComment,
  type StoredIssue,
} from './stand-in-state.js';

export type { Fault } from './stand-in-faults.js';
export type { CommentSeed, IssueSeed, StoredComment, StoredIssue } from './stand-in-state.js';

export interface RecordedRequest {
  method: string;
  /** Decoded path and query, e.g. `/repos/acme/app/issues?state=all&page=2`. */
  path: string;
  /** `error`: a fault closed the connection without an answer. */
  status: number | 'error';
  /** Milliseconds since the stand-in started, when the answer was sent. */
  at: number;
  authorization: string;
  /** The JSON body sent (or its text when it is not JSON). */
  body?: unknown;
  /** The fault that answered it, if any. */
  fault?: Fault;
}

export interface StandInOptions {
  /** Added before each answer, to imitate GitHub's latency. */
  latencyMs?: number;
  /** The app's bot login (who its comments are from). */
  botLogin?: string;
  /** The installation token handed out (default: a new one per exchange). */
  installationToken?: string;
}

export interface GitHubStandIn {
  /** Pass as Probot's `baseUrl` (GitHub Enterprise Server's `/api/v3` prefix is accepted too). */
  url: string;
  /** Every request answered, in order. */
  requests: RecordedRequest[];
  /** The memory behind the API, to set up or inspect anything the helpers below do not cover. */
  state: StandInState;
  /** Makes `owner/repo` exist (for `GET /repos/{owner}/{repo}`) even while it holds nothing. */
  addRepo(repo: string, options?: { private?: boolean }): void;
  /** Puts a file on the default branch of `owner/repo`. */
  setFile(repo: string, path: string, text: string): void;
  /** Gives `login` a role on `owner/repo`; a custom role names its base permission. */
  setPermission(repo: string, login: string, role: string, base?: string): void;
  /** A new issue (or pull request), numbered after the last; returns its number. */
  addIssue(repo: string, seed: IssueSeed): number;
  /** `count` new issues, `make(i)` for i = 0…count-1; returns their numbers. */
  addIssues(repo: string, count: number, make: (i: number) => IssueSeed): number[];
  addComment(repo: string, issue: number, seed: CommentSeed): StoredComment;
  /** The issue (created on first use), to lock it, delete it or look in. */
  issue(repo: string, issue: number): StoredIssue;
  comments(repo: string, issue: number): StoredComment[];
  /** The app's comments: a bot's comments that carry its hidden marker. */
  appComments(repo: string, issue: number): StoredComment[];
  issueLabels(repo: string, issue: number): string[];
  /** Requests that change something (the token exchange aside). */
  writes(): RecordedRequest[];
  inject(fault: Fault): Fault;
  /** Every request whose path matches answers 403 "Resource not accessible by integration". */
  forbid(path: RegExp): void;
  /** Sets the primary rate limit's budget; from then on a spent budget is answered with 403. */
  setRateLimit(params: { remaining: number; limit?: number; resetInSeconds?: number }): void;
  /** Requests whose path matches are never answered (a hanging API) until `hang(null)`. */
  hang(path: RegExp | null): void;
  close(): Promise<void>;
}

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const state = createStandInState(options.botLogin ?? 'crash-triage[bot]');
  const token = (): string => options.installationToken ?? `ghs_standin_${state.nextId()}`;
  const routes = [...repositoryRoutes(state, token), ...issueRoutes(state)];
  const faults = createFaults();
  const rate = createRateLimit();
  const requests: RecordedRequest[] = [];
  const started = Date.now();

  const answer = (method: string, req: RouteRequest): Reply => {
    const route = routes.find(([m, re]) => m === method && re.test(req.path));
    const reply = route ? route[2](route[1].exec(req.path)!.slice(1), req) : notFound();
    // GitHub gives every successful read an ETag (a 404 has none).
    return method === 'GET' && reply.status === 200 && !reply.etag ? conditional(req, reply) : reply;
  };

  let hanging: RegExp | null = null;
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    if (hanging?.test(req.url ?? '')) return void held.push(res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const method = req.method ?? 'GET';
      const ghes = url.pathname.startsWith('/api/v3/');
      const path = decodeURIComponent(url.pathname).replace(/^\/api\/v3/, '');
      const body = parseBody(Buffer.concat(chunks).toString('utf8'));
      const routeRequest: RouteRequest = {
        headers: req.headers,
        body,
        query: url.searchParams,
        path,
        origin: `http://${req.headers.host ?? '127.0.0.1'}${ghes ? '/api/v3' : ''}`,
      };
      const record: RecordedRequest = {
        method,
        path: `${path}${url.search}`,
        status: 0,
        at: 0,
        authorization: String(req.headers.authorization ?? ''),
        ...(body !== undefined ? { body } : {}),
      };
      const fault = faults.take(method, path);
      if (fault) record.fault = fault;

      const send = (): void => {
        record.at = Date.now() - started;
        if (fault?.commit) answer(method, routeRequest);
        if (fault?.error) {
          record.status = 'error';
          requests.push(record);
          return void req.socket.destroy();
        }
        const reply = fault
          ? faultReply(fault)
          : limited()
            ? json(403, RATE_LIMITED)
            : answer(method, routeRequest);
        spend(rate, reply.status);
        record.status = reply.status;
        requests.push(record);
        write(res, reply, rateLimitHeaders(rate));
      };
      const delay = (options.latencyMs ?? 0) + (fault?.delayMs ?? 0);
      if (delay > 0) setTimeout(send, delay);
      else send();
    });
  });
  const limited = (): boolean => rate.enforced && rate.used >= rate.limit;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issueOf = (repo: string, n: number) => state.issue(state.repo(repo), n);

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state,
    addRepo(repo, { private: isPrivate = false } = {}) {
      Object.assign(state.repo(repo), { declared: true, private: isPrivate });
    },
    setFile: (repo, path, text) => void state.repo(repo).files.set(path, text),
    setPermission: (repo, login, role, base = baseOf(role)) =>
      void state.repo(repo).permissions.set(login.toLowerCase(), { role, base }),
    addIssue: (repo, seed) => state.addIssue(state.repo(repo), seed).number,
    addIssues: (repo, count, make) =>
      Array.from({ length: count }, (_, i) => state.addIssue(state.repo(repo), make(i)).number),
    addComment: (repo, n, seed) => state.addComment(issueOf(repo, n), seed),
    issue: issueOf,
    comments: (repo, n) => issueOf(repo, n).comments,
    appComments: (repo, n) =>
      issueOf(repo, n).comments.filter((c) => c.user.type === 'Bot' && readMarker(c.body)),
    issueLabels: (repo, n) => issueOf(repo, n).labels,
    writes: () => requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/access_tokens')),
    inject: (fault) => faults.inject(fault),
    forbid(path) {
      for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
        const body = { message: 'Resource not accessible by integration' };
        faults.inject({ method, path, status: 403, body, times: Infinity });
      }
    },
    setRateLimit({ remaining, limit = 5000, resetInSeconds = 3600 }) {
      Object.assign(rate, {
        limit,
        used: limit - remaining,
        reset: Math.floor(Date.now() / 1000) + resetInSeconds,
        enforced: true,
      });
    },
    hang(path) {
      hanging = path;
      if (!path) for (const res of held.splice(0)) res.destroy();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of held.splice(0)) res.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function faultReply(fault: Fault): Reply {
  const reply = json(fault.status ?? 500, fault.body ?? { message: 'Server Error' });
  return fault.headers ? { ...reply, headers: fault.headers } : reply;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function write(res: ServerResponse, reply: Reply, rateHeaders: Record<string, string>): void {
  const headers: Record<string, string> = {
    'content-type': reply.type,
    ...rateHeaders,
    ...reply.headers,
  };
  if (reply.etag) headers.etag = reply.etag;
  res.writeHead(reply.status, headers).end(reply.status === 304 ? undefined : reply.body);
}
