// Dotted-version comparison and ranges like ">=3.13.0 <3.13.1", for "is the report on a fixed version?".
// Deliberately small: numeric parts only; pre-release suffixes are ignored (15.2 beta counts as 15.2).

/** Numeric parts of a version (`15.1.1` → [15, 1, 1]); null when it has none. */
export function parseVersion(v: string): number[] | null {
  const m = /^\s*v?(\d+(?:\.\d+){0,3})/.exec(v);
  if (!m) return null;
  return m[1]!.split('.').map(Number);
}

/** Negative when a < b, zero when equal (missing parts count as 0), positive when a > b. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const COMPARATOR = /^(<=|>=|<|>|=)?\s*(\d+(?:\.\d+){0,3})$/;

/** True when `version` satisfies every comparator of `range`; null when either cannot be read. */
export function inRange(version: string, range: string): boolean | null {
  const v = parseVersion(version);
  if (!v) return null;
  const parts = range.trim().split(/\s+(?=[<>=\d])/);
  for (const part of parts) {
    const m = COMPARATOR.exec(part.replace(/\s+/g, ''));
    if (!m) return null;
    const c = compareVersions(v, parseVersion(m[2]!)!);
    const op = m[1] ?? '=';
    const ok =
      op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : c === 0;
    if (!ok) return false;
  }
  return true;
}

/**
 * False when no version can satisfy `range` (">=3.13 <3.12", "<1.0 >1.0", "=2 =3"): an inverted or empty
 * range in an incident file. Null when it cannot be read. Checked on the versions at its bounds.
 */
export function rangeCanHold(range: string): boolean | null {
  const parts = range.trim().split(/\s+(?=[<>=\d])/);
  const bounds: number[][] = [];
  for (const part of parts) {
    const m = COMPARATOR.exec(part.replace(/\s+/g, ''));
    if (!m) return null;
    const v = parseVersion(m[2]!)!;
    bounds.push(v, [...v.slice(0, 3), ...Array<number>(Math.max(0, 3 - v.length)).fill(0), 1]);
    if (v.length > 0) bounds.push([...v.slice(0, -1), Math.max(0, v[v.length - 1]! - 1), 999]);
  }
  // Some version at or just beside a bound satisfies every comparator, or none does.
  return bounds.some((v) => inRange(v.join('.'), range) === true);
}
