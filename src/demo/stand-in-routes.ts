// The endpoints the GitHub stand-in answers: exactly the ones the app calls, each a method, a path
// pattern and a handler over the stand-in's memory. Contents reads carry ETags and answer 304 when the
// client already has the version, as GitHub does.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { blobSha, type StandInState, type StoredComment } from './stand-in-state.js';

export interface Reply {
  status: number;
  body: string;
  type: string;
  etag?: string;
}

export type Route = [
  method: string,
  path: RegExp,
  handle: (m: string[], req: IncomingMessage, body: unknown) => Reply,
];

const REPO = '([^/]+/[^/]+)';

export function standInRoutes(state: StandInState): Route[] {
  const repo = (name: string | undefined) => state.repo(name!);
  return [
    [
      'POST',
      /^\/app\/installations\/(\d+)\/access_tokens$/,
      () =>
        json(201, {
          token: `ghs_standin_${state.nextId()}`,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          permissions: { issues: 'write', contents: 'read', metadata: 'read' },
        }),
    ],
    [
      'GET',
      new RegExp(`^/repos/${REPO}/contents/(.+)$`),
      ([r, path], req) => contents(repo(r).files, path!, req),
    ],
    [
      'GET',
      new RegExp(`^/repos/${REPO}/git/blobs/([0-9a-f]{40})$`),
      ([r, sha]) => {
        const text = [...repo(r).files.values()].find((t) => blobSha(t) === sha);
        if (text === undefined) return notFound();
        return json(200, { sha, encoding: 'base64', content: Buffer.from(text).toString('base64') });
      },
    ],
    [
      'GET',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)/comments$`),
      ([r, n]) => json(200, state.issue(repo(r), Number(n)).comments),
    ],
    [
      'POST',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)/comments$`),
      ([r, n], _req, body) => {
        const comment: StoredComment = {
          id: state.nextId(),
          body: (body as { body: string }).body,
          user: { login: state.bot, type: 'Bot' },
        };
        state.issue(repo(r), Number(n)).comments.push(comment);
        return json(201, comment);
      },
    ],
    [
      'PATCH',
      new RegExp(`^/repos/${REPO}/issues/comments/(\\d+)$`),
      ([r, id], _req, body) => {
        for (const issue of repo(r).issues.values()) {
          const comment = issue.comments.find((c) => c.id === Number(id));
          if (!comment) continue;
          comment.body = (body as { body: string }).body;
          return json(200, comment);
        }
        return notFound();
      },
    ],
    ['GET', new RegExp(`^/repos/${REPO}/labels$`), ([r]) => json(200, [...repo(r).labels.values()])],
    [
      'POST',
      new RegExp(`^/repos/${REPO}/labels$`),
      ([r], _req, body) => {
        const label = body as { name: string; color: string; description: string };
        const labels = repo(r).labels;
        if (labels.has(label.name.toLowerCase())) {
          return json(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Label', code: 'already_exists' }],
          });
        }
        labels.set(label.name.toLowerCase(), label);
        return json(201, label);
      },
    ],
    [
      'POST',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)/labels$`),
      ([r, n], _req, body) => {
        const labelled = repo(r);
        const issue = state.issue(labelled, Number(n));
        for (const name of (body as { labels: string[] }).labels) {
          // Like GitHub: adding a label the repository lacks creates it (grey, no description).
          if (!labelled.labels.has(name.toLowerCase()))
            labelled.labels.set(name.toLowerCase(), { name, color: 'ededed', description: '' });
          if (!issue.labels.includes(name)) issue.labels.push(name);
        }
        return json(
          200,
          issue.labels.map((name) => ({ name })),
        );
      },
    ],
    [
      'GET',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)/labels$`),
      ([r, n]) =>
        json(
          200,
          state.issue(repo(r), Number(n)).labels.map((name) => ({ name })),
        ),
    ],
    [
      'DELETE',
      new RegExp(`^/repos/${REPO}/issues/(\\d+)/labels/(.+)$`),
      ([r, n, name]) => {
        const issue = state.issue(repo(r), Number(n));
        if (!issue.labels.includes(name!)) return json(404, { message: 'Label does not exist' });
        issue.labels = issue.labels.filter((l) => l !== name);
        return json(
          200,
          issue.labels.map((l) => ({ name: l })),
        );
      },
    ],
    [
      'GET',
      new RegExp(`^/repos/${REPO}/collaborators/([^/]+)/permission$`),
      ([r, login]) => {
        const role = repo(r).permissions.get(login!.toLowerCase());
        if (!role) return notFound();
        const base = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
        return json(200, { permission: base, role_name: role, user: { login } });
      },
    ],
    [
      'POST',
      new RegExp(`^/repos/${REPO}/issues/comments/(\\d+)/reactions$`),
      (_m, _req, body) => json(201, { id: state.nextId(), content: (body as { content: string }).content }),
    ],
  ];
}

/** A file (raw or JSON, as asked), or a folder listing of the files directly in it. */
function contents(files: Map<string, string>, path: string, req: IncomingMessage): Reply {
  const file = files.get(path);
  if (file !== undefined) {
    if (req.headers.accept?.includes('raw')) {
      return conditional(req, { status: 200, body: file, type: 'text/plain; charset=utf-8' });
    }
    const content = Buffer.from(file).toString('base64');
    return conditional(
      req,
      json(200, {
        type: 'file',
        path,
        sha: blobSha(file),
        size: Buffer.byteLength(file),
        encoding: 'base64',
        content,
      }),
    );
  }
  const prefix = `${path.replace(/\/+$/, '')}/`;
  const entries = [...files].filter(([p]) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'));
  if (entries.length === 0) return notFound();
  const listing = entries.map(([p, text]) => ({
    type: 'file',
    name: p.slice(prefix.length),
    path: p,
    sha: blobSha(text),
    size: Buffer.byteLength(text),
  }));
  return conditional(req, json(200, listing));
}

export function json(status: number, data: unknown): Reply {
  return { status, body: JSON.stringify(data), type: 'application/json; charset=utf-8' };
}

export function notFound(): Reply {
  return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
}

/** Adds an ETag, and answers 304 with no body when the client already has this version. */
function conditional(req: IncomingMessage, reply: Reply): Reply {
  const etag = `"${createHash('sha1').update(reply.body).digest('hex')}"`;
  if (req.headers['if-none-match'] === etag) return { status: 304, body: '', type: reply.type, etag };
  return { ...reply, etag };
}
