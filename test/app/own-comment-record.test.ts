// The own-comment record: it proves "the app has no comment here" only for an issue created (GitHub's
// clock) after the first API answer the process saw, by more than the margin, that it has not noted, and
// only while nothing it noted since the issue was created has been forgotten. `always` turns the proof off,
// and nothing is proved before GitHub's time is known.
import { describe, expect, it } from 'vitest';
import { createOwnCommentRecord } from '../../src/github/own-comment-record.js';

const T0 = Date.parse('2025-06-01T12:00:00Z');
const MIN = 60_000;
const at = (ms: number): string => new Date(ms).toISOString();
const issue = (number: number, createdAt: string | null | undefined) => ({
  repo: 'Acme/Rocket',
  number,
  createdAt,
});

describe('createOwnCommentRecord', () => {
  it.each<[string, string | null | undefined, boolean]>([
    ['created after start + margin', at(T0 + 6 * MIN), true],
    ['created exactly at start + margin', at(T0 + 5 * MIN), true],
    ['created within the margin after start', at(T0 + 4 * MIN), false],
    ['created before the process started (e.g. a redelivery after a restart)', at(T0 - 60 * MIN), false],
    ['GitHub format without milliseconds', '2025-06-01T12:10:00Z', true],
    ['no created_at', undefined, false],
    ['null created_at', null, false],
    ['unreadable created_at', 'yesterday', false],
  ])('proves no comment for an issue %s: %s', (_name, createdAt, expected) => {
    const record = createOwnCommentRecord({ clockSkewMs: 5 * MIN });
    record.observe(T0);
    expect(record.provesNone(issue(1, createdAt))).toBe(expected);
  });

  it("proves nothing before it has seen GitHub's time, whatever this machine's clock says", () => {
    const record = createOwnCommentRecord({ clockSkewMs: 0 });
    expect(record.provesNone(issue(1, at(Date.now() + 60 * MIN)))).toBe(false);
    record.observe(T0 + 60 * MIN);
    record.observe(T0); // an older Date header does not move the horizon back
    expect(record.provesNone(issue(1, at(T0 + 30 * MIN)))).toBe(false);
    expect(record.provesNone(issue(1, at(T0 + 61 * MIN)))).toBe(true);
  });

  it('never proves it for an issue it has noted (whatever the case of the repository name)', () => {
    const record = createOwnCommentRecord({ clockSkewMs: 0 });
    record.observe(T0);
    record.note({ repo: 'acme/rocket', number: 7 });
    expect(record.provesNone(issue(7, at(T0 + MIN)))).toBe(false);
    expect(record.provesNone(issue(8, at(T0 + MIN)))).toBe(true);
  });

  it('after forgetting an issue, proves nothing for issues created before the forgetting', () => {
    const record = createOwnCommentRecord({ clockSkewMs: MIN, maxIssues: 2 });
    record.observe(T0);
    record.note({ repo: 'o/r', number: 1 });
    record.note({ repo: 'o/r', number: 2 });
    record.observe(T0 + 10 * MIN);
    expect(record.provesNone(issue(3, at(T0 + 5 * MIN)))).toBe(true);
    record.note({ repo: 'o/r', number: 4 }); // forgets #1: the horizon moves to T0 + 10 min
    expect(record.provesNone(issue(3, at(T0 + 5 * MIN)))).toBe(false);
    expect(record.provesNone(issue(1, at(T0 + 5 * MIN)))).toBe(false);
    expect(record.provesNone(issue(5, at(T0 + 12 * MIN)))).toBe(true);
    // Noting an issue it already holds forgets nothing.
    record.observe(T0 + 20 * MIN);
    record.note({ repo: 'o/r', number: 4 });
    expect(record.provesNone(issue(5, at(T0 + 12 * MIN)))).toBe(true);
  });

  it("proves nothing with lookup 'always' (several replicas)", () => {
    const record = createOwnCommentRecord({ clockSkewMs: 0, lookup: 'always' });
    record.observe(T0);
    expect(record.provesNone(issue(1, at(T0 + 60 * MIN)))).toBe(false);
  });
});
