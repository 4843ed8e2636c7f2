// Strips what loggers and markdown put in front of a line of crash output: indentation, quote markers,
// list bullets, stray backticks, timestamps (raw or already normalized to placeholders) and
// `process[tag]:` prefixes (`app[web.1]:`, `puma[4711]:`). Frame and crash-line rules then see the
// line as the crashing program printed it.

// ISO timestamps: `2018-09-21T10:43:55.673998024Z`, `2024-01-01 12:00:00,123 +0100`.
const ISO_PREFIX =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?\s{1,4}/;
// Go's log package and others: `2020/02/13 19:41:05 ` (with optional microseconds).
const SLASH_DATE_PREFIX = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})?\s{1,4}/;
// The same after normalization: `timestamp `, `[clock] `, `date clock `, `[pid] `.
const PLACEHOLDER_PREFIX = /^(?:\[?(?:timestamp|clock|date)\]?|\[pid\])\s{1,4}/;
// syslog / Heroku style process tags: `app[web.1]: `, `kernel[0]: `.
const TAGGED_PROCESS = /^[\w.-]{1,40}\[[\w.:-]{1,20}\]:\s{1,4}/;

const MARKERS = ' \t>*+-`';
const MAX_ROUNDS = 6;

/** The line without leading markers and log prefixes, and without trailing whitespace. */
export function stripLogPrefix(raw: string): string {
  let line = raw;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let i = 0;
    while (i < line.length && MARKERS.includes(line[i] as string)) i++;
    if (i > 0) line = line.slice(i);
    const m = matchPrefix(line);
    if (m === 0) break;
    line = line.slice(m);
  }
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) <= 32) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** Length of a log prefix at the start of `line`, 0 when there is none (cheap tests first). */
function matchPrefix(line: string): number {
  const c = line.charCodeAt(0);
  if (c >= 48 && c <= 57 && line.length > 16 && line[13] === ':') {
    const m = (line[4] === '-' ? ISO_PREFIX : line[4] === '/' ? SLASH_DATE_PREFIX : null)?.exec(line);
    if (m != null) return m[0].length;
  }
  if (c === 91 /* [ */ || c === 116 /* t */ || c === 99 /* c */ || c === 100 /* d */) {
    const m = PLACEHOLDER_PREFIX.exec(line);
    if (m !== null) return m[0].length;
  }
  if (line.includes(']:')) {
    const m = TAGGED_PROCESS.exec(line);
    if (m !== null) return m[0].length;
  }
  return 0;
}
