// A one-line summary of the API requests of one event, grouped: `POST token 201, GET config 404 ×2`.
import type { RecordedRequest } from '../../src/demo/github-stand-in.js';

// Route patterns → short names, first match wins.
const ROUTES: [RegExp, string][] = [
  [/^\/app\/installations\/\d+\/access_tokens$/, 'token'],
  [/^\/repos\/[^/]+\/\.github\/contents\/\.github\/crash-triage\.yml/, 'org config'],
  [/^\/repos\/[^/]+\/[^/]+\/contents\/\.github\/crash-triage\.yml/, 'config'],
  [/^\/repos\/[^/]+\/[^/]+\/contents\//, 'incident folder'],
  [/^\/repos\/[^/]+\/[^/]+\/git\/blobs\//, 'blob'],
  [/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments/, 'comments'],
  [/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+\/reactions$/, 'reaction'],
  [/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+$/, 'comment'],
  [/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/labels\//, 'issue label'],
  [/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/labels/, 'issue labels'],
  [/^\/repos\/[^/]+\/[^/]+\/labels/, 'repo labels'],
  [/^\/repos\/[^/]+\/[^/]+\/collaborators\/[^/]+\/permission$/, 'permission'],
];

export function routeName(path: string): string {
  const p = path.split('?')[0]!;
  return ROUTES.find(([re]) => re.test(p))?.[1] ?? p;
}

export function describeRequests(requests: readonly RecordedRequest[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const key = `${r.method} ${routeName(r.path)} ${r.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(', ') || 'none';
}
