// The data that flows through the triage pipeline, named at every arrow:
// IssueInput → Signals → Match[] → Verdict → RenderedComment → TriagePlan; and the small types every layer shares.
// Only plain data here: no behaviour, no imports.

/** What the app (or the CLI) knows about an issue when it triages it. */
export interface IssueInput {
  title: string;
  body: string;
  /** `owner/name`, used as context (an incident may name the repositories it is common in). */
  repo?: string;
}

/** A stack frame pulled out of a report, in any of the formats the extractor knows. */
export interface Frame {
  /** The function (symbol) name, normalized: no address, offset, argument list or `[inlined]`. */
  fn: string;
  /** Library / image / module the frame is in, when the format says (`libsystem_pthread.dylib`, `QEMULauncher`). */
  module?: string;
  /** Source file and line when given (`lj_err.c`, 111). */
  file?: string;
  line?: number;
  /** True for frames every crash has (`abort`, `raise`, `__pthread_kill`, `_sigtramp`, `main`...): never evidence. */
  boilerplate: boolean;
}

/** What kind of crash line a `CrashLine` is. */
export type CrashLineKind =
  | 'panic' // kernel panic, Rust/Go panic, YJIT panic
  | 'fatal' // Fatal Python error, fatal error:, FATAL
  | 'assertion' // assertion failed, Assertion `x' failed, ASSERT
  | 'exception' // uncaught exception / error type with its message (TypeError: ..., java.lang.NullPointerException)
  | 'error'; // other error lines that name the failure (QEMU error:, Error: ret = ...)

/** A line that states the failure itself, normalized (addresses, ids, paths replaced). */
export interface CrashLine {
  kind: CrashLineKind;
  text: string;
}

/** A platform or version fact: "macOS 15.1.1", "Apple M4 Max", "Python 3.13.0". */
export interface Fact {
  kind: 'os' | 'chip' | 'runtime';
  /** Lower-case product name: `macos`, `linux`, `serenityos`, `python`, `ruby`, `m4`, `m2 max`... */
  name: string;
  /** Dotted version when known (`15.1.1`); macOS build numbers are translated (`24B83` → `15.1`). */
  version?: string;
  /** The text it was read from (for an inferred fact: what it was inferred from). */
  source: string;
  /** Not written in the report but shown by it (a platform from its frames' libraries and paths). */
  inferred?: true;
}

/** Everything the matcher may use from one report. Produced by `extractSignals`, pure and deterministic. */
export interface Signals {
  title: string;
  /** Normalized text of title and body (capped; see notes), the input of phrase matching and text similarity. */
  text: string;
  /**
   * Negated clauses of the prose in `text` ("TSO is not enabled", "works on 3.12"), as flat [start, end)
   * offset pairs in order: what they mention is not the report's context (see negation-scope.ts).
   */
  negated: number[];
  /** Contents of fenced / indented code blocks and `<details>` blocks, normalized. */
  codeBlocks: string[];
  frames: Frame[];
  facts: Fact[];
  /** What the extractor did that a reader should know: truncation, skipped binary content, rules that failed. */
  notes: string[];
}

/** What else a report's text says, read on demand (`crash-triage match --signals`), not by the matcher. */
export interface ReportDetails {
  crashLines: CrashLine[];
  /** Symbolic (`HV_BAD_ARGUMENT`, `EXC_BAD_ACCESS`) and numeric (`0xfae94003`) error codes, as written. */
  errorCodes: string[];
  /** `file.ext:line` locations (`hvf.c:1044`, `sptm.c:406`). */
  locations: string[];
  /** Signals and exception types (`SIGABRT`, `SIGSEGV`, `EXC_BAD_ACCESS`, `EXC_CRASH`). */
  signals: string[];
  /** Caps reached and rules that failed while reading them. */
  notes: string[];
}

/** A reference link of an incident. */
export interface Reference {
  title: string;
  url: string;
}

/** A workaround: prose, and optionally a code block to copy. */
export interface Workaround {
  title: string;
  text?: string;
  code?: string;
  /** Language of `code` for the fence (`ruby`, `sh`...). */
  lang?: string;
}

/** A version that carries the fix. */
export interface FixedIn {
  product: string;
  version: string;
  note?: string;
}

/** The versions of a product an incident affects, as a range: `<15.2`, `>=3.13.0 <3.13.1`. */
export interface AffectedRange {
  product: string;
  range: string;
  note?: string;
}

/** A named group of phrases: satisfied when any phrase occurs in the report. */
export interface PhraseGroup {
  name: string;
  any: string[];
  /** Require groups: repositories (`owner/name`, `owner/*`) where a report shows the group by being filed there. */
  repos?: string[] | undefined;
}

/** An exclude group: rules a report out unless the incident's own signatures outweigh it (or always). */
export interface ExcludeGroup extends PhraseGroup {
  absolute?: boolean | undefined;
}

/** A weighted phrase. Phrases match whole tokens, case-insensitively, after normalization. */
export interface WeightedPhrase {
  phrase: string;
  weight: number;
}

/** How an incident is recognised. Validated by the catalog schema; see signatures/README.md. */
export interface MatchSpec {
  /** Strings specific to the incident (error messages, symbols, codes). Exact token match. */
  signatures: WeightedPhrase[];
  /** Function names that appear in its stack traces. Matched against extracted frames, fuzzily. */
  frames: WeightedPhrase[];
  /** Context words and phrases (stemmed match); weak evidence each. */
  keywords: WeightedPhrase[];
  /** Every group must be present for a verdict (context the incident requires). */
  require: PhraseGroup[];
  /** Any group present rules the incident out (a different cause with the same symptoms). */
  exclude: ExcludeGroup[];
  /** Repositories where the incident is reported (context, weak evidence). */
  repos: string[];
  /**
   * Ways the incident shows (the crash itself, an assertion on a second path…), each scored on its own
   * with the phrases and groups above plus its own; the best one wins. Empty: one way.
   */
  variants: MatchVariant[];
}

/** One way an incident shows: require groups and phrases added to the incident's own. */
export interface MatchVariant {
  name: string;
  require: PhraseGroup[];
  signatures: WeightedPhrase[];
  frames: WeightedPhrase[];
  keywords: WeightedPhrase[];
}

/** One documented incident, as loaded from a catalog file. */
export interface Incident {
  id: string;
  title: string;
  summary: string;
  labels: string[];
  cause: string;
  workarounds: Workaround[];
  fixedIn: FixedIn[];
  affects: AffectedRange[];
  references: Reference[];
  match: MatchSpec;
  examples: ExampleReport[];
  counterExamples: ExampleReport[];
  /** Where it was loaded from (file path or `owner/repo:path`), for messages. */
  /** In a compiled index only: the variant (`match.variants`) this copy of the incident stands for. */
  variant?: string;
  source: string;
}

/** An example report stored in an incident file: must (or must not) match it. */
export interface ExampleReport {
  title: string;
  body: string;
  repo?: string;
  /** For counter-examples: why it is a different problem. */
  note?: string;
}

/** A problem found while loading a catalog file: which file, which field, what. */
export interface CatalogProblem {
  file: string;
  field: string;
  message: string;
}

/** What kind of evidence an item is; drives both the score and the "why this matched" text. */
export type EvidenceKind =
  | 'signature'
  | 'frame'
  | 'fuzzy-frame'
  | 'keyword'
  | 'similarity'
  | 'repo'
  | 'required'
  | 'missing-required'
  | 'excluded'
  | 'negated'
  | 'variant'
  | 'version';

/** One reason behind a score: what matched, where, and how much it counted. */
export interface Evidence {
  kind: EvidenceKind;
  /** What the catalog asked for (the phrase, frame or group name). */
  detail: string;
  /** What in the report matched it, when different from `detail`. */
  matched?: string;
  /** Points added (negative for penalties; 0 for gates that only allow or block). */
  points: number;
}

/** An incident scored against one report. */
export interface Match {
  id: string;
  title: string;
  score: number;
  /** 0..1, calibrated so that a verdict needs `confidence >= minConfidence`. */
  confidence: number;
  /** False when a required group is missing or an exclude group is present: never a verdict. */
  eligible: boolean;
  evidence: Evidence[];
  /** Plain-language reasons for the reader: why it fell short, version notes. */
  reasons: string[];
  /** The reporter's own versions of the products the incident's fix and range name, and what they mean. */
  versions?: ReporterVersion[];
  /** The way the incident showed (`match.variants`), when it has several. */
  variant?: string;
}

/** A product version the report is on, judged against the incident's `fixed_in` / `affects`. */
export interface ReporterVersion {
  product: string;
  version: string;
  /** `affected`: before the fix (or inside the range); `fixed`: has the fix; `outside`: outside the range. */
  status: 'affected' | 'fixed' | 'outside';
  /** The version with the fix, when the incident names one. */
  fixedIn?: string;
}

/** The matcher's answer for one report. */
export interface Verdict {
  /** The incident id, or null when nothing is confident enough. */
  incidentId: string | null;
  confidence: number;
  /** Top candidates, best first (eligible or not), for explain / eval / JSON. */
  matches: Match[];
  /** Why there is no verdict, when there is none. */
  reason?: string;
  /** The score a verdict needs at the confidence asked for (for explanations). */
  neededScore?: number;
}

/** The comment the app would post, with its labels. */
export interface RenderedComment {
  body: string;
  labels: string[];
}

/** A label the app applies, with the colour and description it gives the label when it has to create it. */
export interface LabelSpec {
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  /** At most 100 characters (GitHub's limit). */
  description: string;
}

/** A repository permission as GitHub names it: `admin`, `maintain`, `write`, `triage`, `read`, a custom role, or `none`. */
export interface Permission {
  role: string;
  /** The base permission a custom role builds on (`admin`, `write`, `read`, `none`). */
  base: string;
}

/** One incident file of a repository, read from its default branch. */
export interface RepoIncidentFile {
  /** `owner/repo:path`, for messages. */
  source: string;
  /** Git blob sha: the cache key of the parsed and compiled catalog. */
  sha: string;
  text: string;
}

/** A repository's incident folder as read: the files, and those that could not be read. */
export interface RepoIncidentFiles {
  files: RepoIncidentFile[];
  /** Files that could not be read (too big, not a file, not UTF-8): named by file and field. */
  problems: CatalogProblem[];
}
