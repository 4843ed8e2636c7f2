// Words every crash report uses. As incident keywords they count for little: "crash" or "segfault" in
// a report says nothing about which crash it is. Compared after stemming.
import { stem } from '../text/tokenize.js';

const GENERIC = [
  // the event itself
  'crash',
  'crashes',
  'crashed',
  'crashing',
  'panic',
  'panicked',
  'fatal',
  'error',
  'errors',
  'fail',
  'failed',
  'failure',
  'bug',
  'issue',
  'problem',
  'broken',
  'exception',
  'abort',
  'aborted',
  'segfault',
  'hang',
  // signals and exception types every platform prints
  'sigabrt',
  'sigsegv',
  'sigbus',
  'sigill',
  'sigtrap',
  'exc_bad_access',
  'exc_crash',
  'segmentation',
  'fault',
  // where it happened, in the vaguest terms
  'kernel',
  'thread',
  'process',
  'memory',
  'stack',
  'backtrace',
  'trace',
  'startup',
  'start',
  'running',
  'mac',
  'macos',
  'linux',
  'windows',
  'apple',
  'version',
  'update',
  'upgrade',
];

const GENERIC_STEMS = new Set(GENERIC.map(stem));

/** True when every token of a (stemmed) phrase is generic crash vocabulary. */
export function isGenericPhrase(stems: readonly string[]): boolean {
  return stems.every((t) => GENERIC_STEMS.has(t));
}
