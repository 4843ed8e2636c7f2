// The GitHub API requests the app makes, by name, and nock replies for the common ones. Requests are
// recorded decoded (`/contents/.github/crash-triage.yml`); nock matches them as sent (encoded).
import { readFileSync } from 'node:fs';
import type nock from 'nock';
import { FULL_NAME, OWNER } from '../fixtures/app/payloads.js';
import { INSTALLATION } from './app-harness.js';

const R = `/repos/${FULL_NAME}`;
const enc = (s: string): string => encodeURIComponent(s);

/** The requests, as the recorder writes them. */
export const REQ = {
  token: `POST /app/installations/${INSTALLATION}/access_tokens`,
  config: `GET ${R}/contents/.github/crash-triage.yml`,
  orgConfig: `GET /repos/${OWNER}/.github/contents/.github/crash-triage.yml`,
  dir: `GET ${R}/contents/.github/crash-signatures`,
  orgDir: `GET /repos/${OWNER}/.github/contents/.github/crash-signatures`,
  blob: (sha: string) => `GET ${R}/git/blobs/${sha}`,
  comments: (issue: number) => `GET ${R}/issues/${issue}/comments?per_page=100`,
  createComment: (issue: number) => `POST ${R}/issues/${issue}/comments`,
  updateComment: (id: number) => `PATCH ${R}/issues/comments/${id}`,
  labels: `GET ${R}/labels?per_page=100`,
  createLabel: `POST ${R}/labels`,
  addLabels: (issue: number) => `POST ${R}/issues/${issue}/labels`,
  issueLabels: (issue: number) => `GET ${R}/issues/${issue}/labels?per_page=100`,
  removeLabel: (issue: number, name: string) => `DELETE ${R}/issues/${issue}/labels/${name}`,
  permission: (user: string) => `GET ${R}/collaborators/${user}/permission`,
  react: (comment: number) => `POST ${R}/issues/comments/${comment}/reactions`,
};

/** Nock paths (encoded as Octokit sends them). */
export const PATH = {
  config: `${R}/contents/${enc('.github/crash-triage.yml')}`,
  orgConfig: `/repos/${OWNER}/.github/contents/${enc('.github/crash-triage.yml')}`,
  dir: `${R}/contents/${enc('.github/crash-signatures')}`,
  orgDir: `/repos/${OWNER}/.github/contents/${enc('.github/crash-signatures')}`,
  blob: (sha: string) => `${R}/git/blobs/${sha}`,
  comments: (issue: number) => `${R}/issues/${issue}/comments?per_page=100`,
  createComment: (issue: number) => `${R}/issues/${issue}/comments`,
  updateComment: (id: number) => `${R}/issues/comments/${id}`,
  labels: `${R}/labels?per_page=100`,
  createLabel: `${R}/labels`,
  addLabels: (issue: number) => `${R}/issues/${issue}/labels`,
  issueLabels: (issue: number) => `${R}/issues/${issue}/labels?per_page=100`,
  removeLabel: (issue: number, name: string) => `${R}/issues/${issue}/labels/${enc(name)}`,
  permission: (user: string) => `${R}/collaborators/${user}/permission`,
  react: (comment: number) => `${R}/issues/comments/${comment}/reactions`,
};

export const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };

/** A repository with no settings file (nor an organization one) and no incident folder. */
export function noRepoFiles(api: nock.Scope): void {
  api.get(PATH.config).reply(404, NOT_FOUND);
  api.get(PATH.orgConfig).reply(404, NOT_FOUND);
  api.get(PATH.orgDir).reply(404, NOT_FOUND);
  api.get(PATH.dir).reply(404, NOT_FOUND);
}

/** The settings file, served raw with an ETag as GitHub does. */
export function settingsFile(api: nock.Scope, yaml: string, etag = '"settings-1"'): void {
  api.get(PATH.config).reply(200, yaml, { 'content-type': 'text/plain; charset=utf-8', etag });
}

export interface FixtureFile {
  name: string;
  sha: string;
  text: string;
  /** The blob's bytes when they are not `text` in UTF-8 (a file saved in another encoding). */
  bytes?: Buffer;
}

export function fixtureIncident(name: string, sha: string): FixtureFile {
  return {
    name,
    sha,
    text: readFileSync(new URL(`../fixtures/app/incidents/${name}`, import.meta.url), 'utf8'),
  };
}

/** The incident folder listing (with an ETag) and, for `blobs`, each file's blob. */
export function incidentFolder(
  api: nock.Scope,
  files: FixtureFile[],
  { etag = '"folder-1"', blobs = files } = {},
): void {
  const listing = files.map((f) => ({
    type: 'file',
    name: f.name,
    path: `.github/crash-signatures/${f.name}`,
    sha: f.sha,
    size: f.bytes?.length ?? Buffer.byteLength(f.text),
  }));
  noOrgCatalog(api);
  api.get(PATH.dir).reply(200, listing, { etag });
  for (const f of blobs) {
    api.get(PATH.blob(f.sha)).reply(200, {
      sha: f.sha,
      encoding: 'base64',
      content: (f.bytes ?? Buffer.from(f.text)).toString('base64'),
    });
  }
}

/** No organization `.github` repository (the default shared catalog): optional, as a warm app remembers the 404. */
export function noOrgCatalog(api: nock.Scope): void {
  api.get(PATH.orgDir).optionally().reply(404, NOT_FOUND);
}

/** The app's comment as GitHub lists it. */
export function botComment(id: number, body: string) {
  return {
    id,
    body,
    user: { login: 'crash-triage[bot]', id: 999, type: 'Bot' },
    performed_via_github_app: { id: 12345 },
  };
}

export function permission(api: nock.Scope, user: string, role: string, base = role): void {
  api.get(PATH.permission(user)).reply(200, { permission: base, role_name: role, user: { login: user } });
}

export function report(name: string): string {
  return readFileSync(new URL(`../fixtures/app/reports/${name}`, import.meta.url), 'utf8');
}
