// Webhook payloads for the reliability tests, built with test/fixtures/app/payloads.ts (any repository),
// and the comment each issue should end with: what the triage of its latest text renders.
import { loadCatalog } from '../../../src/catalog/bundled-catalog.js';
import { compileIndex } from '../../../src/match/compile-index.js';
import { triageIssue } from '../../../src/triage/triage-issue.js';
import { commentCreated, FULL_NAME, issueEdited, issueOpened } from '../../fixtures/app/payloads.js';
import { report } from '../../app/github-mocks.js';

export { commentCreated, FULL_NAME, issueEdited, issueOpened };

export const MATCHING = {
  title: 'Mac reboots when Puma starts its workers',
  body: report('m4-puma-panic.md'),
};
/** The same report after the reporter added their versions: still the same incident, a different comment. */
export const MATCHING_EDITED = {
  title: MATCHING.title,
  body: `${MATCHING.body}\n\nSame on a second machine, macOS 15.2 (24C101), Ruby 3.4.1 with --yjit.\n`,
};
export const NOT_MATCHING = {
  title: 'Thumbnail worker segfaults on big PNGs',
  body: report('node-sharp-segfault.md'),
};

/** `payload` moved to another repository (`owner/name`). */
export function inRepo<T extends { repository: { owner: object } }>(payload: T, fullName: string): T {
  const [owner, name] = fullName.split('/') as [string, string];
  return {
    ...payload,
    repository: {
      ...payload.repository,
      name,
      full_name: fullName,
      owner: { ...payload.repository.owner, login: owner },
    },
  };
}

const bundled = compileIndex(loadCatalog().incidents);

/** The app's comment for an issue's latest text with the bundled catalog and default settings, if any. */
export function expectedComment(issue: { title: string; body: string }, repo = FULL_NAME): string | null {
  const { comment } = triageIssue({
    input: { ...issue, repo },
    index: bundled,
    render: { labelPrefix: '', extraLabels: [] },
  });
  return comment?.body ?? null;
}

/** GitHub may store a comment with CRLF line ends and without the trailing newline (plan-triage's `same`). */
export function sameBody(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\r\n/g, '\n').replace(/\s+$/, '');
  return norm(a) === norm(b);
}
