// The app over real HTTP: issues opened and edited. Signed webhooks in, GitHub's API faked by nock; each
// test asserts the exact requests made (cold and warm caches) and that no expected request is left.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderMarker } from '../../src/render/comment-marker.js';
import { issueEdited, issueOpened } from '../fixtures/app/payloads.js';
import {
  API,
  checkAndClose,
  mockGitHub,
  mockToken,
  sentBody,
  startApp,
  type RunningApp,
} from './app-harness.js';
import { botComment, noRepoFiles, PATH, report, REQ } from './github-mocks.js';

const PUMA = 'puma-m4-sptm-yjit';
const PUMA_LABELS = ['crash', 'known-incident', 'upstream: apple', 'platform: macos'];
const MATCHING = { title: 'Mac reboots when Puma starts its workers', body: report('m4-puma-panic.md') };
const NOT_MATCHING = {
  title: 'Thumbnail worker segfaults on big PNGs',
  body: report('node-sharp-segfault.md'),
};
const VAGUE = { title: 'Mac restarts when I start the server', body: report('vague-restart.md') };

let app: RunningApp;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => checkAndClose(app));
afterAll(() => nock.enableNetConnect());

/** Replies for the writes of a new matching comment: the comment, the label list, the missing labels. */
function matchedWrites(api: nock.Scope, issue: number, { labelsKnown = false } = {}): void {
  api.get(PATH.comments(issue)).reply(200, []);
  api.post(PATH.createComment(issue)).reply(201, { id: 700 + issue });
  if (!labelsKnown) {
    api.get(PATH.labels).reply(200, [{ name: 'crash' }, { name: 'bug' }]);
    api.post(PATH.createLabel).times(3).reply(201, {});
  }
  api.post(PATH.addLabels(issue)).reply(200, []);
}

describe('issues.opened', () => {
  it('answers a matching report with one comment and its labels (cold, then warm)', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    mockToken(api);
    noRepoFiles(api);
    matchedWrites(api, 1);

    expect(await app.send('issues', issueOpened({ number: 1, ...MATCHING }))).toBe(200);
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.config,
      REQ.orgConfig,
      REQ.orgDir,
      REQ.dir,
      REQ.comments(1),
      REQ.labels,
      REQ.createLabel,
      REQ.createLabel,
      REQ.createLabel,
      REQ.addLabels(1),
      REQ.createComment(1),
    ]);
    api.done();
    const comment = sentBody({ requests, bodies }, REQ.createComment(1));
    expect(comment.body.startsWith(renderMarker({ state: 'matched', incident: PUMA }))).toBe(true);
    expect(comment.body).toContain('VIOLATION_ILLEGAL_SPRR_INDEX');
    expect(bodies.slice(7, 10)).toEqual([
      expect.objectContaining({ name: 'known-incident', color: expect.stringMatching(/^[0-9a-f]{6}$/) }),
      expect.objectContaining({
        name: 'upstream: apple',
        description: expect.stringContaining('crash-triage'),
      }),
      expect.objectContaining({ name: 'platform: macos' }),
    ]);
    expect(bodies[10]).toEqual({ labels: PUMA_LABELS });
    expect(app.logs).toContainEqual(
      expect.objectContaining({
        msg: 'triage decision',
        data: expect.objectContaining({ incident: PUMA, actions: ['add-labels', 'create-comment'] }),
      }),
    );

    // Warm: token, settings and folder answers are remembered; only the comment lookup and the two writes.
    const warm = mockGitHub();
    matchedWrites(warm.api, 2, { labelsKnown: true });
    await app.send('issues', issueOpened({ number: 2, ...MATCHING }));
    await app.idle();
    expect(warm.requests).toEqual([REQ.comments(2), REQ.addLabels(2), REQ.createComment(2)]);
    warm.api.done();
  });

  it('writes nothing for a report that matches no incident (cold, then warm)', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    noRepoFiles(api);

    await app.send('issues', issueOpened({ number: 3, ...NOT_MATCHING }));
    await app.idle();
    expect(requests).toEqual([REQ.token, REQ.config, REQ.orgConfig, REQ.orgDir, REQ.dir]);
    api.done();

    const warm = mockGitHub();
    await app.send('issues', issueOpened({ number: 4, ...NOT_MATCHING }));
    await app.idle();
    expect(warm.requests).toEqual([]);
    expect(app.logs).toContainEqual(
      expect.objectContaining({
        msg: 'triage decision',
        data: expect.objectContaining({ incident: null, actions: [] }),
      }),
    );
  });

  it('shares the reads of a burst: two new issues at once cost one token, one settings read, one label list', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    noRepoFiles(api);
    for (const n of [13, 14]) {
      api.get(PATH.comments(n)).reply(200, []);
      api.post(PATH.createComment(n)).reply(201, { id: 700 + n });
      api.post(PATH.addLabels(n)).reply(200, []);
    }
    api.get(PATH.labels).reply(200, [{ name: 'crash' }]);
    api.post(PATH.createLabel).times(3).reply(201, {});

    await Promise.all([13, 14].map((n) => app.send('issues', issueOpened({ number: n, ...MATCHING }))));
    await app.idle();
    expect([...requests].sort()).toEqual(
      [
        REQ.token,
        REQ.config,
        REQ.orgConfig,
        REQ.orgDir,
        REQ.dir,
        REQ.labels,
        REQ.createLabel,
        REQ.createLabel,
        REQ.createLabel,
        ...[13, 14].flatMap((n) => [REQ.comments(n), REQ.addLabels(n), REQ.createComment(n)]),
      ].sort(),
    );
    api.done();
  });

  it('runs a redelivered webhook (same delivery id) once', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    noRepoFiles(api);
    matchedWrites(api, 5);

    const payload = issueOpened({ number: 5, ...MATCHING });
    expect(await app.send('issues', payload, { id: 'same-delivery' })).toBe(200);
    expect(await app.send('issues', payload, { id: 'same-delivery' })).toBe(200);
    await app.idle();
    expect(requests.filter((r) => r === REQ.createComment(5))).toHaveLength(1);
    expect(requests).toHaveLength(12);
    api.done();
    expect(app.logs).toContainEqual(expect.objectContaining({ msg: 'skipped: delivery already handled' }));
  });
});

describe('issues.opened + issues.edited', () => {
  it('gives one comment for an opened+edited pair sent back to back', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    noRepoFiles(api);
    let posted: string | null = null;
    api.get(PATH.comments(6)).reply(200, []);
    api.post(PATH.createComment(6)).reply(201, (_uri, body) => {
      posted = (body as { body: string }).body;
      return { id: 706 };
    });
    api.get(PATH.labels).reply(200, [{ name: 'crash' }]);
    api.post(PATH.createLabel).times(3).reply(201, {});
    api.post(PATH.addLabels(6)).reply(200, []);
    // The edit's job runs after the first one has written: it finds that comment.
    api.get(PATH.comments(6)).reply(200, () => [botComment(706, posted!)]);

    // The reporter tidies the layout (same words, so the same comment): no second comment, no update.
    const edited = { ...MATCHING, body: `${MATCHING.body.trim()}\n\n` };
    // Both deliveries are acknowledged before the first job has finished writing.
    await app.send('issues', issueOpened({ number: 6, ...MATCHING }));
    await app.send('issues', issueEdited({ number: 6, ...edited }, { body: MATCHING.body }));
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.config,
      REQ.orgConfig,
      REQ.orgDir,
      REQ.dir,
      REQ.comments(6),
      REQ.labels,
      REQ.createLabel,
      REQ.createLabel,
      REQ.createLabel,
      REQ.addLabels(6),
      REQ.createComment(6),
      REQ.comments(6),
    ]);
    api.done();
    expect(app.logs).toContainEqual(
      expect.objectContaining({
        msg: 'triage decision',
        data: expect.objectContaining({ trigger: 'edited', reason: 'matched, comment unchanged' }),
      }),
    );
  });

  it('posts the comment when an edit adds a crash log that matches', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    noRepoFiles(api);
    await app.send('issues', issueOpened({ number: 7, ...VAGUE }));
    await app.idle();
    expect(requests).toEqual([REQ.token, REQ.config, REQ.orgConfig, REQ.orgDir, REQ.dir]);

    const edit = mockGitHub();
    matchedWrites(edit.api, 7);
    await app.send(
      'issues',
      issueEdited({ number: 7, title: VAGUE.title, body: MATCHING.body }, { body: VAGUE.body }),
    );
    await app.idle();
    expect(edit.requests).toEqual([
      REQ.comments(7),
      REQ.labels,
      REQ.createLabel,
      REQ.createLabel,
      REQ.createLabel,
      REQ.addLabels(7),
      REQ.createComment(7),
    ]);
    edit.api.done();
  });
});

describe('issues.edited', () => {
  const existing = (id: number) =>
    botComment(id, `${renderMarker({ state: 'matched', incident: PUMA })}\n\n### Known incident: old text\n`);

  it('updates the app comment in place when the edited report still matches', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    mockToken(api);
    noRepoFiles(api);
    api
      .get(PATH.comments(8))
      .reply(200, [{ id: 1, body: 'me too', user: { login: 'someone', type: 'User' } }, existing(708)]);
    api.patch(PATH.updateComment(708)).reply(200, {});

    await app.send(
      'issues',
      issueEdited({ number: 8, ...MATCHING, labels: PUMA_LABELS, comments: 2 }, { body: VAGUE.body }),
    );
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.config,
      REQ.orgConfig,
      REQ.orgDir,
      REQ.dir,
      REQ.comments(8),
      REQ.updateComment(708),
    ]);
    expect((bodies[6] as { body: string }).body).toContain('VIOLATION_ILLEGAL_SPRR_INDEX');
    api.done();
  });

  it('finds its comment on a later page of a long thread', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    noRepoFiles(api);
    const chatter = Array.from({ length: 100 }, (_, i) => ({
      id: i + 1,
      body: '+1',
      user: { login: `user${i}`, type: 'User' },
    }));
    const next = `<${API}${PATH.comments(12)}&page=2>; rel="next", <${API}${PATH.comments(12)}&page=2>; rel="last"`;
    api.get(PATH.comments(12)).reply(200, chatter, { link: next });
    api.get(`${PATH.comments(12)}&page=2`).reply(200, [existing(712)]);
    api.patch(PATH.updateComment(712)).reply(200, {});

    await app.send('issues', issueEdited({ number: 12, ...MATCHING, comments: 101 }, { body: VAGUE.body }));
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.config,
      REQ.orgConfig,
      REQ.orgDir,
      REQ.dir,
      REQ.comments(12),
      `${REQ.comments(12)}&page=2`,
      REQ.updateComment(712),
    ]);
    api.done();
  });

  it('keeps the comment, with a note, when the edited report no longer matches', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    mockToken(api);
    noRepoFiles(api);
    api.get(PATH.comments(9)).reply(200, [existing(709)]);
    api.patch(PATH.updateComment(709)).reply(200, {});

    await app.send(
      'issues',
      issueEdited({ number: 9, ...VAGUE, labels: PUMA_LABELS, comments: 1 }, { body: MATCHING.body }),
    );
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.config,
      REQ.orgConfig,
      REQ.orgDir,
      REQ.dir,
      REQ.comments(9),
      REQ.updateComment(709),
    ]);
    const body = (bodies[6] as { body: string }).body;
    expect(body.startsWith(renderMarker({ state: 'matched', incident: PUMA }))).toBe(true);
    expect(body).toContain('no longer matches');
    api.done();
  });

  it('ignores an edit that does not change the body', async () => {
    app = await startApp();
    const { requests } = mockGitHub();
    expect(await app.send('issues', issueEdited({ number: 10, ...MATCHING }, { title: 'old title' }))).toBe(
      200,
    );
    await app.idle();
    expect(requests).toEqual([]);
    expect(app.logs).toContainEqual(expect.objectContaining({ msg: 'skipped: body not edited' }));
  });

  it('leaves a dismissed issue alone', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    noRepoFiles(api);
    api
      .get(PATH.comments(11))
      .reply(200, [
        botComment(711, `${renderMarker({ state: 'dismissed', incident: PUMA })}\n\n### Dismissed\n`),
      ]);
    await app.send('issues', issueEdited({ number: 11, ...MATCHING, comments: 1 }, { body: VAGUE.body }));
    await app.idle();
    expect(requests).toEqual([REQ.token, REQ.config, REQ.orgConfig, REQ.orgDir, REQ.dir, REQ.comments(11)]);
    api.done();
    expect(app.logs).toContainEqual(
      expect.objectContaining({
        msg: 'triage decision',
        data: expect.objectContaining({ reason: 'dismissed by a maintainer' }),
      }),
    );
  });
});
