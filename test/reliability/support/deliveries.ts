// Webhook payloads spread over many repositories and installations (each installation has its own
// write throttle, as on GitHub), and what the stand-in holds for them afterwards.
import { readFileSync } from 'node:fs';
import type { GitHubStandIn } from '../../../src/demo/github-stand-in.js';
import { issueEdited, issueOpened } from '../../fixtures/app/payloads.js';

const report = (name: string): string =>
  readFileSync(new URL(`../../fixtures/app/reports/${name}`, import.meta.url), 'utf8');
export const MATCHING = {
  title: 'Mac reboots when Puma starts its workers',
  body: report('m4-puma-panic.md'),
};
export const NOT_MATCHING = { title: 'Thumbnail worker segfaults', body: report('node-sharp-segfault.md') };
export const PUMA_LABELS = ['crash', 'known-incident', 'upstream: apple', 'platform: macos'];

/** Repository `acme/repo-<i>`, id 50000+i, in installation 60000+i. */
export function place(i: number) {
  return {
    repo: `acme/repo-${i}`,
    repository: {
      id: 50_000 + i,
      node_id: `R_${i}`,
      name: `repo-${i}`,
      full_name: `acme/repo-${i}`,
      private: false,
      owner: { login: 'acme', id: 501, type: 'Organization' },
      default_branch: 'main',
    },
    installation: { id: 60_000 + i, node_id: `I_${i}` },
  };
}

export function opened(i: number, number = 1, issue = MATCHING) {
  const { repository, installation } = place(i);
  return { ...issueOpened({ number, ...issue }), repository, installation };
}

export function edited(i: number, number: number, issue: typeof MATCHING, before: string, comments = 0) {
  const { repository, installation } = place(i);
  return { ...issueEdited({ number, ...issue, comments }, { body: before }), repository, installation };
}

/** The app's comments on an issue, and whether the issue has all the incident's labels. */
export function outcome(github: GitHubStandIn, i: number, number = 1) {
  const { repo } = place(i);
  const labels = github.issueLabels(repo, number);
  return {
    comments: github.comments(repo, number).filter((c) => c.user.type === 'Bot').length,
    labelled: PUMA_LABELS.every((l) => labels.includes(l)),
    anyLabel: labels.length > 0,
  };
}

/** The incident's labels exist in these repositories already (fewer throttled writes per job). */
export function labelsExist(github: GitHubStandIn, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    for (const name of PUMA_LABELS)
      github.state.repo(place(i).repo).labels.set(name, { name, color: 'ededed', description: '' });
  }
}
