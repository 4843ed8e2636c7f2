// The GitHub stand-in's memory: per repository, its files (default branch), labels, issues with their
// comments and labels, and collaborators' permissions. Plain data, so tests and the benchmark can look in.
import { createHash } from 'node:crypto';

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface StoredIssue {
  comments: StoredComment[];
  labels: string[];
}

export interface RepoState {
  /** Path → text, served by the contents API and as git blobs. */
  files: Map<string, string>;
  /** Lower-case name → label. */
  labels: Map<string, { name: string; color: string; description: string }>;
  issues: Map<number, StoredIssue>;
  /** Lower-case login → role (`admin`, `maintain`, `write`, `triage`, `read`). */
  permissions: Map<string, string>;
}

export interface StandInState {
  /** Who the app's comments are from. */
  bot: string;
  repo(name: string): RepoState;
  issue(repo: RepoState, issue: number): StoredIssue;
  nextId(): number;
}

export function createStandInState(bot: string): StandInState {
  const repos = new Map<string, RepoState>();
  let id = 1000;
  return {
    bot,
    repo(name) {
      let r = repos.get(name.toLowerCase());
      if (!r) {
        r = { files: new Map(), labels: new Map(), issues: new Map(), permissions: new Map() };
        repos.set(name.toLowerCase(), r);
      }
      return r;
    },
    issue(repo, n) {
      let i = repo.issues.get(n);
      if (!i) {
        i = { comments: [], labels: [] };
        repo.issues.set(n, i);
      }
      return i;
    },
    nextId: () => id++,
  };
}

/** Git's blob sha of a text, as GitHub reports it in folder listings. */
export function blobSha(text: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');
}
