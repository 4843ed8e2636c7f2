// A local stand-in for the part of GitHub's REST API the app calls, on `node:http`: enough to run the real
// app end to end without GitHub (the demo) and to count its requests and time its deliveries (the
// benchmark). It keeps issues, comments, labels and files in memory (stand-in-state.ts), answers the
// app's endpoints (stand-in-routes.ts) like GitHub, 304s included, and records every request it is sent.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notFound, standInRoutes, type Reply } from './stand-in-routes.js';
import { createStandInState, type StandInState, type StoredComment } from './stand-in-state.js';

export type { StoredComment } from './stand-in-state.js';

export interface RecordedRequest {
  method: string;
  /** Decoded path and query, e.g. `/repos/acme/app/contents/.github/crash-triage.yml`. */
  path: string;
  status: number;
  /** Milliseconds since the stand-in started, when the answer was sent. */
  at: number;
}

export interface StandInOptions {
  /** Added before each answer, to imitate GitHub's latency. */
  latencyMs?: number;
  /** The app's bot login (who its comments are from). */
  botLogin?: string;
}

export interface GitHubStandIn {
  /** Pass as Probot's `baseUrl`. */
  url: string;
  /** Every request answered, in order. */
  requests: RecordedRequest[];
  /** The memory behind the API, to set up or inspect anything the helpers below do not cover. */
  state: StandInState;
  /** Puts a file on the default branch of `owner/repo`. */
  setFile(repo: string, path: string, text: string): void;
  /** Gives `login` a role on `owner/repo` (`admin`, `maintain`, `write`, `triage`, `read`). */
  setPermission(repo: string, login: string, role: string): void;
  comments(repo: string, issue: number): StoredComment[];
  issueLabels(repo: string, issue: number): string[];
  /** Requests whose path matches are never answered (a hanging API) until `hang(null)`. */
  hang(path: RegExp | null): void;
  close(): Promise<void>;
}

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const state = createStandInState(options.botLogin ?? 'crash-triage[bot]');
  const routes = standInRoutes(state);
  const requests: RecordedRequest[] = [];
  const started = Date.now();

  let hanging: RegExp | null = null;
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    if (hanging?.test(req.url ?? '')) return void held.push(res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      // GitHub Enterprise Server puts the API under /api/v3.
      const path = decodeURIComponent(url.pathname).replace(/^\/api\/v3/, '');
      const text = Buffer.concat(chunks).toString('utf8');
      const route = routes.find(([method, re]) => method === req.method && re.test(path));
      const reply = route
        ? route[2](route[1].exec(path)!.slice(1), req, text ? JSON.parse(text) : undefined)
        : notFound();
      const send = (): void => {
        requests.push({
          method: req.method ?? 'GET',
          path: `${path}${url.search}`,
          status: reply.status,
          at: Date.now() - started,
        });
        write(res, reply);
      };
      if (options.latencyMs) setTimeout(send, options.latencyMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state,
    setFile: (repo, path, text) => void state.repo(repo).files.set(path, text),
    setPermission: (repo, login, role) => void state.repo(repo).permissions.set(login.toLowerCase(), role),
    comments: (repo, issue) => state.issue(state.repo(repo), issue).comments,
    issueLabels: (repo, issue) => state.issue(state.repo(repo), issue).labels,
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

function write(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'content-type': reply.type, 'x-ratelimit-remaining': '4999' };
  if (reply.etag) headers.etag = reply.etag;
  res.writeHead(reply.status, headers).end(reply.status === 304 ? undefined : reply.body);
}
