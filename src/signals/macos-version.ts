// Translates the ways a crash report names a macOS release into a macOS version: build numbers
// (`24B83` → 15.1), Darwin kernel versions (`24.1.0` → 15.1), Darwin majors in target triples
// (`arm64-darwin24` → 15) and marketing names (`Sequoia` → 15).

// A macOS build: Darwin major, a letter for the minor release (A = .0, B = .1...), a number, an
// optional lower-case letter for betas (`24E5206s`). The release letter is read in either case because
// some rules match lower-cased text.
const BUILD = /^(\d{2})([A-Ha-h])(\d{1,4})([a-z]?)$/;

/** macOS major for a Darwin major: 20..24 → 11..15; 25 → 26 (macOS skipped to the year); 5..19 → 10.x. */
export function darwinToMacosMajor(darwin: number): string | undefined {
  if (!Number.isInteger(darwin) || darwin < 5 || darwin > 40) return undefined;
  if (darwin >= 25) return String(darwin + 1);
  if (darwin >= 20) return String(darwin - 9);
  return `10.${darwin - 4}`;
}

/** `24B83` → `15.1`, `25A354` → `26.0`, `19H15` → `10.15.7`; undefined when it is no macOS build. */
export function macosFromBuild(build: string): string | undefined {
  const m = BUILD.exec(build);
  if (m === null) return undefined;
  const major = darwinToMacosMajor(Number(m[1]));
  if (major === undefined) return undefined;
  const minor = (m[2] as string).toUpperCase().charCodeAt(0) - 65;
  return `${major}.${minor}`;
}

/** Darwin kernel `24.1.0` → macOS `15.1`; `19.6.0` → `10.15.6`. */
export function macosFromDarwin(major: number, minor?: number): string | undefined {
  const base = darwinToMacosMajor(major);
  if (base === undefined) return undefined;
  return minor === undefined ? base : `${base}.${minor}`;
}

/** Marketing names of macOS releases → their version. */
export const MACOS_NAMES: Readonly<Record<string, string>> = {
  tahoe: '26',
  sequoia: '15',
  sonoma: '14',
  ventura: '13',
  monterey: '12',
  'big sur': '11',
  catalina: '10.15',
  mojave: '10.14',
  'high sierra': '10.13',
  sierra: '10.12',
  'el capitan': '10.11',
  yosemite: '10.10',
};

/** True for a plausible macOS version string (10.x or 11..30). */
export function isMacosVersion(version: string): boolean {
  const major = Number(version.split('.')[0]);
  return major === 10 ? version.includes('.') : major >= 11 && major <= 30;
}
