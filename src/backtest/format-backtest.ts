// The backtest's summary as text for a terminal, pure: totals, the issues per incident with their links
// and confidence, what the app already said and how maintainers corrected it, and what it cost.
import type { BacktestSummary } from './summarize-backtest.js';

const pct = (c: number): string => `${Math.round(c * 100)}%`;

export function formatBacktest(s: BacktestSummary): string[] {
  const lines = [
    `crash-triage backtest of ${s.repo}`,
    `issues scanned: ${s.scanned} (pull requests skipped: ${s.skipped_pull_requests})`,
    `would comment on: ${s.would_comment}`,
  ];
  const incidents = Object.entries(s.by_incident).sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  );
  for (const [id, issues] of incidents) {
    lines.push('', `${id}: ${issues.length} issue${issues.length === 1 ? '' : 's'}`);
    for (const i of issues) lines.push(`  #${i.number} ${pct(i.confidence)} ${i.url}`);
  }
  if (s.already_commented.length > 0) {
    lines.push('', `already commented on by the app: ${s.already_commented.length}`);
    for (const c of s.already_commented) {
      const then = `${c.then.state}${c.then.incident ? ` ${c.then.incident}` : ''}`;
      const now = c.now ?? 'no comment';
      lines.push(`  #${c.number} then: ${then}; now: ${now}${c.differs ? ' (differs)' : ''} ${c.then.url}`);
    }
  }
  if (s.corrections.length > 0) {
    lines.push('', `maintainers' corrections: ${s.corrections.length}`);
    for (const c of s.corrections) {
      const what =
        c.kind === 'chosen' ? `chose ${c.incident ?? '?'}` : `dismissed ${c.incident ?? 'the triage'}`;
      const by = c.by ? `@${c.by} ` : '';
      const now = `now: ${c.now ?? 'no comment'} (${c.agrees ? 'agrees' : 'disagrees'})`;
      lines.push(`  #${c.number} ${by}${what}; ${now} ${c.url}`);
    }
  }
  if (s.groups) lines.push(...formatGroups(s.groups));
  lines.push(
    '',
    `catalog: ${s.settings.incidents} incidents (bundled: ${s.settings.use_bundled_catalog ? 'yes' : 'no'}), min confidence ${s.settings.min_confidence}`,
  );
  for (const p of s.settings.problems) lines.push(`  problem: ${p}`);
  lines.push(
    `requests: ${s.requests.sent} sent, ${s.requests.not_modified} answered 304 (free), ${s.requests.counted} counted against the rate limit; ${s.seconds.toFixed(1)} s`,
    `cache: ${s.cache_dir}`,
  );
  return lines;
}

/** Groups shown, and links per group: the largest say what to document next. */
const MAX_GROUPS = 10;
const MAX_LINKS = 5;

function formatGroups(groups: NonNullable<BacktestSummary['groups']>): string[] {
  const reports = groups.reduce((n, g) => n + g.issues.length, 0);
  const lines = [
    '',
    `unmatched crash reports, grouped by signature (crash line | top frames): ${reports} in ${groups.length} group${groups.length === 1 ? '' : 's'}`,
  ];
  for (const g of groups.slice(0, MAX_GROUPS)) {
    lines.push(`  ${g.issues.length}× ${g.signature}`);
    for (const i of g.issues.slice(0, MAX_LINKS)) lines.push(`      #${i.number} ${i.url}`);
    if (g.issues.length > MAX_LINKS) lines.push(`      (+${g.issues.length - MAX_LINKS} more)`);
  }
  if (groups.length > MAX_GROUPS) lines.push(`  (+${groups.length - MAX_GROUPS} smaller groups)`);
  if (groups.length > 0) lines.push('  next: crash-triage draft <one report of a group> > new-incident.yml');
  return lines;
}

/** A one-line progress bar (for a terminal's stderr): `comments [#####-----] 120/400`. */
export function progressLine(phase: string, done: number, total?: number): string {
  if (total === undefined || total === 0) return `${phase} ${done}`;
  const width = 30;
  const filled = Math.round((Math.min(done, total) / total) * width);
  return `${phase} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}
