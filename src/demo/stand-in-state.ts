// The GitHub stand-in's memory: per repository, its files (default branch), labels, issues (and pull
// requests, which GitHub lists with the issues) with their comments and labels, and collaborators' roles.
// Plain data, so the demo, the tests and the benchmark can set it up and look in.
import { createHash } from 'node:crypto';

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  createdAt: string;
  updatedAt: string;
}

export interface StoredIssue {
  id: number;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  /** Why it was closed, as GitHub says (`completed`, `not_planned`), or null. */
  stateReason: 'completed' | 'not_planned' | null;
  /** A pull request: listed with the issues, with a `pull_request` key, as GitHub does. */
  pullRequest: boolean;
  author: string;
  createdAt: string;
  updatedAt: string;
  comments: StoredComment[];
  labels: string[];
  /** GitHub refuses comments from the app on a locked issue (403). */
  locked: boolean;
  /** `deleted`: 404 on every route of the issue; `disabled`: issues are turned off in the repository (410). */
  gone: 'deleted' | 'disabled' | null;
  /** Reactions added to its comments. */
  reactions: number;
}

/** A collaborator's role (`admin`, `maintain`, `write`, `triage`, `read` or a custom one) and its base. */
export interface Role {
  role: string;
  base: string;
}

export interface RepoState {
  id: number;
  /** Added with `addRepo` (a repository also exists once it holds files, issues or collaborators). */
  declared: boolean;
  private: boolean;
  /** Path → text, served by the contents API and as git blobs. */
  files: Map<string, string>;
  /** Lower-case name → label. */
  labels: Map<string, { name: string; color: string; description: string }>;
  issues: Map<number, StoredIssue>;
  /** Lower-case login → role. */
  permissions: Map<string, Role>;
}

export interface CommentSeed {
  body: string;
  /** Default: a person, `someone`; `bot: true` makes it the app's bot's. */
  login?: string;
  bot?: boolean;
  id?: number;
  createdAt?: string;
}

export interface IssueSeed {
  title: string;
  body?: string;
  state?: 'open' | 'closed';
  /** Default: `completed` for a closed issue. */
  stateReason?: 'completed' | 'not_planned' | null;
  pullRequest?: boolean;
  author?: string;
  createdAt?: string;
  /** Default: `createdAt`. */
  updatedAt?: string;
  labels?: string[];
  comments?: CommentSeed[];
}

export interface StandInState {
  /** Who the app's comments are from. */
  bot: string;
  repo(name: string): RepoState;
  /** The repository, without creating it. */
  findRepo(name: string): RepoState | undefined;
  /** The issue numbered `n` (created, empty and open, on first use, as a webhook may name any issue). */
  issue(repo: RepoState, n: number): StoredIssue;
  /** A new issue, numbered after the last one. */
  addIssue(repo: RepoState, seed: IssueSeed): StoredIssue;
  addComment(issue: StoredIssue, seed: CommentSeed): StoredComment;
  nextId(): number;
}

export function createStandInState(bot: string): StandInState {
  const repos = new Map<string, RepoState>();
  let id = 1000;
  const nextId = (): number => id++;
  const now = (): string => new Date().toISOString();

  const state: StandInState = {
    bot,
    nextId,
    findRepo: (name) => repos.get(name.toLowerCase()),
    repo(name) {
      let r = repos.get(name.toLowerCase());
      if (!r) {
        r = {
          id: nextId(),
          declared: false,
          private: false,
          files: new Map(),
          labels: new Map(),
          issues: new Map(),
          permissions: new Map(),
        };
        repos.set(name.toLowerCase(), r);
      }
      return r;
    },
    issue(repo, n) {
      return repo.issues.get(n) ?? store(repo, n, { title: '' });
    },
    addIssue(repo, seed) {
      let last = 0;
      for (const n of repo.issues.keys()) last = Math.max(last, n);
      return store(repo, last + 1, seed);
    },
    addComment(issue, seed) {
      const at = seed.createdAt ?? now();
      const comment: StoredComment = {
        id: seed.id ?? nextId(),
        body: seed.body,
        user: seed.bot
          ? { login: bot, type: 'Bot' }
          : { login: seed.login ?? 'someone', type: seed.login?.endsWith('[bot]') ? 'Bot' : 'User' },
        createdAt: at,
        updatedAt: at,
      };
      issue.comments.push(comment);
      return comment;
    },
  };

  function store(repo: RepoState, n: number, seed: IssueSeed): StoredIssue {
    const created = seed.createdAt ?? now();
    const issue: StoredIssue = {
      id: nextId(),
      number: n,
      title: seed.title,
      body: seed.body ?? '',
      state: seed.state ?? 'open',
      stateReason:
        seed.stateReason !== undefined ? seed.stateReason : seed.state === 'closed' ? 'completed' : null,
      pullRequest: seed.pullRequest ?? false,
      author: seed.author ?? 'reporter',
      createdAt: created,
      updatedAt: seed.updatedAt ?? created,
      comments: [],
      labels: [...(seed.labels ?? [])],
      locked: false,
      gone: null,
      reactions: 0,
    };
    repo.issues.set(n, issue);
    for (const c of seed.comments ?? []) state.addComment(issue, c);
    return issue;
  }

  return state;
}

/** Whether `GET /repos/{owner}/{repo}` finds it: added, or holding anything. */
export function repoExists(repo: RepoState | undefined): repo is RepoState {
  return !!repo && (repo.declared || repo.files.size + repo.issues.size + repo.permissions.size > 0);
}

/** The base permission of a built-in role (a custom role names its base itself). */
export function baseOf(role: string): string {
  return role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
}

/** Git's blob sha of a text, as GitHub reports it in folder listings. */
export function blobSha(text: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');
}
