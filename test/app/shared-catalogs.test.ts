// The app over real HTTP: shared incident catalogs (`incident_repos`). Shared repositories are read in
// order before the repository's own folder; a broken shared file and an unreachable shared repository
// are problem lines in the `/triage` reply, and the rest of the catalog still matches.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readMarker } from '../../src/render/comment-marker.js';
import { commentCreated } from '../fixtures/app/payloads.js';
import { checkAndClose, mockGitHub, mockToken, sentBody, startApp, type RunningApp } from './app-harness.js';
import {
  fixtureIncident,
  NOT_FOUND,
  PATH,
  permission,
  report,
  REQ,
  settingsFile,
  type FixtureFile,
} from './github-mocks.js';

const ROCKET = { title: 'Telemetry crash in the igniter loop', body: report('rocket-flameout.md') };
const ROCKET_FILE = fixtureIncident('rocket-flameout.yml', 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678');
const BROKEN_FILE = fixtureIncident('broken.yml', 'ffeeddccbbaa99887766554433221100ffeeddcc');
const enc = encodeURIComponent;

/** A shared repository's folder listing and blobs, at `repo`'s API paths. */
function sharedFolder(api: nock.Scope, repo: string, folder: string, files: FixtureFile[]): void {
  api.get(`/repos/${repo}/contents/${enc(folder)}`).reply(
    200,
    files.map((f) => ({
      type: 'file',
      name: f.name,
      path: `${folder}/${f.name}`,
      sha: f.sha,
      size: Buffer.byteLength(f.text),
    })),
  );
  for (const f of files) {
    api.get(`/repos/${repo}/git/blobs/${f.sha}`).reply(200, {
      sha: f.sha,
      encoding: 'base64',
      content: Buffer.from(f.text).toString('base64'),
    });
  }
}

let app: RunningApp;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => checkAndClose(app));
afterAll(() => nock.enableNetConnect());

describe('shared incident catalogs (incident_repos)', () => {
  it('reads them in order, matches a shared incident, and reports a broken file and a missing repository', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    mockToken(api);
    permission(api, 'maintainer', 'write');
    settingsFile(api, 'incident_repos: [acme/shared, acme/gone:ops/incidents, acme/private]\n');
    sharedFolder(api, 'acme/shared', '.github/crash-signatures', [BROKEN_FILE, ROCKET_FILE]);
    api.get(`/repos/acme/gone/contents/${enc('ops/incidents')}`).reply(404, NOT_FOUND);
    api
      .get(`/repos/acme/private/contents/${enc('.github/crash-signatures')}`)
      .reply(403, { message: 'Resource not accessible by integration' });
    api.get(PATH.dir).reply(404, NOT_FOUND);
    api.get(PATH.comments(60)).reply(200, []);
    api.post(PATH.react(960)).reply(201, {});
    api.get(PATH.labels).reply(200, [{ name: 'crash' }, { name: 'area: igniter' }]);
    api.post(PATH.addLabels(60)).reply(200, []);
    api.post(PATH.createComment(60)).reply(201, { id: 760 });

    await app.send('issue_comment', commentCreated({ number: 60, ...ROCKET }, { id: 960, body: '/triage' }));
    await app.idle();
    expect(requests.slice(0, 9)).toEqual([
      REQ.token,
      REQ.permission('maintainer'),
      REQ.config,
      'GET /repos/acme/shared/contents/.github/crash-signatures',
      `GET /repos/acme/shared/git/blobs/${BROKEN_FILE.sha}`,
      `GET /repos/acme/shared/git/blobs/${ROCKET_FILE.sha}`,
      'GET /repos/acme/gone/contents/ops/incidents',
      'GET /repos/acme/private/contents/.github/crash-signatures',
      REQ.dir,
    ]);
    const reply = sentBody({ requests, bodies }, REQ.createComment(60)).body;
    expect(readMarker(reply)).toEqual({ state: 'matched', incident: 'rocket-igniter-flameout' });
    expect(reply).toMatch(/`acme\/shared:\.github\/crash-signatures\/broken\.yml` \| `labels` \|/);
    expect(reply).toMatch(/`acme\/gone:ops\/incidents` \| `incident_repos` \| not found/);
    expect(reply).toMatch(/`acme\/private:\.github\/crash-signatures` \| `incident_repos` \| no access/);
    api.done();
  });

  it('refuses more than five shared repositories (the setting falls back to its default) and says so', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    mockToken(api);
    permission(api, 'maintainer', 'write');
    const six = Array.from({ length: 6 }, (_, i) => `acme/lib${i}`).join(', ');
    settingsFile(api, `incident_repos: [${six}]\n`);
    api.get(PATH.orgDir).reply(404, NOT_FOUND);
    api.get(PATH.dir).reply(404, NOT_FOUND);
    api.get(PATH.comments(61)).reply(200, []);
    api.post(PATH.react(961)).reply(201, {});
    api.post(PATH.createComment(61)).reply(201, { id: 761 });

    await app.send('issue_comment', commentCreated({ number: 61, ...ROCKET }, { id: 961, body: '/triage' }));
    await app.idle();
    expect(requests).toContain(REQ.orgDir);
    const reply = sentBody({ requests, bodies }, REQ.createComment(61)).body;
    expect(reply).toMatch(/`incident_repos` \|.*5/);
    api.done();
  });
});
