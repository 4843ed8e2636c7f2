// The app over real HTTP: `/triage` commands in issue comments. Each command is acknowledged with a
// reaction and answered in the app's one comment; people without triage access get nothing written.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import { renderMarker } from '../../src/render/comment-marker.js';
import { commentCreated, issueEdited } from '../fixtures/app/payloads.js';
import { checkAndClose, mockGitHub, mockToken, sentBody, startApp, type RunningApp } from './app-harness.js';
import { botComment, noRepoFiles, PATH, permission, report, REQ } from './github-mocks.js';

const PUMA = 'puma-m4-sptm-yjit';
const LUAJIT = 'luajit-gc-oom-trace-exit';
const PUMA_LABELS = ['crash', 'known-incident', 'upstream: apple', 'platform: macos'];
const LUAJIT_ONLY_LABELS = loadCatalog()
  .incidents.find((i) => i.id === LUAJIT)!
  .labels.filter((l) => !PUMA_LABELS.includes(l));
const MATCHING = { title: 'Mac reboots when Puma starts its workers', body: report('m4-puma-panic.md') };
const NOT_MATCHING = {
  title: 'Thumbnail worker segfaults on big PNGs',
  body: report('node-sharp-segfault.md'),
};
const MATCHED_BODY = `${renderMarker({ state: 'matched', incident: PUMA })}\n\n### Known incident: the M4 panic\n`;

let app: RunningApp;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => checkAndClose(app));
afterAll(() => nock.enableNetConnect());

/** A maintainer's command: token, permission check, reaction, then the reads every command makes. */
function commandReads(api: nock.Scope, comment: number, { role = 'write', reads = true } = {}): void {
  mockToken(api);
  permission(api, 'maintainer', role);
  api.post(PATH.react(comment)).reply(201, { id: 1, content: 'eyes' });
  if (reads) noRepoFiles(api);
}
const READS = [REQ.config, REQ.orgConfig, REQ.orgDir, REQ.dir];

function body(bodies: unknown[], i: number): string {
  return (bodies[i] as { body: string }).body;
}

describe('/triage commands', () => {
  it('/triage answers even when nothing matched, listing the nearest candidates', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    commandReads(api, 801);
    api.get(PATH.comments(20)).reply(200, []);
    api.post(PATH.createComment(20)).reply(201, { id: 720 });

    await app.send(
      'issue_comment',
      commentCreated({ number: 20, ...NOT_MATCHING }, { id: 801, body: '/triage' }),
    );
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.permission('maintainer'),
      ...READS,
      REQ.comments(20),
      REQ.react(801),
      REQ.createComment(20),
    ]);
    expect(bodies[7]).toEqual({ content: 'eyes' });
    expect(body(bodies, 8).startsWith(renderMarker({ state: 'no-match' }))).toBe(true);
    expect(body(bodies, 8)).toContain('No known incident matched');
    api.done();

    // Warm: the token is cached; a command re-reads the settings and folder even when they were missing
    // a moment ago (a maintainer may just have added them), then answers in the same comment.
    const warm = mockGitHub();
    permission(warm.api, 'maintainer', 'write');
    noRepoFiles(warm.api);
    warm.api.get(PATH.comments(20)).reply(200, [botComment(720, body(bodies, 8))]);
    warm.api.post(PATH.react(811)).reply(201, {});
    warm.api.patch(PATH.updateComment(720)).reply(200, {});
    await app.send(
      'issue_comment',
      commentCreated({ number: 20, ...NOT_MATCHING, comments: 2 }, { id: 811, body: '/triage explain' }),
    );
    await app.idle();
    expect(warm.requests).toEqual([
      REQ.permission('maintainer'),
      ...READS,
      REQ.comments(20),
      REQ.react(811),
      REQ.updateComment(720),
    ]);
    expect(body(warm.bodies, 7)).toContain('Explain: no verdict');
    warm.api.done();
  });

  it('/triage re-runs and applies a match (labels the issue lacks only)', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    commandReads(api, 802);
    api.get(PATH.comments(21)).reply(200, []);
    api.post(PATH.createComment(21)).reply(201, { id: 721 });
    api.get(PATH.labels).reply(
      200,
      PUMA_LABELS.map((name) => ({ name })),
    );
    api.post(PATH.addLabels(21)).reply(200, []);

    await app.send(
      'issue_comment',
      commentCreated(
        { number: 21, ...MATCHING, labels: ['crash'] },
        { id: 802, body: 'Could you look?\n/triage' },
      ),
    );
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.permission('maintainer'),
      ...READS,
      REQ.comments(21),
      REQ.react(802),
      REQ.labels,
      REQ.addLabels(21),
      REQ.createComment(21),
    ]);
    expect(
      sentBody({ requests, bodies }, REQ.createComment(21)).body.startsWith(
        renderMarker({ state: 'matched', incident: PUMA }),
      ),
    ).toBe(true);
    expect(sentBody({ requests, bodies }, REQ.addLabels(21))).toEqual({ labels: PUMA_LABELS.slice(1) });
    api.done();
  });

  it('/triage explain adds the evidence under the existing comment', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    commandReads(api, 803);
    api.get(PATH.comments(22)).reply(200, [botComment(722, MATCHED_BODY)]);
    api.patch(PATH.updateComment(722)).reply(200, {});

    await app.send(
      'issue_comment',
      commentCreated({ number: 22, ...MATCHING, comments: 2 }, { id: 803, body: '/triage explain' }),
    );
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.permission('maintainer'),
      ...READS,
      REQ.comments(22),
      REQ.react(803),
      REQ.updateComment(722),
    ]);
    const updated = body(bodies, 8);
    expect(updated.startsWith(MATCHED_BODY.trimEnd())).toBe(true);
    expect(updated).toContain(`Explain: matched \`${PUMA}\``);
    expect(updated.match(/<!-- crash-triage:v1/g)).toHaveLength(1);
    api.done();
  });

  it('/triage as <id> applies that incident and moves the labels', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    commandReads(api, 804);
    api.get(PATH.comments(23)).reply(200, [botComment(723, MATCHED_BODY)]);
    api.patch(PATH.updateComment(723)).reply(200, {});
    api.get(PATH.issueLabels(23)).reply(
      200,
      PUMA_LABELS.map((name) => ({ name })),
    );
    api.delete(PATH.removeLabel(23, 'upstream: apple')).reply(200, []);
    api.delete(PATH.removeLabel(23, 'platform: macos')).reply(200, []);
    api.get(PATH.labels).reply(
      200,
      PUMA_LABELS.map((name) => ({ name })),
    );
    api.post(PATH.createLabel).times(LUAJIT_ONLY_LABELS.length).reply(201, {});
    api.post(PATH.addLabels(23)).reply(200, []);

    await app.send(
      'issue_comment',
      commentCreated(
        { number: 23, ...MATCHING, labels: PUMA_LABELS, comments: 1 },
        { id: 804, body: `/triage as ${LUAJIT}` },
      ),
    );
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.permission('maintainer'),
      ...READS,
      REQ.comments(23),
      REQ.react(804),
      REQ.issueLabels(23),
      REQ.removeLabel(23, 'upstream: apple'),
      REQ.removeLabel(23, 'platform: macos'),
      REQ.labels,
      ...LUAJIT_ONLY_LABELS.map(() => REQ.createLabel),
      REQ.addLabels(23),
      REQ.updateComment(723),
    ]);
    const chosen = sentBody({ requests, bodies }, REQ.updateComment(723)).body;
    // Marked as a maintainer's choice, so a reporter's later edit leaves it (and its labels) alone.
    expect(chosen.startsWith(renderMarker({ state: 'chosen', incident: LUAJIT }))).toBe(true);
    expect(chosen).toContain('Chosen by');
    expect(sentBody({ requests, bodies }, REQ.createLabel)).toEqual(
      expect.objectContaining({ name: LUAJIT_ONLY_LABELS[0] }),
    );
    expect(sentBody({ requests, bodies }, REQ.addLabels(23))).toEqual({ labels: LUAJIT_ONLY_LABELS });
    api.done();
  });

  it('/triage as <unknown id> says so in the comment', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    commandReads(api, 805);
    api.get(PATH.comments(24)).reply(200, [botComment(724, MATCHED_BODY)]);
    api.patch(PATH.updateComment(724)).reply(200, {});

    await app.send(
      'issue_comment',
      commentCreated(
        { number: 24, ...MATCHING, comments: 1 },
        { id: 805, body: '/triage as no-such-incident' },
      ),
    );
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.permission('maintainer'),
      ...READS,
      REQ.comments(24),
      REQ.react(805),
      REQ.updateComment(724),
    ]);
    expect(body(bodies, 8)).toContain('Unknown incident `no-such-incident`');
    expect(body(bodies, 8)).toContain(PUMA);
    api.done();
  });

  it('/triage dismiss removes the labels, marks the comment, and later edits are left alone', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    commandReads(api, 806);
    api.get(PATH.comments(25)).reply(200, [botComment(725, MATCHED_BODY)]);
    api.patch(PATH.updateComment(725)).reply(200, {});
    // The event says the issue has these labels; at write time one of them is already gone.
    api.get(PATH.issueLabels(25)).reply(
      200,
      [...PUMA_LABELS.slice(1), 'needs-info'].map((name) => ({ name })),
    );
    for (const name of PUMA_LABELS.slice(1)) api.delete(PATH.removeLabel(25, name)).reply(200, []);

    const issue = { number: 25, ...MATCHING, labels: [...PUMA_LABELS, 'needs-info'], comments: 1 };
    await app.send('issue_comment', commentCreated(issue, { id: 806, body: '/triage dismiss' }));
    await app.idle();
    expect(requests).toEqual([
      REQ.token,
      REQ.permission('maintainer'),
      ...READS,
      REQ.comments(25),
      REQ.react(806),
      REQ.issueLabels(25),
      ...PUMA_LABELS.slice(1).map((name) => REQ.removeLabel(25, name)),
      REQ.updateComment(725),
    ]);
    const dismissed = sentBody({ requests, bodies }, REQ.updateComment(725)).body;
    expect(dismissed.startsWith(renderMarker({ state: 'dismissed', incident: PUMA }))).toBe(true);
    api.done();

    // An edit afterwards: the app reads its comment, sees "dismissed", writes nothing.
    const later = mockGitHub();
    later.api.get(PATH.comments(25)).reply(200, [botComment(725, dismissed)]);
    await app.send(
      'issues',
      issueEdited(
        { ...issue, labels: ['needs-info'], body: `${MATCHING.body}\nmore` },
        { body: MATCHING.body },
      ),
    );
    await app.idle();
    expect(later.requests).toEqual([REQ.comments(25)]);
    later.api.done();
  });

  it('/triage help creates the one comment when there is none', async () => {
    app = await startApp();
    const { api, requests, bodies } = mockGitHub();
    commandReads(api, 807, { reads: false });
    api.get(PATH.config).reply(404, {});
    api.get(PATH.orgConfig).reply(404, {});
    api.get(PATH.comments(26)).reply(200, []);
    api.post(PATH.createComment(26)).reply(201, { id: 726 });

    await app.send(
      'issue_comment',
      commentCreated({ number: 26, ...NOT_MATCHING }, { id: 807, body: '/triage help' }),
    );
    await app.idle();
    // Help needs no catalog: no incident folder read.
    expect(requests).toEqual([
      REQ.token,
      REQ.permission('maintainer'),
      REQ.config,
      REQ.orgConfig,
      REQ.comments(26),
      REQ.react(807),
      REQ.createComment(26),
    ]);
    expect(body(bodies, 6)).toContain('/triage dismiss');
    api.done();
  });

  it('ignores a command from someone without triage access: nothing written, reason logged', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    permission(api, 'passerby', 'read');

    await app.send(
      'issue_comment',
      commentCreated({ number: 27, ...MATCHING }, { id: 808, body: '/triage dismiss', login: 'passerby' }),
    );
    await app.idle();
    expect(requests).toEqual([REQ.token, REQ.permission('passerby')]);
    api.done();
    expect(app.logs).toContainEqual(
      expect.objectContaining({
        msg: 'command ignored: no triage permission',
        data: expect.objectContaining({ user: 'passerby', role: 'read' }),
      }),
    );
  });

  it('ignores a command from someone who is not a collaborator at all', async () => {
    app = await startApp();
    const { api, requests } = mockGitHub();
    mockToken(api);
    api.get(PATH.permission('stranger')).reply(404, { message: 'Not Found' });

    await app.send(
      'issue_comment',
      commentCreated({ number: 28, ...MATCHING }, { id: 809, body: '/triage', login: 'stranger' }),
    );
    await app.idle();
    expect(requests).toEqual([REQ.token, REQ.permission('stranger')]);
    api.done();
  });

  it.each([
    [
      'a bot (this app included)',
      { body: '/triage dismiss', login: 'crash-triage[bot]', type: 'Bot' as const },
      false,
    ],
    ['a pull request comment', { body: '/triage' }, true],
    ['a comment without a command', { body: 'Same here on my M4 Pro.' }, false],
    ['a quoted command', { body: '> /triage dismiss\n\nwhy?' }, false],
  ])('does nothing for %s', async (_name, comment, pullRequest) => {
    app = await startApp();
    const { requests } = mockGitHub();
    expect(
      await app.send('issue_comment', commentCreated({ number: 29, ...MATCHING }, comment, { pullRequest })),
    ).toBe(200);
    await app.idle();
    expect(requests).toEqual([]);
  });
});
