// A repository's own incident files and settings, broken in hostile ways and served through the
// contents API to the real app: the bad files are skipped and reported (file and field), the bundled
// catalog keeps answering in that repository, and another repository is not affected at all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMarker } from '../../src/render/comment-marker.js';
import { commentCreated, FULL_NAME, inRepo, issueOpened, MATCHING } from './support/app-events.js';
import { auditComment, auditProblems } from './support/markdown-audit.js';
import { LEVEL, type ReliableApp } from './support/reliable-app.js';
import { appSession } from './support/app-session.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/reliability/catalog/${name}`, import.meta.url), 'utf8');
const rocketIncident = readFileSync(
  new URL('../fixtures/app/incidents/rocket-flameout.yml', import.meta.url),
  'utf8',
);
const ROCKET = {
  title: 'Telemetry crash in the igniter loop',
  body: readFileSync(new URL('../fixtures/app/reports/rocket-flameout.md', import.meta.url), 'utf8'),
};
const OTHER = 'acme/launchpad';
const DIR = '.github/crash-signatures';
const PUMA = 'puma-m4-sptm-yjit';

/** The hostile files a repository keeps in .github/crash-signatures/, and a settings file as bad. */
const BROKEN_FILES: Record<string, string> = {
  'alias-bomb.yml': fixture('alias-bomb.yml'),
  'regex-field.yml': fixture('regex-field.yml'),
  'broken-syntax.yml': fixture('broken-syntax.yml'),
  'binary.yml': `id: bin\u0000${'\u00ff'.repeat(50)}`,
  'huge.yml': `id: huge\nsummary: ${'x'.repeat(300 * 1024)}\n`,
  'nested.yml': `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  // A broken copy of a bundled incident: it must not replace (or remove) the bundled one.
  'puma-override.yml': `id: ${PUMA}\ntitle: broken override\nlabels: not-a-list\n`,
  'duplicate-a.yml': fixture('duplicate-id-a.yml'),
  'duplicate-b.yml': fixture('duplicate-id-b.yml'),
};
const BROKEN_SETTINGS = 'mode: loud\nmin_confidence: "high"\nextra_labels: [ok, @bad\n';

const counts = { brokenRepoCatalogs: 0, bundledKept: 0, otherRepoAffected: 0 };
const session = appSession('catalog', counts, (gh) => {
  for (const [name, text] of Object.entries(BROKEN_FILES)) gh.setFile(FULL_NAME, `${DIR}/${name}`, text);
  gh.setPermission(FULL_NAME, 'maintainer', 'maintain');
  gh.setFile(OTHER, `${DIR}/rocket-flameout.yml`, rocketIncident);
});
const start = (): Promise<ReliableApp> => session.start();

describe("a repository's broken incident files", () => {
  it('do not disable the bundled catalog there, and do not touch another repository', async () => {
    const running = await start();
    counts.brokenRepoCatalogs += 1;
    // Both repositories at once: the broken one with a bundled-catalog report, the other with its own.
    await Promise.all([
      running.send('issues', issueOpened({ number: 1, ...MATCHING })),
      running.send('issues', inRepo(issueOpened({ number: 1, ...ROCKET }), OTHER)),
      running.send('issues', inRepo(issueOpened({ number: 2, ...MATCHING }), OTHER)),
    ]);
    await running.idle();

    const here = session.gh.appComments(FULL_NAME, 1);
    if (here.length === 1 && readMarker(here[0]!.body)?.incident === PUMA) counts.bundledKept += 1;
    expect(here.map((c) => readMarker(c.body))).toEqual([{ state: 'matched', incident: PUMA }]);
    // The broken override did not replace the bundled text either.
    expect(here[0]!.body).not.toContain('broken override');

    const there = [session.gh.appComments(OTHER, 1), session.gh.appComments(OTHER, 2)].map((cs) =>
      cs.map((c) => readMarker(c.body)),
    );
    const expected = [
      [{ state: 'matched', incident: 'rocket-igniter-flameout' }],
      [{ state: 'matched', incident: PUMA }],
    ];
    if (JSON.stringify(there) !== JSON.stringify(expected)) counts.otherRepoAffected += 1;
    expect(there).toEqual(expected);

    // Each bad file is named in a warning with its field; none for the other repository; no errors.
    const warnings = running.logs().filter((l) => l.msg === 'incident file skipped');
    const named = new Set(warnings.map((w) => String(w.file)));
    for (const name of Object.keys(BROKEN_FILES).filter((n) => n !== 'duplicate-a.yml')) {
      expect(named, name).toContain(`${FULL_NAME}:.github/crash-signatures/${name}`);
    }
    expect(warnings.every((w) => typeof w.field === 'string' && w.field !== '')).toBe(true);
    expect(warnings.some((w) => String(w.file).startsWith(OTHER))).toBe(false);
    expect(running.logs().filter((l) => l.level >= LEVEL.error)).toEqual([]);
  });

  it('are listed by file and field in the /triage reply, which stays safe to post', async () => {
    const running = await start();
    counts.brokenRepoCatalogs += 1;
    session.gh.setFile(FULL_NAME, '.github/crash-triage.yml', BROKEN_SETTINGS);
    session.gh.addComment(FULL_NAME, 3, { id: 7003, body: '/triage', login: 'maintainer' });
    await running.send(
      'issue_comment',
      commentCreated({ number: 3, ...MATCHING }, { id: 7003, body: '/triage', login: 'maintainer' }),
    );
    await running.idle();

    const [comment] = session.gh.appComments(FULL_NAME, 3);
    if (comment && readMarker(comment.body)?.incident === PUMA) counts.bundledKept += 1;
    expect(readMarker(comment!.body)).toEqual({ state: 'matched', incident: PUMA });
    expect(comment!.body).toContain('Configuration problems');
    expect(comment!.body).toContain('`acme/rocket:.github/crash-signatures/regex-field.yml`');
    expect(comment!.body).toContain('`acme/rocket:.github/crash-signatures/alias-bomb.yml` | `(yaml)`');
    expect(comment!.body).toContain('`acme/rocket:.github/crash-triage.yml`');
    expect(auditProblems(auditComment(comment!.body))).toEqual([]);
  });

  it('a huge file is refused from the listing, before its blob is downloaded', async () => {
    const running = await start();
    await running.send('issues', issueOpened({ number: 4, ...MATCHING }));
    await running.idle();
    const blobs = session.gh.requests.filter((r) => r.path.includes('/git/blobs/'));
    expect(blobs.length).toBe(Object.keys(BROKEN_FILES).length - 1);
  });
});
