// Synthetic issues: a crash log in one of eight formats inside an issue template (description, steps,
// `<details>` block, environment, checkboxes; one in ten written in Chinese), padded with that format's
// own boilerplate to a target size. A share of them is planted with an incident's evidence (its
// signatures, frames, required context and a keyword), so matching and rendering run; the rest are
// about the same products without being a documented incident.
import type { Incident, IssueInput } from '../../src/types.js';
import type { Rng } from '../lib/prng.js';
import type { CrashContext, CrashLog, FormatName } from './format-types.js';
import { gdbSession } from './formats-gdb.js';
import { ipsReport, kernelPanicLog } from './formats-macos.js';
import { goPanic, javaStack, jsStack, pythonTraceback, rustPanic } from './formats-runtime.js';
import type { Lang, Product, World } from './vocabulary.js';
import { PROSE, TECH_ADJECTIVES, TECH_NOUNS, TECH_VERBS } from './words.js';

export interface GeneratedReport {
  input: IssueInput;
  /** The incident whose evidence was planted, or null. */
  planted: string | null;
  format: FormatName;
  bytes: number;
}

/** An incident a report can be planted with, and the product it is about (null for bundled incidents). */
export interface PlantTarget {
  incident: Incident;
  product: Product | null;
}

/**
 * The incidents reports are planted with: each synthetic incident (its file in `syntheticDir`) with the
 * product its second label names, and each bundled incident that has examples.
 */
export function plantTargets(
  incidents: readonly Incident[],
  world: World,
  syntheticDir: string | null,
): PlantTarget[] {
  const products = new Map(world.products.map((p) => [p.name, p]));
  const targets: PlantTarget[] = [];
  for (const incident of incidents) {
    const synthetic = syntheticDir !== null && incident.source.startsWith(syntheticDir);
    const product = synthetic ? (products.get(incident.labels[1] ?? '') ?? null) : null;
    if (product || incident.examples.length > 0) targets.push({ incident, product });
  }
  return targets;
}

export interface ReportPlan {
  count: number;
  bytes: number;
  /** Share of reports planted with an incident's evidence. */
  plantedShare: number;
}

const FORMATS: Record<FormatName, (ctx: CrashContext) => CrashLog> = {
  ips: ipsReport,
  'kernel-panic': kernelPanicLog,
  gdb: gdbSession,
  python: pythonTraceback,
  rust: rustPanic,
  go: goPanic,
  java: javaStack,
  js: jsStack,
};

const FORMATS_BY_LANG: Record<Lang, FormatName[]> = {
  c: ['gdb', 'gdb', 'ips', 'kernel-panic'],
  objc: ['ips', 'ips', 'kernel-panic'],
  rust: ['rust'],
  go: ['go'],
  python: ['python'],
  java: ['java'],
  js: ['js'],
};

export function generateReports(
  rng: Rng,
  world: World,
  targets: readonly PlantTarget[],
  plan: ReportPlan,
): GeneratedReport[] {
  const out: GeneratedReport[] = [];
  for (let i = 0; i < plan.count; i++) {
    const r = rng.fork(i);
    const target = targets.length > 0 && r.chance(plan.plantedShare) ? r.pick(targets) : null;
    out.push(generateReport(r, world, target, plan.bytes));
  }
  return out;
}

function words(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => (rng.chance(0.7) ? rng.pick(PROSE) : rng.pick(TECH_NOUNS))).join(
    ' ',
  );
}

export function generateReport(
  rng: Rng,
  world: World,
  target: PlantTarget | null,
  bytes: number,
): GeneratedReport {
  const product = target?.product ?? world.products[rng.zipf(world.products.length, 0.8)]!;
  const format = rng.pick(FORMATS_BY_LANG[product.lang]);
  const incident = target?.incident ?? null;
  const example = incident && !target?.product ? incident.examples[0] : undefined;

  const ctx: CrashContext = {
    rng,
    product,
    messages: incident
      ? incident.match.signatures.slice(0, 3).map((s) => s.phrase)
      : [
          `error while ${rng.pick(TECH_VERBS)}ing ${rng.pick(TECH_NOUNS)}: ${rng.pick(['EINVAL', 'ENOMEM', 'EPIPE', 'EAGAIN', 'EBADF'])} (${rng.pick(TECH_ADJECTIVES)} ${rng.pick(TECH_NOUNS)})`,
        ],
    frames: incident ? plantedFrames(incident, product) : rng.sample(product.coreFns, rng.range(0, 2)),
    otherFrames: product.otherFns.length > 0 ? product.otherFns : product.coreFns,
  };
  if (!incident) ctx.frames.push(...rng.sample(ctx.otherFrames, rng.range(3, 8)));
  const log = FORMATS[format](ctx);

  // Context the incident requires (its product, its platform) and a keyword, written as a reporter would.
  const required = incident?.match.require.map((g) => g.any[0]!) ?? [];
  if (required.length === 0) required.push(product.name);
  const keyword = incident?.match.keywords[0]?.phrase ?? rng.pick(TECH_NOUNS);
  const chinese = rng.chance(0.1);
  const title = chinese
    ? `${product.display} 在 ${required.join(' ')} 上崩溃 (${keyword})`
    : `${product.display} ${rng.pick(['crashes', 'segfaults', 'aborts', 'panics'])} ${rng.pick(['on startup', 'under load', 'after upgrade', 'randomly'])} (${required.join(', ')})`;
  const intro = chinese
    ? `### 问题描述\n\n升级到 ${product.version} 之后，${required.join('、')} 上运行时经常崩溃。与 ${keyword} 有关。\n\n### 复现步骤\n\n1. 启动服务\n2. 等待几分钟\n`
    : `### Describe the bug\n\n${words(rng, 12)} ${required.join(' and ')} ${words(rng, 8)} ${keyword}. ${words(rng, 10)}.\n\n### Steps to reproduce\n\n1. ${words(rng, 6)}\n2. ${words(rng, 5)}\n3. See crash\n\n### Expected behavior\n\n${words(rng, 9)}.\n`;
  const open = `\n### Crash log\n\n<details><summary>${format} log</summary>\n\n\`\`\`${log.lang}\n`;
  const crash = example ? `${example.body}\n${log.crash}` : log.crash;
  const close = `\`\`\`\n\n</details>\n\n### Environment\n\n- OS: ${rng.pick(['macOS 15.1.1 (24B91)', 'macOS 14.6.1', 'Ubuntu 24.04 (Linux 6.8.0-45-generic)', 'Windows 11 23H2', 'Debian 12'])}\n- ${product.display} version: ${product.version}\n- ${rng.pick(['Python 3.12.4', 'Ruby 3.3.5', 'Node.js 20.18.0', 'Go 1.23.2', 'rustc 1.82.0', 'OpenJDK 21.0.5'])}\n\n- [x] I have searched the existing issues\n- [x] I am on the latest version\n`;

  const fixed = intro + open + log.head + crash + log.tail + close;
  const body =
    byteLength(fixed) <= bytes
      ? intro + open + log.head + crash + filler(log, bytes - byteLength(fixed)) + log.tail + close
      : compact(
          `${words(rng, 10)} ${required.join(' ')} ${keyword}:\n\n\`\`\`\n${ctx.messages.join('\n')}\n`,
          crash,
          bytes - byteLength(title),
        );
  return {
    input: {
      title,
      body,
      repo: rng.chance(0.7) ? product.repo : `${rng.pick(world.words)}/${rng.pick(world.words)}`,
    },
    planted: incident?.id ?? null,
    format,
    bytes: byteLength(title) + byteLength(body),
  };
}

/** The full symbols of the incident's frames as the trace shows them (catalog names may be shortened). */
function plantedFrames(incident: Incident, product: Product): string[] {
  return incident.match.frames
    .slice(0, 4)
    .map((f) => product.coreFns.find((s) => s === f.phrase || s.endsWith(f.phrase)) ?? f.phrase);
}

/** Chunks of the format's boilerplate up to `budget` bytes, cut at a line end. */
function filler(log: CrashLog, budget: number): string {
  let out = '';
  while (out.length < budget) out += log.more();
  if (out.length <= budget) return out;
  const cut = out.lastIndexOf('\n', budget - 1);
  return cut > 0 ? out.slice(0, cut + 1) : '';
}

/** A short report (a sentence and the crash itself, cut at a line end) for sizes the template does not fit in. */
function compact(intro: string, crash: string, bytes: number): string {
  const close = '```\n';
  const budget = bytes - byteLength(intro) - close.length;
  const cut = crash.lastIndexOf('\n', budget - 1);
  return intro + (byteLength(crash) <= budget ? crash : crash.slice(0, Math.max(0, cut + 1))) + close;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
