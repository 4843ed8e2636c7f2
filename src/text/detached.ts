// V8 keeps a substring of 13 or more characters as a view of its parent string, so a short string kept
// for long (a token in the catalog index or the stem cache, a field of a loaded incident) can keep a
// whole report's or file's text alive. `detached` returns a copy that holds only its own characters.

/** `s` as a string that does not hold on to the text it was cut from. */
export function detached(s: string): string {
  if (s.length < 13) return s;
  // A UTF-8 round trip gives the most compact copy (a flat string, 88 bytes for 40 characters, where a
  // slice of a fresh concatenation costs 160). A lone surrogate would not survive it: that rare string
  // is copied by slicing a new concatenation, which flattens it into its own characters first.
  return isWellFormed(s) ? Buffer.from(s, 'utf8').toString('utf8') : ` ${s}`.slice(1);
}

// String.prototype.isWellFormed is in Node 20 (V8 11.3), not in the ES2023 library this project targets.
function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** Replaces every string in a freshly built value (no cycles, nothing shared) with a detached copy. */
export function detachedStrings<T>(value: T): T {
  if (typeof value === 'string') return detached(value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detachedStrings(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = detachedStrings(record[key]);
  }
  return value;
}
