// What the triage job needs from the world, declared here by the layer that uses it: the issue as plain
// facts, the gateway to GitHub (src/github implements it; the dry run wraps it), the runner of the pure
// triage (src/queue implements it, on threads or inline) and a logger. The Probot app, the GitHub Action
// and the tests are adapters that fill these in; nothing in src/triage knows which one it runs under.
import type { Command } from '../commands/parse-command.js';
import type { RawConfig } from '../config/load-config.js';
import type { RenderOptions } from '../render/render-comment.js';
import type { MarkerData } from '../render/comment-marker.js';
import type {
  CatalogProblem,
  IssueInput,
  LabelSpec,
  Permission,
  RenderedComment,
  RepoIncidentFile,
  RepoIncidentFiles,
  Verdict,
} from '../types.js';

/** What started the job. */
export type Trigger =
  | { kind: 'opened' }
  | { kind: 'edited' }
  | { kind: 'command'; command: Command; by: string; commentId: number };

/** The issue as the job sees it: plain data, whatever delivered it (a webhook, an Action event, a listing). */
export interface IssueFacts {
  /** `owner/name`. */
  repo: string;
  /** The repository's id: unlike its name, it survives a rename. */
  repoId: number | null;
  number: number;
  title: string;
  body: string;
  /** GitHub's `created_at`, when known (lets the job prove it has not commented yet). */
  createdAt: string | null;
  /** Label names on the issue when the event was sent. */
  labels: string[];
  /** Comments on the issue when the event was sent. */
  commentCount: number;
  trigger: Trigger;
}

/** The app's own comment on an issue, found by its hidden marker. */
export interface OwnComment {
  id: number;
  body: string;
  marker: MarkerData;
}

export type Reaction = 'eyes' | '+1';

/** Reads: never change anything on GitHub. */
export interface IssueReader {
  readConfig(): Promise<RawConfig>;
  /**
   * The incident folder `dir` of the issue's repository, or of `from` (`owner/name`, a shared catalog):
   * a shared repository that cannot be read (404, 403) is a problem with field `incident_repos`.
   */
  readIncidentFiles(dir: string, from?: string): Promise<RepoIncidentFiles>;
  findOwnComment(): Promise<OwnComment | null>;
  getPermission(login: string): Promise<Permission>;
  /**
   * True only when the app has certainly not commented on the issue yet (so the lookup can be skipped).
   * `createdAt` is the issue's `created_at`. Answering false is always safe.
   */
  provesNoOwnComment(createdAt: string | null): boolean;
}

/** Writes: the only calls that change an issue. The dry run logs them instead. */
export interface IssueWriter {
  /** `locked`: the issue is locked and GitHub refused the comment (the labels still go on). */
  createComment(body: string): Promise<'created' | 'locked' | void>;
  updateComment(commentId: number, body: string): Promise<void>;
  /** Adds labels to the issue, creating a label the repository does not have with its colour and description. */
  /** `refused`: GitHub's validation refused the labels (the rest of the plan still runs). */
  addLabels(labels: readonly LabelSpec[]): Promise<'added' | 'refused' | void>;
  removeLabels(names: readonly string[]): Promise<void>;
  react(commentId: number, content: Reaction): Promise<void>;
}

export type IssueGateway = IssueReader & IssueWriter;

/** One triage, as plain data: it crosses to a triage thread as it is. */
export interface TriageTask {
  input: IssueInput;
  minConfidence: number;
  render: RenderOptions;
  /** The catalog: the bundled incidents and/or the repository's incident files. */
  catalog: { useBundled: boolean; files: RepoIncidentFile[] };
  /** `/triage as <id>`: render this incident's comment (chosen by `by`) instead of matching. */
  chosen?: { incidentId: string; by: string };
  /** Incidents a maintainer ruled out on this issue (`/triage not`, kept in the comment's marker). */
  ruledOut?: string[];
  /** An incident whose labels the plan may have to take off (the one the app's comment names now). */
  previous?: string;
}

/** The incident a comment is about, as much as the plan needs of it. */
export interface IncidentRef {
  id: string;
  title: string;
}

/** The one answer of a triage, the same from a thread or inline. */
export interface TriageOutcome {
  /** The matcher's verdict; null when an incident was chosen (`chosen`). */
  verdict: Verdict | null;
  /** The incident the comment is about (matched or chosen), and its comment with its labels. */
  incident: IncidentRef | null;
  comment: RenderedComment | null;
  /** `chosen` named an incident the catalog lacks: the ids it has. */
  unknownChosen: { id: string; known: string[] } | null;
  /** The labels of `previous` (empty when it is not in the catalog). */
  previousLabels: string[];
  /** Incident files that were skipped, by file and field. */
  problems: CatalogProblem[];
}

/** Runs the pure triage somewhere (a triage thread, or the main thread between webhooks). */
export interface TriageRunner {
  run(task: TriageTask): Promise<TriageOutcome>;
}

/** The logger the job writes to: pino's shape (Probot's), or the Action's. */
export interface JobLog {
  debug(data: object, message: string): void;
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

export interface JobPorts {
  gateway: IssueGateway;
  triage: TriageRunner;
  log: JobLog;
  /** Called once, when only the writes are left (the queue lets another job start meanwhile). */
  beforeWrites?: () => void;
}
