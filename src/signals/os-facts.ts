// Operating-system fact rules: macOS in its many spellings (version, build number, Darwin kernel,
// target triple, marketing name), Apple's other systems, Linux distributions (a data table compiled
// into one pattern), Windows, the BSDs, SerenityOS and Android.
import type { FactRule } from './fact-rule.js';
import { dottedVersion } from './fact-rule.js';
import { isMacosVersion, MACOS_NAMES, macosFromBuild, macosFromDarwin } from './macos-version.js';

const lower = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' '); // `Big  Sur` → `big sur`

/** Linux distributions: how reports spell them → fact name. Longer spellings first. */
export const LINUX_DISTROS: Readonly<Record<string, string>> = {
  ubuntu: 'ubuntu',
  fedora: 'fedora',
  debian: 'debian',
  centos: 'centos',
  rhel: 'rhel',
  'red hat enterprise linux': 'rhel',
  'rocky linux': 'rocky linux',
  almalinux: 'almalinux',
  nixos: 'nixos',
  'alpine linux': 'alpine',
  alpine: 'alpine',
  'amazon linux': 'amazon linux',
  'arch linux': 'arch linux',
  gentoo: 'gentoo',
  opensuse: 'opensuse',
  'linux mint': 'linux mint',
};

// A distribution, an optional edition word, an optional version, over lower-cased text: `Ubuntu 22.04.3 LTS`,
// `Fedora Linux 42`, `Debian GNU/Linux 12`, `CentOS Stream 9`, `openSUSE Leap 15.6`, `alpine:3.19`.
const DISTRO = new RegExp(
  `\\b(${Object.keys(LINUX_DISTROS)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/ /g, '\\s'))
    .join(
      '|',
    )})(?: linux| gnu\\/linux| release| stream| leap| tumbleweed| server)?(?:[\\s:]v?(\\d{1,4}(?:\\.\\d{1,2}){0,2}))?\\b`,
  'g',
);

export const OS_RULES: readonly FactRule[] = [
  {
    // `macOS 15.1.1 (24B91)`, `MacOS 15.4 Beta (24E5206s)`, `Mac OS X 10.15.7`, `macOS Sequoia`, `macOS Version: 15.4`.
    kind: 'os',
    name: 'macos',
    lower: true,
    pattern:
      /\b(?:mac ?os(?: ?x)?|os ?x)(?: version)?:?\s{0,2}(?:(tahoe|sequoia|sonoma|ventura|monterey|big sur|catalina|mojave|high sierra|sierra|el capitan|yosemite)\s{0,2})?(?:v\s?)?(\d{1,2}(?:\.\d{1,2}){0,2})?(?:\s{0,2}(?:beta|rc|developer beta)(?:\s?\d{1,2})?)?(?:\s{0,2}\((?:build\s)?(\d{2}[a-h]\d{1,4}[a-z]?)\))?/g,
    version: (m) => {
      if (m[2] !== undefined && isMacosVersion(m[2])) return m[2];
      if (m[3] !== undefined) return macosFromBuild(m[3]);
      return m[1] === undefined ? undefined : MACOS_NAMES[lower(m[1])];
    },
    // `macOS 7` is no macOS release; a lower-case `os x` in prose is no product name.
    accept: (m, _t, original) =>
      (m[2] === undefined || isMacosVersion(m[2]) || m[3] !== undefined) && !/^os x$/.test(original.trim()),
  },
  {
    // Panic logs: `OS version: 25A354`; sw_vers: `BuildVersion: 24B83`.
    kind: 'os',
    name: 'macos',
    lower: true,
    pattern: /\b(?:os version|buildversion|build version):\s{0,4}(\d{2}[a-h]\d{1,4}[a-z]?)\b/g,
    version: (m) => macosFromBuild(m[1] as string),
    accept: (m) => macosFromBuild(m[1] as string) !== undefined,
  },
  {
    // sw_vers: `ProductVersion: 15.1.1` (next to `ProductName: macOS`).
    kind: 'os',
    name: 'macos',
    pattern: /\bProductVersion:\s{0,4}(\d{2}(?:\.\d{1,2}){0,2})\b/g,
    accept: (m) => isMacosVersion(m[1] as string),
  },
  {
    // `Darwin Kernel Version 24.1.0`.
    kind: 'os',
    name: 'macos',
    pattern: /\bDarwin Kernel Version (\d{1,2})\.(\d{1,2})/g,
    version: (m) => macosFromDarwin(Number(m[1]), Number(m[2])),
  },
  {
    // Target triples and Ruby platforms: `arm64-darwin24`, `aarch64-apple-darwin23.6.0`.
    kind: 'os',
    name: 'macos',
    lower: true,
    pattern: /-(?:apple-)?darwin(\d{1,2})(?:\.(\d{1,2}))?/g,
    version: (m) => macosFromDarwin(Number(m[1]), m[2] === undefined ? undefined : Number(m[2])),
  },
  {
    // A marketing name with a version and no `macOS`: `Sequoia 15.1`, `Sonoma 14.6.1`.
    kind: 'os',
    name: 'macos',
    pattern: /\b(?:Tahoe|Sequoia|Sonoma|Ventura|Monterey)\s(\d{2}(?:\.\d{1,2}){0,2})\b/g,
    accept: (m) => isMacosVersion(m[1] as string),
  },
  {
    // Apple's other systems: `iOS 18.1`, `iPadOS 17.2`.
    kind: 'os',
    name: (m) => lower(m[1]),
    pattern: /\b(iOS|iPadOS|watchOS|tvOS|visionOS)\s?(\d{1,2}(?:\.\d{1,2}){0,2})\b/g,
    version: (m) => m[2],
  },
  {
    kind: 'os',
    name: (m) => LINUX_DISTROS[lower(m[1])],
    lower: true,
    pattern: DISTRO,
    version: (m) => dottedVersion(m[2]),
    // A bare `Alpine` is also a JavaScript library: only `Alpine Linux` or Alpine with a version.
    accept: (m) => lower(m[1]) !== 'alpine' || m[2] !== undefined,
  },
  {
    // `AL2023`, also inside build paths like `AL2023_aarch64`.
    kind: 'os',
    name: 'amazon linux',
    pattern: /AL(?<![A-Za-z0-9]AL)(2023)(?![0-9])/g,
  },
  {
    // Linux without a distribution: `GNU/Linux`, `Linux 6.8.0`, `x86_64-linux-gnu`, Go's `linux/amd64`.
    kind: 'os',
    name: 'linux',
    lower: true,
    pattern:
      /\b(?:gnu\/linux\b|linux (\d\.\d{1,2}(?:\.\d{1,3})?)\b|linux[/-](?:gnu|musl|amd64|arm64|x86_64|aarch64)\b)/g,
  },
  {
    // `Windows 11`, `Windows 10 Pro 22H2`, `Win11`, `Windows Server 2022`, and
    // `Microsoft Windows [Version 10.0.22631.4460]` (builds from 22000 are Windows 11).
    kind: 'os',
    name: (m) => (m[2] === undefined ? 'windows' : 'windows server'),
    pattern:
      /\bWin(?:dows\s?(10|11|7|8\.1|8)\b|dows Server\s?(20\d\d)\b|(10|11)\b|dows \[Version 10\.0\.(\d{4,5})(?:\.\d{1,5})?\])/g,
    version: (m) => (m[4] !== undefined ? (Number(m[4]) >= 22000 ? '11' : '10') : (m[1] ?? m[2] ?? m[3])),
  },
  {
    // `FreeBSD 14.1-RELEASE`, `OpenBSD 7.5`, `SerenityOS`, `Android 14` (a bare `Android` is often `Android Studio`).
    kind: 'os',
    name: (m) => lower(m[1]).replace(' ', ''),
    lower: true,
    pattern: /\b(freebsd|openbsd|netbsd|serenity ?os|android(?=\s\d))(?:\s(\d{1,2}(?:\.\d{1,2}){0,2}))?/g,
    version: (m) => dottedVersion(m[2]),
  },
];
