// Chip and architecture fact rules: Apple M1..M5 chips (with Pro/Max/Ultra), Apple board ids in
// kernel version strings (`RELEASE_ARM64_T8132` = M4), Mac model identifiers (`Mac16,6` = M4 family)
// and CPU architectures (x86_64, arm64). A bare `M4` needs an Apple word nearby: `M4` is also a macro
// processor, an audio format (`M4A`) and a rifle.
import type { FactRule } from './fact-rule.js';

/** Apple SoC board ids (as in `RELEASE_ARM64_T6041`) → chip. */
export const APPLE_BOARDS: Readonly<Record<string, string>> = {
  T8103: 'm1',
  T6000: 'm1 pro',
  T6001: 'm1 max',
  T6002: 'm1 ultra',
  T8112: 'm2',
  T6020: 'm2 pro',
  T6021: 'm2 max',
  T6022: 'm2 ultra',
  T8122: 'm3',
  T6030: 'm3 pro',
  T6031: 'm3 max',
  T6034: 'm3 max',
  T8132: 'm4',
  T6040: 'm4 pro',
  T6041: 'm4 max',
};

/** Mac model identifiers → chip, exact ones first (the M1 Macs kept their product-named ids). */
export const MAC_MODELS: Readonly<Record<string, string>> = {
  'MacBookAir10,1': 'm1',
  'MacBookPro17,1': 'm1',
  'Macmini9,1': 'm1',
  'iMac21,1': 'm1',
  'iMac21,2': 'm1',
  'MacBookPro18,1': 'm1 pro',
  'MacBookPro18,3': 'm1 pro',
  'MacBookPro18,2': 'm1 max',
  'MacBookPro18,4': 'm1 max',
  'Mac13,1': 'm1 max',
  'Mac13,2': 'm1 ultra',
};

/** `MacNN,x` families since 2022 → chip family. */
export const MAC_MODEL_FAMILIES: Readonly<Record<string, string>> = {
  Mac14: 'm2',
  Mac15: 'm3',
  Mac16: 'm4',
};

// Words that make a bare `M1`..`M5` an Apple chip when they are near it on the same line.
const APPLE_CONTEXT =
  /\b(?:Apple|Mac|MacBook|MacBooks|iMac|Mac ?mini|Mac Studio|chips?|silicon|SoC|processor|CPU)\b/i;
// `M4 macro`, `GNU M4`: the macro processor.
const M4_MACRO = /^\s?macros?\b/i;
const CONTEXT_CHARS = 40;

function lineWindow(text: string, at: number, length: number): { before: string; after: string } {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at + length);
  if (lineEnd < 0) lineEnd = text.length;
  return {
    before: text.slice(Math.max(lineStart, at - CONTEXT_CHARS), at),
    after: text.slice(at + length, Math.min(lineEnd, at + length + CONTEXT_CHARS)),
  };
}

/** Family of a chip name: `m4 max` → `m4`. */
export function chipFamily(name: string): string {
  return name.split(' ')[0] as string;
}

export const CHIP_RULES: readonly FactRule[] = [
  {
    // `Apple M4 Max`, `M4Pro`, `m2 max`, `Mac Chip: M2 Max`; a bare `M4` only with an Apple word nearby
    // (`MacBook Pro M4`, `M4 chips`, `an M1 iMac`).
    kind: 'chip',
    name: (m) => (m[2] === undefined ? `m${m[1]}` : `m${m[1]} ${m[2].toLowerCase()}`),
    pattern: /\b(?:Apple\s)?[Mm]([1-5])(?:\s?(Pro|Max|Ultra|PRO|MAX|pro|max|ultra))?\b/g,
    version: () => undefined,
    accept: (m, text) => {
      if (m[2] !== undefined) return true;
      if (m[0].startsWith('Apple')) return true;
      if (!m[0].startsWith('M')) return false; // a lower-case bare `m4` is the macro processor or a typo
      const { before, after } = lineWindow(text, m.index ?? 0, m[0].length);
      if (M4_MACRO.test(after) || /\bGNU\s$/.test(before)) return false; // the macro processor
      return APPLE_CONTEXT.test(before) || APPLE_CONTEXT.test(after);
    },
  },
  {
    // Kernel version strings of panic logs (`xnu-11215.41.3~2/RELEASE_ARM64_T8132`) and symbolicated
    // kernel frames (`kernel.release.t8132`) name the board.
    kind: 'chip',
    name: (m) => APPLE_BOARDS[(m[1] as string).toUpperCase()],
    pattern: /(?:_ARM64_|\bkernel\.(?:release|development)\.)([Tt]\d{4})\b/g,
    version: () => undefined,
  },
  {
    // `Hardware Model: Mac16,6`, `Model Identifier: MacBookAir10,1`.
    kind: 'chip',
    name: (m) =>
      MAC_MODELS[`${m[1]}${m[2]},${m[3]}`] ?? (m[1] === 'Mac' ? MAC_MODEL_FAMILIES[`Mac${m[2]}`] : undefined),
    pattern: /\b(Mac|MacBookAir|MacBookPro|Macmini|iMac)(\d{1,2}),(\d{1,2})\b/g,
    version: () => undefined,
  },
  {
    // Architectures: `x86_64`, `x86-64`, `amd64` → x86_64; `arm64`, `arm64e`, `aarch64`, `ARM-64` → arm64;
    // also after `_` in build paths (`AL2023_aarch64`), so the character before is checked in `accept`.
    kind: 'chip',
    name: (m) => (/^(?:x86|amd)/.test(m[0]) ? 'x86_64' : 'arm64'), // Intel spellings start so
    lower: true,
    pattern: /(?:x86[_-]64|amd64|arm64e?|aarch64|arm-64)(?![a-z0-9])/g,
    accept: (m, text) => !/[A-Za-z0-9]/.test(text[(m.index ?? 0) - 1] ?? ' '), // `_aarch64` yes, `xarm64` no
    version: () => undefined,
  },
  {
    // Hardware named in words: `Intel Mac`, `Intel Core i9`, `Intel(R) Xeon`; `Apple Silicon`.
    kind: 'chip',
    name: (m) => (m[0].startsWith('intel') ? 'x86_64' : 'arm64'),
    lower: true,
    pattern:
      /\bintel(?:\(r\))?[\s-](?:mac|macbook|based|core|cpu|processor|chip|xeon|celeron|pentium|i[3579])\b|\bapple silicon\b/g,
    version: () => undefined,
  },
];
