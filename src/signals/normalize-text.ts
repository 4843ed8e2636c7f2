// The normalization table: an ordered list of named rules that replace what varies between two reports
// of the same crash (addresses, ids, dates, user names, build hashes, offsets, colours) with plain
// placeholder words. The matcher tokenizes the result with `tokenize()`, so each placeholder is a word
// that the tokenizer keeps as its own token (`addr`, `uuid`, `timestamp`, `hash`, `pid`).
//
// Every pattern is linear: no nested quantifiers, bounded repeats, and starts anchored by a literal or
// a look-behind so a failed attempt costs O(1). No pattern crosses a line break, so the table can run
// over a whole text at once and still keep its line structure.

export interface NormalizationRule {
  name: string;
  /** Global regex; never matches `\n`. */
  pattern: RegExp;
  /** Replacement text (`$1` allowed), or a function of the match. */
  replacement: string | ((match: string) => string);
  why: string;
  /** A line before and after this rule (and the whole table) has run on it. */
  example: { before: string; after: string };
}

export const NORMALIZATION_RULES: readonly NormalizationRule[] = [
  {
    name: 'ansi-escape',
    // ESC, optionally followed by a CSI sequence (`ESC[1;31m`); a lone ESC is dropped too.
    pattern: /\x1b(?:\[[0-9;?]{0,32}[ -/]{0,4}[@-~])?/g,
    replacement: '',
    why: 'terminal colours wrap words in escape codes that differ between terminals, not crashes',
    example: { before: '\x1b[1;31mfatal error:\x1b[0m out of memory', after: 'fatal error: out of memory' },
  },
  {
    name: 'hex-identifier',
    // A hex run at a word start: an 8-4-4-4-12 UUID → `uuid`; 16..64 hex characters with at least one
    // digit and one letter (a commit, build id or bare address) → `hash`. One pattern for both because
    // both start with a hex run and every pass over the text costs; the digit/letter test looks behind
    // the run so only whole runs pay for it.
    pattern:
      /\b[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b|[0-9a-fA-F]{8,56}\b(?<=[0-9][0-9a-fA-F]{0,63})(?<=[a-fA-F][0-9a-fA-F]{0,63}))/g,
    replacement: (match) => (match.length === 36 && match[8] === '-' ? 'uuid' : 'hash'),
    why: 'UUIDs identify one machine, boot or report, hashes one build; never the crash',
    example: {
      before:
        'Kernel UUID: 1B3C5D7E-2A4B-4C6D-8E0F-A1B2C3D4E5F6, commit 3f9d2c41b7a8e6d5c4b3a29180f7e6d5c4b3a291',
      after: 'Kernel UUID: uuid, commit hash',
    },
  },
  {
    name: 'iso-timestamp',
    // ISO-8601 dates with optional time, fraction and zone (`2024-11-05T10:22:33.123+01:00`).
    pattern:
      /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?\b/g,
    replacement: 'timestamp',
    why: 'when a crash happened differs between every report of it',
    example: {
      before: 'Date/Time: 2024-11-05 10:22:33.4817 +0100',
      after: 'Date/Time: timestamp',
    },
  },
  {
    name: 'weekday-date',
    // `Mon Aug 25` style dates from kernel version strings and syslog headers.
    pattern:
      /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6},? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6} {1,2}\d{1,2}\b/g,
    replacement: 'date',
    why: 'build and log dates vary between machines and releases',
    example: { before: 'Last login: Tue Oct  8 on ttys001', after: 'Last login: date on ttys001' },
  },
  {
    name: 'clock-time',
    // `21:17:51` or `09:03:12.042`: a time of day left over after dates.
    pattern: /\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\b/g,
    replacement: 'clock',
    why: 'log lines start with the time they were written',
    example: { before: '[09:03:12.042] worker 3 booted', after: '[clock] worker 3 booted' },
  },
  {
    name: 'home-path-unix',
    // `/Users/<name>/` and `/home/<name>/`: the user name is personal and varies.
    pattern: /(?<![\w.-])\/(?:Users|home)\/[^/\s:'"`()]{1,64}\//g,
    replacement: '~/',
    why: 'paths under a home folder carry the reporter’s user name',
    example: {
      before: 'at /Users/alice/src/app/lib/worker.js:14:22',
      after: 'at ~/src/app/lib/worker.js:14:22',
    },
  },
  {
    name: 'home-path-windows',
    // `C:\Users\<name>\`, also with doubled (JSON-escaped) or forward slashes.
    pattern: /\b[A-Za-z]:[\\/]{1,2}[Uu]sers[\\/]{1,2}[^\\/\s:'"`()]{1,64}[\\/]{1,2}/g,
    replacement: '~\\',
    why: 'Windows profile folders carry the reporter’s user name',
    example: {
      before: 'in C:\\Users\\carol\\source\\Demo\\Program.cs:line 42',
      after: 'in ~\\source\\Demo\\Program.cs:line 42',
    },
  },
  {
    name: 'macos-temp-folder',
    // `/var/folders/xy/abc123.../T/`: a per-user random temp folder on macOS.
    pattern: /\/var\/folders\/[\w+-]{1,8}\/[\w+-]{1,64}\//g,
    replacement: '/tmp/',
    why: 'the two random folder names differ on every Mac',
    example: { before: 'cd /var/folders/5k/q1w2e3r4t5y6_x/T/build', after: 'cd /tmp/T/build' },
  },
  {
    name: 'hex-address',
    // `0x` + 9..64 hex digits is a pointer or address; `0x` + up to 8 digits is kept (often an error code
    // such as `0xfae94003` or `0xc0000005`).
    pattern: /\b0x[0-9a-fA-F]{9,64}(?![\w])/g,
    replacement: 'addr',
    why: 'addresses change with ASLR on every run; short hex numbers are usually codes and stay',
    example: {
      before: '#4  0x00005555555b18a7 in newhpart (L=0x5555556882a0) errcode 0xfae94003',
      after: '#4  addr in newhpart (L=addr) errcode 0xfae94003',
    },
  },
  {
    name: 'build-revision',
    // A 7..15 hex id (with a letter) after `revision` or `build` in version banners: `ruby 3.4.1 (2024-12-25
    // revision 48d4efcb85)`, `Docker version 27.3.1, build ce12230`. A commit named in prose stays.
    pattern: /\b(revision|build)([ :=@-]{1,3})(?=[0-9]{0,14}[a-f])[0-9a-f]{7,15}\b/g,
    replacement: '$1$2hash',
    why: 'the build of a release differs between machines; the release version is the signal',
    example: { before: 'ruby 3.4.1 (revision 48d4efcb85) +YJIT', after: 'ruby 3.4.1 (revision hash) +YJIT' },
  },
  {
    name: 'bracketed-pid',
    // `[12345]` or `[12345:67890]`: a process (and thread) id in brackets, as loggers print it.
    pattern: /\[\d{3,7}(?:[:/.]\d{1,7})?\]/g,
    replacement: '[pid]',
    why: 'process and thread ids are assigned per run',
    example: { before: 'puma[48213]: worker 2 died', after: 'puma[pid]: worker 2 died' },
  },
  {
    name: 'pid-field',
    // `pid 4711`, `pid=4711`, `tid: 59`: a named process or thread id.
    pattern: /\b(pid|tid)(\s?[:=#]?\s?)\d{1,7}\b/g,
    replacement: '$1$2$1',
    why: 'process and thread ids are assigned per run',
    example: { before: 'Panicked task: pid 4711: ruby', after: 'Panicked task: pid pid: ruby' },
  },
  {
    name: 'symbol-offset-spaced',
    // ` + 180` after a symbol at the end of a frame (macOS crash reports, lldb, sample output); the
    // literal comes first and the symbol is checked behind it, so the scan jumps from `+` to `+`.
    pattern: / \+ (?<=[\w\]>)] \+ )(?:0x[0-9a-fA-F]{1,16}|\d{1,9})(?=[ \t]*(?:\n|$)|[ \t]+[([])/g,
    replacement: '',
    why: 'the offset into a function changes with every build; the function name is the signal',
    example: {
      before: '2   libsystem_c.dylib   addr abort + 180',
      after: '2   libsystem_c.dylib   addr abort',
    },
  },
  {
    name: 'symbol-offset-attached',
    // `+0x1c` or `+301` glued to a symbol (`lj_gc_step+100`, `ntdll!RtlRaise+0x4e`).
    pattern: /\+(?<=[\w\]>)(]\+)(?:0x[0-9a-fA-F]{1,16}|\d{1,9})(?![\w.])/g,
    replacement: '',
    why: 'the offset into a function changes with every build; the function name is the signal',
    example: { before: '#10 addr in lj_gc_step+100', after: '#10 addr in lj_gc_step' },
  },
  {
    name: 'go-pc-offset',
    // ` +0x19c` after `file.go:76` in Go tracebacks: the pc offset in the function.
    pattern: / \+0x(?<=:\d{1,7} \+0x)[0-9a-fA-F]{1,16}(?![\w])/g,
    replacement: '',
    why: 'the pc offset changes with every build',
    example: {
      before: '\t/srv/app/internal/poller/poll.go:76 +0x19c',
      after: '\t/srv/app/internal/poller/poll.go:76',
    },
  },
];

/** Runs one rule (for tests and for the debug view of a single rule). */
export function applyRule(rule: NormalizationRule, text: string): string {
  rule.pattern.lastIndex = 0;
  const { replacement } = rule;
  return typeof replacement === 'string'
    ? text.replace(rule.pattern, replacement)
    : text.replace(rule.pattern, replacement);
}

/** Runs the whole table, in order. Line breaks are preserved: the output has as many lines as the input. */
export function normalizeText(text: string): string {
  let out = text;
  for (const rule of NORMALIZATION_RULES) out = applyRule(rule, out);
  return out;
}
