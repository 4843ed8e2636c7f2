// Which comment is the app's own: the one GitHub lists as performed by this app (its id), whatever its
// body says; never another app's comment that starts with the same marker. Issues are known by the
// repository's id, so a rename between two events does not make the app forget its comment. A listing
// that comes back without a list is a failure, never "no comment yet".
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderMarker } from '../../src/render/comment-marker.js';
import { FULL_NAME, issueEdited, issueOpened } from '../fixtures/app/payloads.js';
import { checkAndClose, mockGitHub, mockToken, startApp, type RunningApp } from './app-harness.js';
import { botComment, noRepoFiles, PATH, report, REQ } from './github-mocks.js';

const MATCHING = { title: 'Mac reboots when Puma starts its workers', body: report('m4-puma-panic.md') };
const MARKER = renderMarker({ state: 'matched', incident: 'puma-m4-sptm-yjit' });
const T0 = Date.parse('2025-06-01T12:00:00Z');
const MIN = 60_000;
const LABELS = ['crash', 'known-incident', 'upstream: apple', 'platform: macos'].map((name) => ({ name }));

/**
 * An issue created an hour before the app started (it cannot prove it has no comment, so it looks),
 * opened or edited by its reporter.
 */
function olderIssue(number: number, action: 'opened' | 'edited' = 'opened') {
  const payload =
    action === 'opened'
      ? issueOpened({ number, ...MATCHING, comments: 1 })
      : issueEdited({ number, ...MATCHING, comments: 1 }, { body: 'It crashed.' });
  return { ...payload, issue: { ...payload.issue, created_at: '2025-06-01T11:00:00Z' } };
}

let app: RunningApp | undefined;
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => checkAndClose(app));
afterAll(() => nock.enableNetConnect());

describe("the app's own comment", () => {
  it.each([
    [
      "another app's comment that starts with the app's marker is not the app's: it posts its own",
      {
        id: 501,
        body: `${MARKER}\nI am another bot`,
        user: { login: 'other[bot]', type: 'Bot' },
        performed_via_github_app: { id: 999 },
      },
      'opened',
    ],
    [
      "the app's comment whose marker someone deleted is still the app's: it is updated, not doubled",
      {
        ...botComment(502, 'Edited by a maintainer: the marker is gone'),
        performed_via_github_app: { id: 12345 },
      },
      'edited',
    ],
  ] as const)('%s', async (_name, listed, action) => {
    const expected = action === 'opened' ? 'post' : 'update';
    app = await startApp({ now: () => T0 });
    const { api, requests } = mockGitHub(T0);
    mockToken(api);
    noRepoFiles(api);
    api.get(PATH.comments(61)).reply(200, [listed]);
    api.get(PATH.labels).reply(200, LABELS);
    api.post(PATH.addLabels(61)).reply(200, []);
    if (expected === 'post') api.post(PATH.createComment(61)).reply(201, { id: 761 });
    else api.patch(PATH.updateComment(listed.id)).reply(200, { id: listed.id });

    if (action === 'edited') api.get(PATH.issueLabels(61)).optionally().reply(200, []);
    await app.send('issues', olderIssue(61, action));
    await app.idle();
    const writes = requests.filter((r) => /^(POST|PATCH) .*comments/.test(r));
    expect(writes).toEqual(expected === 'post' ? [REQ.createComment(61)] : [REQ.updateComment(listed.id)]);
    api.done();
  });

  it('a comment listing answered 200 with no list writes no comment (the job fails and says so)', async () => {
    app = await startApp({ now: () => T0 });
    const { api, requests } = mockGitHub(T0);
    mockToken(api);
    noRepoFiles(api);
    api.get(PATH.comments(62)).reply(200, '', { 'content-type': 'application/json' });
    api.get(PATH.labels).optionally().reply(200, LABELS);
    api.post(PATH.addLabels(62)).optionally().reply(200, []);

    await app.send('issues', olderIssue(62));
    await app.idle();
    expect(requests.filter((r) => r.startsWith('POST') && r.includes('/comments'))).toEqual([]);
    const failed = app.logs.filter((l) => l.level === 'error');
    expect(failed.map((l) => [l.msg, String((l.data.err as Error | undefined)?.message)])).toEqual([
      ['triage job failed', 'listing the comments did not return a list'],
    ]);
    // The failure was expected here: the check after each test looks for any other.
    app.logs.splice(0, app.logs.length, ...app.logs.filter((l) => l.level !== 'error'));
  });

  it('a repository renamed between two events keeps its comment: the edit updates it', async () => {
    app = await startApp({ now: () => T0 });
    const first = mockGitHub(T0);
    mockToken(first.api);
    noRepoFiles(first.api);
    first.api.get(PATH.labels).reply(200, LABELS);
    first.api.post(PATH.createComment(63)).reply(201, { id: 763 });
    first.api.post(PATH.addLabels(63)).reply(200, []);
    const opened = issueOpened({ number: 63, ...MATCHING });
    const createdAt = new Date(T0 + 10 * MIN).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await app.send('issues', { ...opened, issue: { ...opened.issue, created_at: createdAt } });
    await app.idle();
    first.api.done();

    // Renamed: same repository id, new name. The app has commented on this issue, so it looks.
    const NEW = 'acme/rocket-2';
    const second = mockGitHub(T0);
    const R = `/repos/${NEW}`;
    second.api
      .get(`${R}/contents/${encodeURIComponent('.github/crash-triage.yml')}`)
      .optionally()
      .reply(404, {});
    second.api
      .get(`/repos/acme/.github/contents/${encodeURIComponent('.github/crash-triage.yml')}`)
      .optionally()
      .reply(404, {});
    second.api
      .get(`${R}/contents/${encodeURIComponent('.github/crash-signatures')}`)
      .optionally()
      .reply(404, {});
    second.api
      .get(`${R}/issues/63/comments?per_page=100`)
      .reply(200, [botComment(763, `${MARKER}\nold text`)]);
    second.api.get(`${R}/labels?per_page=100`).optionally().reply(200, LABELS);
    second.api.get(`${R}/issues/63/labels?per_page=100`).optionally().reply(200, LABELS);
    second.api.post(`${R}/issues/63/labels`).optionally().reply(200, []);
    second.api.patch(`${R}/issues/comments/763`).reply(200, { id: 763 });
    const edited = issueEdited(
      { number: 63, ...MATCHING, body: `${MATCHING.body}\n\nStill happens on 15.3.` },
      { body: MATCHING.body },
    );
    await app.send('issues', {
      ...edited,
      issue: { ...edited.issue, created_at: createdAt },
      repository: { ...edited.repository, name: 'rocket-2', full_name: NEW },
    });
    await app.idle();
    expect(second.requests.filter((r) => /^(POST|PATCH) .*comments/.test(r))).toEqual([
      `PATCH ${R}/issues/comments/763`,
    ]);
    expect(FULL_NAME).not.toBe(NEW);
    second.api.done();
  });
});
