// The app over real HTTP: per-repository settings and incident files read through the contents API with
// conditional requests; broken settings or incident files are reported to maintainers, never fatal.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderMarker } from '../../src/render/comment-marker.js';
import { commentCreated, issueEdited, issueOpened } from '../fixtures/app/payloads.js';
import {
  checkAndClose,
  mockGitHub,
  mockToken,
  SECRET,
  sentBody,
  startApp,
  type RunningApp,
} from './app-harness.js';
import {
  fixtureIncident,
  type FixtureFile,
  incidentFolder,
  NOT_FOUND,
  noOrgCatalog,
  PATH,
  permission,
  report,
  REQ,
  settingsFile,
} from './github-mocks.js';

const MATCHING = { title: 'Mac reboots when Puma starts its workers', body: report('m4-puma-panic.md') };
const NOT_MATCHING = {
  title: 'Thumbnail worker segfaults on big PNGs',
  body: report('node-sharp-segfault.md'),
};
const ROCKET = { title: 'Telemetry crash in the igniter loop', body: report('rocket-flameout.md') };
const ROCKET_FILE = fixtureIncident('rocket-flameout.yml', 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678');
const BROKEN_FILE = fixtureIncident('broken.yml', 'ffeeddccbbaa99887766554433221100ffeeddcc');

let app: RunningApp;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => checkAndClose(app));
afterAll(() => nock.enableNetConnect());

function body(bodies: unknown[], i: number): string {
  return (bodies[i] as { body: string }).body;
}

describe("a repository's settings and incident files", () => {
  it('matches a repository incident file; warm reads are 304s only', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    mockToken(api);
    settingsFile(api, 'label_prefix: ""\nextra_labels: [triaged]\n');
    incidentFolder(api, [ROCKET_FILE]);
    api.get(PATH.comments(40)).reply(200, []);
    api.post(PATH.createComment(40)).reply(201, { id: 740 });
    api.get(PATH.labels).reply(200, [{ name: 'crash' }]);
    api.post(PATH.createLabel).times(2).reply(201, {});
    api.post(PATH.addLabels(40)).reply(200, []);

    await app.send('issues', issueOpened({ number: 40, ...ROCKET }));
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.config,
      REQ.orgDir,
      REQ.dir,
      REQ.blob(ROCKET_FILE.sha),
      REQ.comments(40),
      REQ.labels,
      REQ.createLabel,
      REQ.createLabel,
      REQ.addLabels(40),
      REQ.createComment(40),
    ]);
    expect(
      sentBody({ requests, bodies }, REQ.createComment(40)).body.startsWith(
        renderMarker({ state: 'matched', incident: 'rocket-igniter-flameout' }),
      ),
    ).toBe(true);
    expect(sentBody({ requests, bodies }, REQ.addLabels(40))).toEqual({
      labels: ['crash', 'area: igniter', 'triaged'],
    });
    api.done();

    // Warm, nothing changed: two conditional requests answered 304 (free), nothing else.
    const warm = mockGitHub();
    warm.api.get(PATH.config).matchHeader('if-none-match', '"settings-1"').reply(304);
    warm.api.get(PATH.dir).matchHeader('if-none-match', '"folder-1"').reply(304);
    await app.send('issues', issueOpened({ number: 41, ...NOT_MATCHING }));
    await app.idle();
    expect(warm.requests).toEqual([REQ.config, REQ.dir]);
    warm.api.done();

    // Warm, one file changed: the folder listing is new, only the changed blob is fetched.
    const changed = mockGitHub();
    changed.api.get(PATH.config).reply(304);
    const edited = {
      ...ROCKET_FILE,
      sha: '0123456789abcdef0123456789abcdef01234567',
      text: ROCKET_FILE.text.replace('weight: 8', 'weight: 9'),
    };
    incidentFolder(changed.api, [edited, BROKEN_FILE], { etag: '"folder-2"', blobs: [edited, BROKEN_FILE] });
    await app.send('issues', issueOpened({ number: 42, ...NOT_MATCHING }));
    await app.idle();
    expect(changed.requests).toEqual([REQ.config, REQ.dir, REQ.blob(BROKEN_FILE.sha), REQ.blob(edited.sha)]);
    changed.api.done();
    expect(app.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('skips an incident file that is not UTF-8 (by file) and matches with the others', async () => {
    // A copy of a good file saved as Latin-1: its "é" is one byte that UTF-8 cannot decode.
    const latin1: FixtureFile = {
      name: 'latin1.yml',
      sha: 'aa00bb11cc22dd33ee44ff5566778899aabbccdd',
      text: '',
      bytes: Buffer.from(
        `${ROCKET_FILE.text.replace('id: rocket-igniter-flameout', 'id: rocket-latin1')}\n# café\n`,
        'latin1',
      ),
    };
    app = await startApp();
    const { api } = mockGitHub();
    mockToken(api);
    settingsFile(api, 'label_prefix: ""\n');
    incidentFolder(api, [latin1, ROCKET_FILE]);
    api.get(PATH.comments(44)).reply(200, []);
    api.post(PATH.createComment(44)).reply(201, { id: 744 });
    api.get(PATH.labels).reply(200, [{ name: 'crash' }, { name: 'area: igniter' }]);
    api.post(PATH.addLabels(44)).reply(200, []);

    await app.send('issues', issueOpened({ number: 44, ...ROCKET }));
    await app.idle();
    api.done();
    const skipped = app.logs
      .filter((l) => l.msg === 'incident file skipped')
      .map((l) => [l.data.file, l.data.field, l.data.message]);
    expect(skipped).toEqual([
      ['acme/rocket:.github/crash-signatures/latin1.yml', '(file)', 'file is not valid UTF-8'],
    ]);
  });

  it('reports a broken settings file and a broken incident file in the /triage reply, and keeps working', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    mockToken(api);
    permission(api, 'maintainer', 'maintain');
    settingsFile(api, 'mode: loud\nmin_confidense: 0.5\non_edit: false\n');
    incidentFolder(api, [BROKEN_FILE, ROCKET_FILE]);
    api.get(PATH.comments(43)).reply(200, []);
    api.post(PATH.react(843)).reply(201, {});
    api.post(PATH.createComment(43)).reply(201, { id: 743 });
    api.get(PATH.labels).reply(200, [{ name: 'crash' }, { name: 'area: igniter' }]);
    api.post(PATH.addLabels(43)).reply(200, []);

    await app.send('issue_comment', commentCreated({ number: 43, ...ROCKET }, { id: 843, body: '/triage' }));
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.permission('maintainer'),
      REQ.config,
      REQ.orgDir,
      REQ.dir,
      REQ.blob(BROKEN_FILE.sha),
      REQ.blob(ROCKET_FILE.sha),
      REQ.comments(43),
      REQ.react(843),
      REQ.labels,
      REQ.addLabels(43),
      REQ.createComment(43),
    ]);
    const reply = sentBody({ requests, bodies }, REQ.createComment(43)).body;
    expect(reply.startsWith(renderMarker({ state: 'matched', incident: 'rocket-igniter-flameout' }))).toBe(
      true,
    );
    expect(reply).toContain('Configuration problems');
    expect(reply).toMatch(/`acme\/rocket:\.github\/crash-triage\.yml` \| `mode` \|/);
    expect(reply).toMatch(
      /`acme\/rocket:\.github\/crash-triage\.yml` \| `min_confidense` \| unknown setting/,
    );
    expect(reply).toMatch(/`acme\/rocket:\.github\/crash-signatures\/broken\.yml` \| `labels` \|/);
    api.done();
    const warnings = app.logs
      .filter((l) => l.level === 'warn')
      .map((l) => [l.msg, l.data.file, l.data.field]);
    expect(warnings).toEqual([
      ['invalid setting ignored', 'acme/rocket:.github/crash-triage.yml', 'mode'],
      ['invalid setting ignored', 'acme/rocket:.github/crash-triage.yml', 'min_confidense'],
      ['incident file skipped', 'acme/rocket:.github/crash-signatures/broken.yml', 'labels'],
    ]);
  });

  it('reports settings that are not valid YAML, and falls back to the defaults', async () => {
    app = await startApp();
    const { api, bodies } = mockGitHub();
    mockToken(api);
    permission(api, 'maintainer', 'admin');
    settingsFile(api, 'mode: [comment\n');
    noOrgCatalog(api);
    api.get(PATH.dir).reply(404, NOT_FOUND);
    api.get(PATH.comments(44)).reply(200, []);
    api.post(PATH.react(844)).reply(201, {});
    api.post(PATH.createComment(44)).reply(201, { id: 744 });

    await app.send(
      'issue_comment',
      commentCreated({ number: 44, ...NOT_MATCHING }, { id: 844, body: '/triage' }),
    );
    await app.idle();
    expect(body(bodies, 7)).toMatch(
      /`acme\/rocket:\.github\/crash-triage\.yml` \| `\(file\)` \| .*invalid YAML/,
    );
    api.done();
  });

  it.each([
    ['over 64 KB', `# ${'x'.repeat(70 * 1024)}\nmode: dry-run\n`, /file is 71 KB, over the 64 KB limit/],
    [
      'thousands of keys',
      Array.from({ length: 3_000 }, (_, i) => `key_${i}: ${i}`).join('\n'),
      /more than 2000 keys and values/,
    ],
  ])(
    'refuses a settings file %s as a whole, says so, and triages with the defaults',
    async (_n, yaml, said) => {
      app = await startApp();
      const { api, bodies } = mockGitHub();
      mockToken(api);
      permission(api, 'maintainer', 'admin');
      settingsFile(api, yaml);
      noOrgCatalog(api);
      api.get(PATH.dir).reply(404, NOT_FOUND);
      api.get(PATH.comments(46)).reply(200, []);
      api.post(PATH.react(846)).reply(201, {});
      api.post(PATH.createComment(46)).reply(201, { id: 746 });

      await app.send(
        'issue_comment',
        commentCreated({ number: 46, ...NOT_MATCHING }, { id: 846, body: '/triage' }),
      );
      await app.idle();
      const reply = body(bodies, 7);
      expect(reply).toMatch(/`acme\/rocket:\.github\/crash-triage\.yml` \| `\(file\)` \|/);
      expect(reply).toMatch(said);
      api.done();
    },
  );

  it.each([
    [
      'dry-run: logs the writes instead of making them',
      'mode: dry-run\n',
      [REQ.comments(45)],
      'dry run: write skipped',
    ],
    [
      'labels-only: labels, no comment',
      'mode: labels-only\n',
      [REQ.comments(45), REQ.labels, REQ.createLabel, REQ.createLabel, REQ.createLabel, REQ.addLabels(45)],
      null,
    ],
    ['enabled: false: nothing at all', 'enabled: false\n', [], 'skipped: disabled in settings'],
    [
      'use_bundled_catalog: false: the bundled incident is not used',
      'use_bundled_catalog: false\n',
      [],
      null,
    ],
  ])('%s', async (_name, yaml, writes, logged) => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    settingsFile(api, yaml);
    noOrgCatalog(api);
    api.get(PATH.dir).optionally().reply(404, NOT_FOUND);
    api.get(PATH.comments(45)).optionally().reply(200, []);
    api
      .get(PATH.labels)
      .optionally()
      .reply(200, [{ name: 'crash' }]);
    api.post(PATH.createLabel).times(3).optionally().reply(201, {});
    api.post(PATH.addLabels(45)).optionally().reply(200, []);

    await app.send('issues', issueOpened({ number: 45, ...MATCHING }));
    await app.idle();
    const reads = yaml.startsWith('enabled')
      ? [REQ.token, REQ.config]
      : [REQ.token, REQ.config, REQ.orgDir, REQ.dir];
    expect(requests).toEqual([...reads, ...writes]);
    if (logged) expect(app.logs).toContainEqual(expect.objectContaining({ msg: logged }));
  });

  it('on_edit: false ignores edits', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    settingsFile(api, 'on_edit: false\n');
    await app.send('issues', issueEdited({ number: 46, ...MATCHING }, { body: 'before' }));
    await app.idle();
    expect(requests).toEqual([REQ.token, REQ.config]);
    api.done();
    expect(app.logs).toContainEqual(expect.objectContaining({ msg: 'skipped: on_edit is off in settings' }));
  });
});

describe('webhook signatures', () => {
  it('rejects a webhook with a bad signature and writes nothing', async () => {
    app = await startApp();
    const { requests } = mockGitHub();
    const status = await app.send('issues', issueOpened({ number: 47, ...MATCHING }), {
      secret: `not-${SECRET}`,
    });
    await app.idle();
    expect(status).toBe(400);
    expect(requests).toEqual([]);
    // Probot logs the refused delivery as an error; that one is expected here.
    const errors = app.logs.filter((l) => l.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => /signature does not match/i.test(e.msg))).toBe(true);
    app.logs.length = 0;
  });
});
