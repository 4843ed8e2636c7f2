// A stateful GitHub for the reliability tests: the REST routes the app uses, with repositories, issues,
// comments, labels, files and permissions kept in memory and served through nock at the HTTP layer.
// The scripted mocks of test/app pin exact request sequences; here many deliveries run in any order,
// faults are injected per route, and the tests assert the end state: how many app comments each issue
// has and what they say. Every request is recorded with the status it got.
import { createHash } from 'node:crypto';
import nock from 'nock';
import { API, INSTALLATION } from '../../app/app-harness.js';
import { readMarker } from '../../../src/render/comment-marker.js';
import { routePermission } from './app-permissions.js';
import { INSTALLATION_TOKEN, secretsIn } from './secrets.js';
import { tally } from './tally.js';
/** The app's bot account, as GitHub shows it on the app's comments. */
export const BOT = { login: 'crash-triage[bot]', id: 999, type: 'Bot' as const };

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; id: number; type: 'Bot' | 'User' };
  /** Bodies written by PATCH, oldest first. */
  edits: string[];
}

export interface FakeIssue {
  comments: FakeComment[];
  labels: string[];
  locked: boolean;
  /** `deleted`: 404 on every issue route; `disabled`: issues are turned off in the repository (410). */
  gone: 'deleted' | 'disabled' | null;
  reactions: number;
}

export interface FakeRepo {
  /** `.github/crash-triage.yml`, or undefined for none. */
  config?: string;
  /** Files of `.github/crash-signatures/`, name → text. */
  incidents: Record<string, string>;
  labels: Set<string>;
  /** login → role (`admin`, `write`, `triage`, `read`, a custom role) with its base permission. */
  roles: Record<string, { role: string; base: string }>;
  issues: Map<number, FakeIssue>;
}

/** A reply to inject instead of (or, with `commit`, after) the real one. */
export interface Fault {
  method: string;
  /** Matched against the decoded path without the query. */
  path: RegExp;
  /** How many matching requests fail; then the route works again. Default 1. */
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Fail at the connection level instead (`ECONNRESET`, `ETIMEDOUT`). */
  error?: string;
  /** Wait this long before answering (a slow or timing-out upstream). */
  delayMs?: number;
  /** Apply the request first, then fail: GitHub answered 5xx but had stored the write. */
  commit?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number | 'error';
  /** The fault that answered it, if any. */
  fault?: Fault;
  authorization: string;
  body?: unknown;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };

export class FakeGitHub {
  readonly repos = new Map<string, FakeRepo>();
  readonly requests: RecordedRequest[] = [];
  private readonly faults: (Fault & { left: number })[] = [];
  private nextId = 1000;
  private tokenCount = 0;

  constructor() {
    const handle = this.handle.bind(this);
    const scope = nock(API).persist();
    for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
      scope
        .intercept(() => true, method)
        .reply(async function (this: nock.ReplyFnContext, uri, body) {
          return handle(method, uri, body, this.req.headers);
        });
    }
  }

  /** A repository (created empty on first use); `name` is `owner/repo`. */
  repo(name: string): FakeRepo {
    const key = name.toLowerCase();
    let repo = this.repos.get(key);
    if (!repo) {
      repo = { incidents: {}, labels: new Set(), roles: {}, issues: new Map() };
      this.repos.set(key, repo);
    }
    return repo;
  }

  issue(name: string, number: number): FakeIssue {
    const repo = this.repo(name);
    let issue = repo.issues.get(number);
    if (!issue) {
      issue = { comments: [], labels: [], locked: false, gone: null, reactions: 0 };
      repo.issues.set(number, issue);
    }
    return issue;
  }

  /** The app's comments on an issue (a bot's comment that carries the app's marker). */
  appComments(name: string, number: number): FakeComment[] {
    return this.issue(name, number).comments.filter((c) => c.user.type === 'Bot' && readMarker(c.body));
  }

  inject(fault: Fault): Fault {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
    return fault;
  }

  /** Requests that change something (the token exchange aside). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && !r.path.includes('/access_tokens'));
  }

  /** Every body the app wrote into a comment, created or edited. */
  commentBodies(): string[] {
    return this.requests
      .filter((r) => /\/comments$|\/comments\/\d+$/.test(r.path) && r.method !== 'GET')
      .map((r) => (r.body as { body?: string } | undefined)?.body)
      .filter((b): b is string => typeof b === 'string');
  }

  get tokensIssued(): number {
    return this.tokenCount;
  }

  /**
   * Removes the interceptors (call after each test), and records what the security line reports: every
   * comment body scanned for secrets, every route the app used checked against app.yml's permissions.
   */
  close(): void {
    nock.cleanAll();
    const bodies = this.commentBodies();
    const leaks = bodies.flatMap(secretsIn);
    const routes: Record<string, number> = {};
    for (const r of this.requests) {
      const route = routePermission(r.method, r.path);
      routes[route.granted ? `route:${route.key}` : `outside:${route.key}`] = 1;
    }
    tally('security', { commentBodies: bodies.length, secretsInComments: leaks.length, ...routes });
    if (leaks.length > 0) throw new Error(`secrets in comments: ${leaks.join(', ')}`);
  }

  private async handle(
    method: string,
    uri: string,
    rawBody: unknown,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<[number, unknown, Record<string, string>?]> {
    const url = new URL(uri, API);
    const path = decodeURIComponent(url.pathname);
    const body = typeof rawBody === 'string' && rawBody !== '' ? safeJson(rawBody) : rawBody;
    const authorization = String(headers.authorization ?? '');
    const record: RecordedRequest = { method, path, status: 0, authorization, body };
    this.requests.push(record);

    const fault = this.faults.find((f) => f.left > 0 && f.method === method && f.path.test(path));
    if (fault) {
      fault.left -= 1;
      record.fault = fault;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.commit) this.route(method, path, url.searchParams, body, headers);
      if (fault.error) {
        record.status = 'error';
        throw Object.assign(new Error(`socket ${fault.error}`), { code: fault.error });
      }
      record.status = fault.status ?? 500;
      return [record.status, fault.body ?? { message: 'Server Error' }, fault.headers ?? {}];
    }
    const reply = this.route(method, path, url.searchParams, body, headers);
    record.status = reply.status;
    return [reply.status, reply.body ?? '', reply.headers ?? {}];
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    headers: Record<string, string | string[] | undefined>,
  ): Reply {
    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      if (!path.includes(`/${INSTALLATION}/`)) return { status: 404, body: NOT_FOUND };
      this.tokenCount += 1;
      return {
        status: 201,
        body: {
          token: INSTALLATION_TOKEN,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          permissions: { issues: 'write', contents: 'read', metadata: 'read' },
          repository_selection: 'selected',
        },
      };
    }
    const m = /^\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(path);
    if (!m) return { status: 404, body: NOT_FOUND };
    const name = `${m[1]}/${m[2]}`;
    const rest = m[3]!;
    const repo = this.repo(name);
    let r: RegExpExecArray | null;

    if (method === 'GET' && (r = /^contents\/(.*)$/.exec(rest))) {
      return contents(repo, r[1]!.replace(/\/+$/, ''), String(headers['if-none-match'] ?? ''));
    }
    if (method === 'GET' && (r = /^git\/blobs\/([0-9a-f]+)$/.exec(rest))) {
      const text = Object.values(repo.incidents).find((t) => blobSha(t) === r![1]);
      return text === undefined
        ? { status: 404, body: NOT_FOUND }
        : {
            status: 200,
            body: { sha: r[1], encoding: 'base64', content: Buffer.from(text).toString('base64') },
          };
    }
    if (method === 'GET' && (r = /^collaborators\/([^/]+)\/permission$/.exec(rest))) {
      const role = repo.roles[r[1]!];
      return role
        ? { status: 200, body: { permission: role.base, role_name: role.role, user: { login: r[1] } } }
        : { status: 404, body: NOT_FOUND };
    }
    if (method === 'GET' && rest === 'labels') {
      return { status: 200, body: [...repo.labels].map((l) => ({ name: l })) };
    }
    if (method === 'POST' && rest === 'labels') {
      const label = (body as { name: string }).name;
      if ([...repo.labels].some((l) => l.toLowerCase() === label.toLowerCase())) {
        return {
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
          },
        };
      }
      repo.labels.add(label);
      return { status: 201, body: { name: label } };
    }
    if ((r = /^issues\/comments\/(\d+)(\/reactions)?$/.exec(rest))) {
      const id = Number(r[1]);
      const found = [...repo.issues.values()].find((i) => i.comments.some((c) => c.id === id));
      const comment = found?.comments.find((c) => c.id === id);
      if (!found || !comment) return { status: 404, body: NOT_FOUND };
      if (r[2] && method === 'POST') {
        found.reactions += 1;
        return { status: 201, body: { id: 1, content: (body as { content: string }).content } };
      }
      if (!r[2] && method === 'PATCH') {
        comment.body = (body as { body: string }).body;
        comment.edits.push(comment.body);
        return { status: 200, body: comment };
      }
    }
    if ((r = /^issues\/(\d+)\/(comments|labels)(?:\/(.+))?$/.exec(rest))) {
      const issue = this.issue(name, Number(r[1]));
      if (issue.gone === 'deleted') return { status: 404, body: NOT_FOUND };
      if (issue.gone === 'disabled')
        return { status: 410, body: { message: 'Issues are disabled for this repo' } };
      if (r[2] === 'comments' && method === 'GET') {
        const page = Number(query.get('page') ?? 1);
        const per = Number(query.get('per_page') ?? 30);
        return { status: 200, body: issue.comments.slice((page - 1) * per, page * per) };
      }
      if (r[2] === 'comments' && method === 'POST') {
        if (issue.locked) {
          return { status: 403, body: { message: 'Unable to create comment because issue is locked.' } };
        }
        const comment: FakeComment = {
          id: this.nextId++,
          body: (body as { body: string }).body,
          user: BOT,
          edits: [],
        };
        issue.comments.push(comment);
        return { status: 201, body: comment };
      }
      if (r[2] === 'labels' && method === 'POST' && !r[3]) {
        for (const l of (body as { labels: string[] }).labels) {
          repo.labels.add(l);
          if (!issue.labels.includes(l)) issue.labels.push(l);
        }
        return { status: 200, body: issue.labels.map((l) => ({ name: l })) };
      }
      if (r[2] === 'labels' && method === 'DELETE' && r[3]) {
        const at = issue.labels.indexOf(r[3]);
        if (at < 0) return { status: 404, body: { message: 'Label does not exist' } };
        issue.labels.splice(at, 1);
        return { status: 200, body: issue.labels.map((l) => ({ name: l })) };
      }
    }
    return { status: 404, body: NOT_FOUND };
  }
}

/** A human's comment, for seeding an issue. */
export function humanComment(id: number, body: string, login = 'someone'): FakeComment {
  return { id, body, user: { login, id: 7, type: 'User' }, edits: [] };
}

/** Git's blob sha of a text (what the contents API lists and the blobs API is keyed by). */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const INCIDENT_DIR = '.github/crash-signatures';

function contents(repo: FakeRepo, path: string, ifNoneMatch: string): Reply {
  let body: unknown;
  let raw = false;
  if (path === '.github/crash-triage.yml' && repo.config !== undefined) {
    body = repo.config;
    raw = true;
  } else if (path === INCIDENT_DIR && Object.keys(repo.incidents).length > 0) {
    body = Object.entries(repo.incidents).map(([name, text]) => ({
      type: 'file',
      name,
      path: `${INCIDENT_DIR}/${name}`,
      sha: blobSha(text),
      size: Buffer.byteLength(text),
    }));
  } else return { status: 404, body: NOT_FOUND };
  const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('hex')}"`;
  if (ifNoneMatch === etag) return { status: 304, body: '', headers: { etag } };
  return raw
    ? { status: 200, body, headers: { etag, 'content-type': 'text/plain; charset=utf-8' } }
    : { status: 200, body, headers: { etag } };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
