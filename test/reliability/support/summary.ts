// Adds up the recorded counts and words them, one line per area. Pure, so the wording is tested alone.
import { AREAS, type Area, type Counts } from './tally.js';

export type Totals = Partial<Record<Area, Record<string, number | string>>>;

/** Sums counts per area (`...Max` keys keep the largest, string values the last one written). */
export function addUp(records: readonly { area: Area; counts: Counts }[]): Totals {
  const totals: Totals = {};
  for (const { area, counts } of records) {
    const t = (totals[area] ??= {});
    for (const [key, value] of Object.entries(counts)) {
      const before = t[key];
      if (typeof value === 'string') t[key] = value;
      else if (key.endsWith('Max')) t[key] = Math.max(typeof before === 'number' ? before : 0, value);
      else t[key] = (typeof before === 'number' ? before : 0) + value;
    }
  }
  return totals;
}

const n = (t: Record<string, number | string> | undefined, key: string): number => {
  const v = t?.[key];
  return typeof v === 'number' ? v : 0;
};
const s = (t: Record<string, number | string> | undefined, key: string): string => {
  const v = t?.[key];
  return typeof v === 'string' ? v : '';
};

/** " (+N in the known-bug test for <bug>)" when a known bug's test saw it, else nothing. */
const known = (t: Record<string, number | string> | undefined, key: string, bug: string): string =>
  n(t, key) > 0 ? ` (+${n(t, key)} in the it.fails test of known bug ${bug})` : '';

const keys = (t: Record<string, number | string>, prefix: string): string[] =>
  Object.keys(t).filter((k) => k.startsWith(prefix));

/** The summary lines, in AREAS order; an area no test recorded says so. */
export function summaryLines(totals: Totals): string[] {
  const lines: string[] = [];
  for (const area of AREAS) {
    const t = totals[area];
    if (!t) {
      if (area !== 'known-bugs') lines.push(`${area}: not run`);
      continue;
    }
    lines.push(`${area}: ${describe(area, t)}`);
  }
  return lines;
}

function describe(area: Area, t: Record<string, number | string>): string {
  switch (area) {
    case 'fuzz': {
      const known = Object.entries(t)
        .filter(([k]) => k.startsWith('known:'))
        .map(([k, v]) => `${k.slice(6)} ${v}`);
      return [
        `${n(t, 'inputs')} inputs (${n(t, 'generated')} generated, ${n(t, 'handWritten')} hand-written)`,
        `${n(t, 'crashes')} crashes`,
        `slowest ${Math.round(n(t, 'slowestMsMax'))} ms, peak RSS ${n(t, 'rssMbMax')} MB`,
        `${n(t, 'sweepShapes')} backtracking shapes (slowest ${Math.round(n(t, 'sweepSlowestMsMax'))} ms: ${s(t, 'note:sweepSlowest') || '-'})`,
        `${n(t, 'comments')} comments checked, ${n(t, 'unsafeComments')} unsafe` +
          (known.length > 0 ? ` (+ unsafe only through known bugs: ${known.join(', ')})` : ''),
        `largest comment ${n(t, 'longestCommentMax')} chars`,
      ].join(', ');
    }
    case 'catalog':
      return [
        `${n(t, 'hostileFiles')} hostile files, ${n(t, 'refused')} refused (${n(t, 'namedFileAndField')} with file+field)`,
        `${n(t, 'crashes')} crashes`,
        `${n(t, 'regexPhrases')} regex-like phrases matched as literal tokens, slowest ${Math.round(n(t, 'regexSlowestMsMax'))} ms on a ${n(t, 'regexReportCharsMax')}-char report`,
        `${n(t, 'brokenRepoCatalogs')} broken repository catalogs, ${n(t, 'bundledKept')} kept the bundled catalog, ${n(t, 'otherRepoAffected')} affected another repository`,
        `${n(t, 'memRepos')} repositories of 100 large incident files (${n(t, 'memSourceMb')} MB each): heap kept +${n(t, 'memKeptMbMax')} MB at most (budget ${n(t, 'memBudgetMb')} MB)`,
      ].join(', ');
    case 'edge':
      return [
        `${n(t, 'startRefusals')} bad starts refused with the reason`,
        `${n(t, 'oversized')} bodies of 300 MB refused (RSS +${Math.round(n(t, 'rssGrowthMbMax'))} MB at most, alive: ${n(t, 'aliveAfter')})`,
        `${n(t, 'forged')} forged (${n(t, 'forgedWrites')} writes, longest log line ${n(t, 'forgedLogCharsMax')} chars)`,
        `${n(t, 'replays')} replayed bodies, ${n(t, 'replayWrites')} obeyed`,
        `on_edit: false reordered: ${n(t, 'onEditComments')} comment`,
        `SIGTERM after ${n(t, 'sigtermDeliveries')} deliveries: ${n(t, 'sigtermFinished')} finished, ${n(t, 'sigtermLogged')} logged for redelivery, ${n(t, 'sigtermUnaccounted')} unaccounted, ${n(t, 'commentWithoutLabels')} comments without labels`,
      ].join(', ');
    case 'durable':
      return [
        `SIGTERM+restart: ${n(t, 'restartDeliveries')} deliveries, ${n(t, 'restartLost')} lost, ${n(t, 'restartDoubled')} doubled`,
        `2 replicas: ${n(t, 'replicaPosts')} posts for ${n(t, 'replicaIssues')} issues, ${n(t, 'replicaWrong')} not in their latest state, ${n(t, 'replicaDoubled')} doubled`,
        `kill -9: ${n(t, 'killDeliveries')} deliveries, ${n(t, 'killLost')} lost, ${n(t, 'killDoubled')} doubled, all answered in ${Math.round(n(t, 'killSecondsMax'))} s`,
        `hanging installation: ${n(t, 'hangOthers')} others answered in ${Math.round(n(t, 'hangOthersSecondsMax'))} s, the hanging one retried: ${n(t, 'hangRetried')}`,
      ].join(', ');
    case 'faults':
      return [
        `${n(t, 'injected')} injected, ${n(t, 'handled')} handled (retried ${n(t, 'retried')}, gave up ${n(t, 'gaveUp')}, absorbed ${n(t, 'absorbed')})`,
        `${n(t, 'crashes')} crashes`,
        `${n(t, 'doubled')} doubled comments` + known(t, 'knownBugDoubled', 'retried-create'),
        `${n(t, 'loggedWithDeliveryId')} outcomes logged with the delivery id`,
      ].join(', ');
    case 'concurrency':
      return [
        `${n(t, 'deliveries')} deliveries, ${n(t, 'issues')} issues, ${n(t, 'comments')} comments`,
        `${n(t, 'doubled')} doubled, ${n(t, 'stale')} stale` + known(t, 'knownBugStale', 'stale-opened'),
      ].join(', ');
    case 'security': {
      const audit = s(t, 'audit') || 'npm audit not run';
      return [
        `${n(t, 'forged')} forged/unauthorized requests, ${n(t, 'writes')} writes`,
        `${n(t, 'secretsInLogs')} secrets in logs (${n(t, 'logLines')} lines scanned), ${n(t, 'secretsInComments')} in comments (${n(t, 'commentBodies')} scanned)`,
        `${keys(t, 'outside:').length} API routes outside app.yml's permissions (${keys(t, 'route:').length} used)`,
        audit,
      ].join(', ');
    }
    case 'known-bugs': {
      const bugs = Object.entries(t).filter(([k]) => k.startsWith('bug:'));
      const list = bugs.map(([k, v]) => `${k.slice(4)}${Number(v) > 1 ? ` ×${v}` : ''}`).join(', ');
      return `${bugs.length} bugs found by this suite, fixed in src/ and held by regression tests: ${list}`;
    }
  }
}
