// The bounds that keep signal extraction fast on hostile input: how much of a report is read and how
// many items of each kind are kept. One place, so the notes and the tests name the same numbers.

/** Characters kept from the start of a body that is longer than HEAD + TAIL. */
export const MAX_HEAD_CHARS = 128 * 1024;
/** Characters kept from the end of such a body (crash output is often pasted last). */
export const MAX_TAIL_CHARS = 64 * 1024;
/** How far a cut may move to land on a line break instead of mid-line. */
export const CUT_SLACK_CHARS = 4096;
/** Longest title kept; titles are one line. */
export const MAX_TITLE_CHARS = 1000;
/** Longest line scanned; the rest of a longer line (minified code, base64, binary) is cut. */
export const MAX_LINE_CHARS = 4000;

export const MAX_FRAMES = 400;
export const MAX_CRASH_LINES = 100;
export const MAX_CRASH_LINE_CHARS = 500;
export const MAX_CODES = 100;
export const MAX_LOCATIONS = 100;
export const MAX_SIGNALS = 50;
export const MAX_FACTS = 100;
export const MAX_CODE_BLOCKS = 200;
/** Shortest inline code span kept as a code block: shorter ones are names in prose (`dev2`, `YJIT`). */
export const MIN_INLINE_CODE_CHARS = 16;
/**
 * Facts are read from at most this much non-frame, non-dump text (head and tail): platform details sit in
 * the environment section, the crash-report header or a version banner, not in the middle of a long log.
 */
export const MAX_FACT_HEAD_CHARS = 12 * 1024;
export const MAX_FACT_TAIL_CHARS = 4 * 1024;
/** Longest fact source kept (the text a fact was read from). */
export const MAX_FACT_SOURCE_CHARS = 120;
