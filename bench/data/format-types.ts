// What a crash-log format generator is given and what it returns. A report is the format's header, the
// crash itself (where planted evidence goes), as many filler chunks as the target size needs (more
// threads, binary images, register dumps, goroutines, log lines: the boilerplate of that format), and
// a tail.
import type { Rng } from '../lib/prng.js';
import type { Product } from './vocabulary.js';

export type FormatName = 'ips' | 'kernel-panic' | 'gdb' | 'python' | 'rust' | 'go' | 'java' | 'js';

export interface CrashContext {
  rng: Rng;
  product: Product;
  /** Lines that state the failure (an incident's signatures when planted, generic errors otherwise). */
  messages: string[];
  /** Symbols of the frames nearest the crash, top first (boilerplate frames are added by the format). */
  frames: string[];
  /** Other symbols of the product, for the rest of the trace and other threads. */
  otherFrames: string[];
}

export interface CrashLog {
  /** Fence info string (`text`, `python`...). */
  lang: string;
  head: string;
  crash: string;
  /** One more chunk of this format's boilerplate; called until the report reaches its size. */
  more(): string;
  tail: string;
}

export type FormatGenerator = (ctx: CrashContext) => CrashLog;

/** `0x` and `digits` hex digits. */
export function addr(rng: Rng, digits = 16): string {
  return `0x${rng.hex(digits)}`;
}

/** A timestamp like `2024-11-03 14:07:31.402`, moving forward. */
export function timestamp(rng: Rng, base = Date.UTC(2024, 10, 3, 14, 0, 0)): string {
  return new Date(base + rng.int(86_400_000)).toISOString().replace('T', ' ').replace('Z', '');
}

/** Pads `s` to `n` characters (left-aligned). */
export function pad(s: string, n: number): string {
  return s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length);
}
