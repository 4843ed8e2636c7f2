// The stand-in's routes for an installation and a repository as a whole: the installation token, the
// repository itself, its files (contents API with ETags, git blobs), its labels and collaborators' roles.
import { conditional, json, notFound, type Reply, type Route, type RouteRequest } from './stand-in-reply.js';
import { blobSha, repoExists, type StandInState } from './stand-in-state.js';

export const REPO = '([^/]+/[^/]+)';

export function repositoryRoutes(state: StandInState, token: () => string): Route[] {
  const repo = (name: string | undefined) => state.repo(name!);
  return [
    [
      'POST',
      /^\/app\/installations\/(\d+)\/access_tokens$/,
      () =>
        json(201, {
          token: token(),
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          permissions: { issues: 'write', contents: 'read', metadata: 'read' },
          repository_selection: 'selected',
        }),
    ],
    [
      'GET',
      new RegExp(`^/repos/${REPO}$`),
      ([r], req) => {
        const found = state.findRepo(r!);
        if (!repoExists(found)) return notFound();
        const [owner, name] = r!.split('/') as [string, string];
        return json(200, {
          id: found.id,
          name,
          full_name: r,
          private: found.private,
          owner: { login: owner, type: 'Organization' },
          html_url: `${req.origin}/${r}`,
          default_branch: 'main',
          has_issues: true,
          open_issues_count: [...found.issues.values()].filter((i) => i.state === 'open').length,
        });
      },
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
    ['GET', new RegExp(`^/repos/${REPO}/labels$`), ([r]) => json(200, [...repo(r).labels.values()])],
    [
      'POST',
      new RegExp(`^/repos/${REPO}/labels$`),
      ([r], req) => {
        const label = req.body as { name: string; color?: string; description?: string };
        const labels = repo(r).labels;
        if (labels.has(label.name.toLowerCase())) {
          return json(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
          });
        }
        const stored = {
          name: label.name,
          color: label.color ?? 'ededed',
          description: label.description ?? '',
        };
        labels.set(label.name.toLowerCase(), stored);
        return json(201, stored);
      },
    ],
    [
      'GET',
      new RegExp(`^/repos/${REPO}/collaborators/([^/]+)/permission$`),
      ([r, login]) => {
        const role = repo(r).permissions.get(login!.toLowerCase());
        if (!role) return notFound();
        return json(200, { permission: role.base, role_name: role.role, user: { login } });
      },
    ],
  ];
}

/** A file (raw or JSON, as asked), or a folder listing of the files directly in it. */
function contents(files: Map<string, string>, path: string, req: RouteRequest): Reply {
  const file = files.get(path);
  if (file !== undefined) {
    if (String(req.headers.accept ?? '').includes('raw')) {
      return conditional(req, { status: 200, body: file, type: 'text/plain; charset=utf-8' });
    }
    const content = Buffer.from(file).toString('base64');
    return conditional(
      req,
      json(200, {
        type: 'file',
        name: path.split('/').pop(),
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
