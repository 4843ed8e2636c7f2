// The cost rule of a new issue: when the app can prove it has no comment on an issue (the issue was created,
// by GitHub's clock, after the first API answer of the process by more than the margin, and the process
// has not commented on it), a
// matching `opened` costs only its two writes, with no lookup of the app's comment. Whenever it cannot
// prove it (an issue older than the process, as a redelivery after a restart is; an issue it has
// commented on; lookups forced for several replicas) it looks, and never posts a second comment.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderMarker } from '../../src/render/comment-marker.js';
import { issueEdited, issueOpened } from '../fixtures/app/payloads.js';
import { checkAndClose, mockGitHub, mockToken, startApp, type RunningApp } from './app-harness.js';
import { botComment, noRepoFiles, PATH, report, REQ } from './github-mocks.js';

const MATCHING = { title: 'Mac reboots when Puma starts its workers', body: report('m4-puma-panic.md') };
const NOT_MATCHING = {
  title: 'Thumbnail worker segfaults on big PNGs',
  body: report('node-sharp-segfault.md'),
};
const T0 = Date.parse('2025-06-01T12:00:00Z');
const MIN = 60_000;

/** An `issues.opened` payload for an issue created at `createdAt` (GitHub's clock). */
function openedAt(number: number, createdAt: number, issue = MATCHING) {
  const payload = issueOpened({ number, ...issue });
  const at = new Date(createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { ...payload, issue: { ...payload.issue, created_at: at, updated_at: at } };
}

/** The replies for the writes of a matched issue; the repository's labels already exist. */
function writes(api: nock.Scope, issue: number): void {
  api.post(PATH.createComment(issue)).reply(201, { id: 700 + issue });
  api.post(PATH.addLabels(issue)).reply(200, []);
}

function labelsKnown(api: nock.Scope): void {
  api.get(PATH.labels).reply(
    200,
    ['crash', 'known-incident', 'upstream: apple', 'platform: macos'].map((name) => ({ name })),
  );
}

let app: RunningApp | undefined;
let other: RunningApp | undefined;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  await checkAndClose(other);
  other = undefined;
  await checkAndClose(app);
});
afterAll(() => nock.enableNetConnect());

describe('a new issue the app can prove it has not commented on', () => {
  it('costs only its two writes when it matches (after the cold reads of the first)', async () => {
    app = await startApp({ now: () => T0 });
    const { api, requests } = mockGitHub(T0);
    mockToken(api);
    noRepoFiles(api);
    labelsKnown(api);
    writes(api, 1);
    await app.send('issues', openedAt(1, T0 + 10 * MIN));
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.config,
      REQ.orgConfig,
      REQ.orgDir,
      REQ.dir,
      REQ.labels,
      REQ.addLabels(1),
      REQ.createComment(1),
    ]);
    api.done();

    const warm = mockGitHub(T0);
    writes(warm.api, 2);
    await app.send('issues', openedAt(2, T0 + 11 * MIN));
    await app.idle();
    expect(warm.requests).toEqual([REQ.addLabels(2), REQ.createComment(2)]);
    warm.api.done();
    expect(app.logs).toContainEqual(
      expect.objectContaining({
        msg: 'triage decision',
        data: expect.objectContaining({ issue: 'acme/rocket#2', actions: ['add-labels', 'create-comment'] }),
      }),
    );
  });

  it('costs nothing when it does not match, and an edit that makes it match posts without a lookup', async () => {
    app = await startApp({ now: () => T0 });
    const { api, requests } = mockGitHub(T0);
    mockToken(api);
    noRepoFiles(api);
    await app.send('issues', openedAt(3, T0 + 10 * MIN, NOT_MATCHING));
    await app.idle();
    expect(requests).toEqual([REQ.token, REQ.config, REQ.orgConfig, REQ.orgDir, REQ.dir]);

    const edit = mockGitHub(T0);
    labelsKnown(edit.api);
    writes(edit.api, 3);
    const edited = issueEdited({ number: 3, ...MATCHING, comments: 2 }, { body: NOT_MATCHING.body });
    await app.send('issues', {
      ...edited,
      issue: { ...edited.issue, created_at: openedAt(3, T0 + 10 * MIN).issue.created_at },
    });
    await app.idle();
    expect(edit.requests).toEqual([REQ.labels, REQ.addLabels(3), REQ.createComment(3)]);
    edit.api.done();
  });
});

describe('when the app cannot prove it, it looks (and never comments twice)', () => {
  it('a redelivery after a restart finds the comment the app made before it and adds none', async () => {
    // First process: the issue is new, so it comments without a lookup.
    app = await startApp({ now: () => T0 });
    const first = mockGitHub(T0);
    mockToken(first.api);
    noRepoFiles(first.api);
    labelsKnown(first.api);
    let posted = '';
    first.api.post(PATH.createComment(4)).reply(201, (_uri, body) => {
      posted = (body as { body: string }).body;
      return { id: 704 };
    });
    first.api.post(PATH.addLabels(4)).reply(200, []);
    const payload = openedAt(4, T0 + 10 * MIN);
    await app.send('issues', payload, { id: 'delivery-before-restart' });
    await app.idle();
    expect(first.requests).not.toContain(REQ.comments(4));
    expect(posted.startsWith(renderMarker({ state: 'matched', incident: 'puma-m4-sptm-yjit' }))).toBe(true);
    first.api.done();

    // A new process, started after the issue was created: GitHub redelivers the same delivery. Its own
    // clock runs 30 minutes behind GitHub's (this once made it skip the lookup and comment twice): only
    // GitHub's `Date` counts.
    other = await startApp({ now: () => T0 - 10 * MIN });
    const second = mockGitHub(T0 + 20 * MIN);
    mockToken(second.api);
    noRepoFiles(second.api);
    second.api.get(PATH.comments(4)).reply(200, [botComment(704, posted)]);
    expect(await other.send('issues', payload, { id: 'delivery-before-restart' })).toBe(200);
    await other.idle();
    expect(second.requests).toEqual([
      REQ.token,
      REQ.config,
      REQ.orgConfig,
      REQ.orgDir,
      REQ.dir,
      REQ.comments(4),
    ]);
    second.api.done();
    expect(other.logs).toContainEqual(
      expect.objectContaining({
        msg: 'triage decision',
        data: expect.objectContaining({ reason: 'already triaged' }),
      }),
    );
  });

  it('an issue created within the clock-skew margin of the start is looked up', async () => {
    app = await startApp({ now: () => T0 });
    const { api, requests } = mockGitHub(T0);
    mockToken(api);
    noRepoFiles(api);
    labelsKnown(api);
    api.get(PATH.comments(5)).reply(200, []);
    writes(api, 5);
    await app.send('issues', openedAt(5, T0 + 2 * MIN));
    await app.idle();
    expect(requests).toContain(REQ.comments(5));
    api.done();
  });

  it('another `opened` delivery for an issue it has commented on is looked up and adds nothing', async () => {
    app = await startApp({ now: () => T0 });
    const { api } = mockGitHub(T0);
    mockToken(api);
    noRepoFiles(api);
    labelsKnown(api);
    writes(api, 6);
    await app.send('issues', openedAt(6, T0 + 10 * MIN), { id: 'first' });
    await app.idle();
    api.done();

    // A redelivery whose id the queue no longer remembers (a new id here): the record says "commented".
    const again = mockGitHub(T0);
    again.api
      .get(PATH.comments(6))
      .reply(200, [botComment(706, renderMarker({ state: 'matched', incident: 'puma-m4-sptm-yjit' }))]);
    await app.send('issues', openedAt(6, T0 + 10 * MIN), { id: 'second' });
    await app.idle();
    expect(again.requests).toEqual([REQ.comments(6)]);
    again.api.done();
  });

  it('looks every time when lookups are forced (several replicas: CRASH_TRIAGE_COMMENT_LOOKUP=always)', async () => {
    app = await startApp({ now: () => T0, settings: { commentLookup: 'always' } });
    const { api, requests } = mockGitHub(T0);
    mockToken(api);
    noRepoFiles(api);
    labelsKnown(api);
    api.get(PATH.comments(7)).reply(200, []);
    writes(api, 7);
    await app.send('issues', openedAt(7, T0 + 60 * MIN));
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.config,
      REQ.orgConfig,
      REQ.orgDir,
      REQ.dir,
      REQ.comments(7),
      REQ.labels,
      REQ.addLabels(7),
      REQ.createComment(7),
    ]);
    api.done();
  });
});
