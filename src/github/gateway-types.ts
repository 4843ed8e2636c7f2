// What the triage job asks of GitHub, as interfaces: the job and the plan depend on these, not on
// Octokit, so the Octokit gateway and the dry-run gateway are interchangeable and the pipeline is testable.
import type { RawConfig } from '../config/load-config.js';
import type { MarkerData } from '../render/comment-marker.js';
import type { LabelSpec } from '../triage/label-specs.js';
import type { CatalogProblem } from '../types.js';

/** The app's own comment on an issue, found by its hidden marker. */
export interface OwnComment {
  id: number;
  body: string;
  marker: MarkerData;
}

/** One incident file of a repository, read from its default branch. */
export interface RepoIncidentFile {
  /** `owner/repo:path`, for messages. */
  source: string;
  /** Git blob sha: the cache key of the parsed and compiled catalog. */
  sha: string;
  text: string;
}

export interface RepoIncidentFiles {
  files: RepoIncidentFile[];
  /** Files that could not be read (too big, not a file): named by file and field. */
  problems: CatalogProblem[];
}

/** A repository permission as GitHub names it: `admin`, `maintain`, `write`, `triage`, `read`, a custom role, or `none`. */
export interface Permission {
  role: string;
  /** The base permission a custom role builds on (`admin`, `write`, `read`, `none`). */
  base: string;
}

export type Reaction = 'eyes' | '+1';

/** Reads: never change anything on GitHub. */
export interface IssueReader {
  readConfig(): Promise<RawConfig>;
  readIncidentFiles(dir: string): Promise<RepoIncidentFiles>;
  findOwnComment(): Promise<OwnComment | null>;
  getPermission(login: string): Promise<Permission>;
}

/** Writes: the only calls that change an issue. The dry-run gateway logs them instead. */
export interface IssueWriter {
  createComment(body: string): Promise<void>;
  updateComment(commentId: number, body: string): Promise<void>;
  /** Adds labels to the issue, creating a label the repository does not have with its colour and description. */
  addLabels(labels: readonly LabelSpec[]): Promise<void>;
  removeLabels(names: readonly string[]): Promise<void>;
  react(commentId: number, content: Reaction): Promise<void>;
}

export type IssueGateway = IssueReader & IssueWriter;
