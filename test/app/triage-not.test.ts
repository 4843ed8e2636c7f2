// The app over real HTTP: `/triage not <id>`. The incident is recorded in the comment's marker, taken
// off the issue (comment and labels) when it was the one shown, and never proposed again on that issue.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readMarker, renderMarker } from '../../src/render/comment-marker.js';
import { commentCreated, issueEdited } from '../fixtures/app/payloads.js';
import { checkAndClose, mockGitHub, mockToken, sentBody, startApp, type RunningApp } from './app-harness.js';
import { botComment, noRepoFiles, PATH, permission, report, REQ } from './github-mocks.js';

const PUMA = 'puma-m4-sptm-yjit';
const LUAJIT = 'luajit-gc-oom-trace-exit';
const PUMA_LABELS = ['crash', 'known-incident', 'upstream: apple', 'platform: macos'];
const MATCHING = { title: 'Mac reboots when Puma starts its workers', body: report('m4-puma-panic.md') };
const MATCHED_BODY = `${renderMarker({ state: 'matched', incident: PUMA })}\n\n### Known incident: the M4 panic\n`;
const READS = [REQ.config, REQ.orgConfig, REQ.orgDir, REQ.dir];

let app: RunningApp;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => checkAndClose(app));
afterAll(() => nock.enableNetConnect());

describe('/triage not <incident-id>', () => {
  it('takes the shown incident off, records it, and a later edit does not bring it back', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    mockToken(api);
    permission(api, 'maintainer', 'write');
    api.post(PATH.react(901)).reply(201, {});
    noRepoFiles(api);
    api.get(PATH.comments(40)).reply(200, [botComment(740, MATCHED_BODY)]);
    api.get(PATH.issueLabels(40)).reply(
      200,
      PUMA_LABELS.map((name) => ({ name })),
    );
    for (const name of PUMA_LABELS) api.delete(PATH.removeLabel(40, name)).reply(200, []);
    api.patch(PATH.updateComment(740)).reply(200, {});

    const issue = { number: 40, ...MATCHING, labels: PUMA_LABELS, comments: 1 };
    await app.send('issue_comment', commentCreated(issue, { id: 901, body: `/triage not ${PUMA}` }));
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.permission('maintainer'),
      ...READS,
      REQ.comments(40),
      REQ.react(901),
      REQ.issueLabels(40),
      ...PUMA_LABELS.map((name) => REQ.removeLabel(40, name)),
      REQ.updateComment(740),
    ]);
    const updated = sentBody({ requests, bodies }, REQ.updateComment(740)).body;
    expect(readMarker(updated)).toEqual({ state: 'no-match', not: [PUMA] });
    expect(updated).toContain('No known incident matched');
    api.done();

    // The reporter edits the issue: the text still matches the ruled-out incident, so nothing is written.
    const later = mockGitHub();
    // (settings and folder were just read: the app's caches answer them)
    later.api.get(PATH.comments(40)).reply(200, [botComment(740, updated)]);
    await app.send(
      'issues',
      issueEdited({ ...issue, labels: [], body: `${MATCHING.body}\nmore` }, { body: MATCHING.body }),
    );
    await app.idle();
    expect(later.requests).toEqual([REQ.comments(40)]);
    later.api.done();
  });

  it('on an incident not shown, records it and keeps the comment text', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    mockToken(api);
    permission(api, 'maintainer', 'admin');
    api.post(PATH.react(902)).reply(201, {});
    noRepoFiles(api);
    api.get(PATH.comments(41)).reply(200, [botComment(741, MATCHED_BODY)]);
    api.patch(PATH.updateComment(741)).reply(200, {});

    const issue = { number: 41, ...MATCHING, labels: PUMA_LABELS, comments: 1 };
    await app.send('issue_comment', commentCreated(issue, { id: 902, body: `/triage not ${LUAJIT}` }));
    await app.idle();
    const updated = sentBody({ requests, bodies }, REQ.updateComment(741)).body;
    expect(readMarker(updated)).toEqual({ state: 'matched', incident: PUMA, not: [LUAJIT] });
    expect(requests).not.toContain(REQ.issueLabels(41));
    api.done();
  });

  it('is ignored from someone without triage access', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    permission(api, 'maintainer', 'read');
    const issue = { number: 42, ...MATCHING, labels: PUMA_LABELS, comments: 1 };
    await app.send('issue_comment', commentCreated(issue, { id: 903, body: `/triage not ${PUMA}` }));
    await app.idle();
    expect(requests).toEqual([REQ.token, REQ.permission('maintainer')]);
    api.done();
  });
});
