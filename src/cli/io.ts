// The CLI's only window on the terminal, passed to each command so tests can capture output.
import type { CatalogProblem } from '../types.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
  /** Prints a usage error and returns exit code 2. */
  usage(message: string, usage: string): number;
}

export function processIo(): Io {
  // `crash-triage eval … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    usage(message, usage) {
      this.err(`crash-triage: ${message}`);
      this.err(usage);
      return 2;
    },
  };
}

/** `file: field: problem` lines on stderr (catalog problems do not stop a match or an eval). */
export function printProblems(problems: readonly CatalogProblem[], io: Io): void {
  for (const p of problems) io.err(formatProblem(p));
}

export function formatProblem(p: CatalogProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}
