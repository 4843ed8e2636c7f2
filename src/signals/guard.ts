// Runs one extraction rule so that its failure becomes a note instead of an exception: a report that
// trips a bug in one rule still gets the signals of every other rule.

/** Calls `fn`; on a throw, records `<name> failed: <message>` in `notes` and returns `fallback`. */
export function guard<T>(notes: string[], name: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (err) {
    notes.push(`${name} failed: ${describeError(err)}`);
    return fallback;
  }
}

/** A short, safe description of anything thrown (reading `message` may itself throw on exotic values). */
export function describeError(err: unknown): string {
  try {
    const text = err instanceof Error ? err.message : String(err);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return 'unknown error';
  }
}
