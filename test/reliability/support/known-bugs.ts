// Bugs these tests found in src/, all fixed since. Each keeps a regression test that reproduces the
// original case exactly (itFailsKnownBug, now a plain `it`), and the fuzz and fault tests still count
// any comment that would show one of them apart from anything new.

export const KNOWN_BUGS = {
  /** render-comment.ts: report text in evidence tables is inline code with unescaped `|`. */
  tablePipe: 'table-pipe',
  /** render-comment.ts: report words quoted in reasons are rendered as Markdown/HTML. */
  reasonHtml: 'reason-html',
  /** render-comment.ts fit(): the cut at the size limit can land inside a code fence or <details>. */
  fitCut: 'fit-cut',
  /** parse-incident-file.ts: an unknown key is reported on its parent (`(file)`, `match`), not by name. */
  unknownKeyField: 'unknown-key-field',
  /** issue-gateway.ts: createComment is retried after a 5xx that GitHub had already stored. */
  retriedCreate: 'retried-create',
  /** plan-triage.ts: an `opened` job that runs after the `edited` one posts a comment for the old text. */
  staleOpened: 'stale-opened',
} as const;

export type KnownBug = (typeof KNOWN_BUGS)[keyof typeof KNOWN_BUGS];
