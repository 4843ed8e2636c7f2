// The permission each GitHub API route the app uses needs (as GitHub's docs list them for GitHub Apps),
// checked against the permissions app.yml asks for: the app must need nothing it does not ask for.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Level = 'read' | 'write';

const APP_YML = parse(readFileSync(new URL('../../../app.yml', import.meta.url), 'utf8')) as {
  default_permissions: Record<string, Level>;
};

const REPO = '/repos/[^/]+/[^/]+';
// method, path, route name, permission, level. Token exchange is authenticated as the app itself.
const ROUTES: [string, RegExp, string, string | null, Level][] = [
  [
    'POST',
    /^\/app\/installations\/\d+\/access_tokens$/,
    'POST /app/installations/{id}/access_tokens',
    null,
    'write',
  ],
  ['GET', new RegExp(`^${REPO}/contents/`), 'GET /repos/{o}/{r}/contents/{path}', 'contents', 'read'],
  ['GET', new RegExp(`^${REPO}/git/blobs/`), 'GET /repos/{o}/{r}/git/blobs/{sha}', 'contents', 'read'],
  [
    'GET',
    new RegExp(`^${REPO}/collaborators/[^/]+/permission$`),
    'GET /repos/{o}/{r}/collaborators/{u}/permission',
    'metadata',
    'read',
  ],
  [
    'GET',
    new RegExp(`^${REPO}/issues/\\d+/comments$`),
    'GET /repos/{o}/{r}/issues/{n}/comments',
    'issues',
    'read',
  ],
  [
    'POST',
    new RegExp(`^${REPO}/issues/\\d+/comments$`),
    'POST /repos/{o}/{r}/issues/{n}/comments',
    'issues',
    'write',
  ],
  [
    'PATCH',
    new RegExp(`^${REPO}/issues/comments/\\d+$`),
    'PATCH /repos/{o}/{r}/issues/comments/{id}',
    'issues',
    'write',
  ],
  [
    'POST',
    new RegExp(`^${REPO}/issues/comments/\\d+/reactions$`),
    'POST /repos/{o}/{r}/issues/comments/{id}/reactions',
    'issues',
    'write',
  ],
  ['GET', new RegExp(`^${REPO}/labels$`), 'GET /repos/{o}/{r}/labels', 'issues', 'read'],
  ['POST', new RegExp(`^${REPO}/labels$`), 'POST /repos/{o}/{r}/labels', 'issues', 'write'],
  [
    'GET',
    new RegExp(`^${REPO}/issues/\\d+/labels$`),
    'GET /repos/{o}/{r}/issues/{n}/labels',
    'issues',
    'read',
  ],
  [
    'POST',
    new RegExp(`^${REPO}/issues/\\d+/labels$`),
    'POST /repos/{o}/{r}/issues/{n}/labels',
    'issues',
    'write',
  ],
  [
    'DELETE',
    new RegExp(`^${REPO}/issues/\\d+/labels/.+$`),
    'DELETE /repos/{o}/{r}/issues/{n}/labels/{name}',
    'issues',
    'write',
  ],
];

/** The route a request belongs to, and whether app.yml grants what it needs. */
export function routePermission(method: string, path: string): { key: string; granted: boolean } {
  const route = ROUTES.find(([m, re]) => m === method && re.test(path));
  if (!route) return { key: `${method} ${path} (unknown route)`, granted: false };
  const [, , key, permission, level] = route;
  if (permission === null) return { key, granted: true };
  const has = APP_YML.default_permissions[permission];
  return { key, granted: has === 'write' || has === level };
}
