// What the security line of the summary reports about the API side of every app test, read from the
// GitHub stand-in's record of requests: every comment body the app wrote scanned for secrets, and every
// route it used checked against app.yml's permissions.
import {
  startGitHubStandIn,
  type GitHubStandIn,
  type RecordedRequest,
} from '../../../src/demo/github-stand-in.js';
import { routePermission } from './app-permissions.js';
import { INSTALLATION_TOKEN, secretsIn } from './secrets.js';
import { tally } from './tally.js';

/** A fresh stand-in that hands out this run's installation token (so a leak of it is unmistakable). */
export function startTestGitHub(): Promise<GitHubStandIn> {
  return startGitHubStandIn({ installationToken: INSTALLATION_TOKEN });
}

/** Every body the app wrote into a comment, created or edited. */
export function commentBodies(requests: readonly RecordedRequest[]): string[] {
  return requests
    .filter((r) => /\/comments$|\/comments\/\d+$/.test(r.path) && r.method !== 'GET')
    .map((r) => (r.body as { body?: string } | undefined)?.body)
    .filter((b): b is string => typeof b === 'string');
}

/** Records the security counts of a finished test, closes the stand-in, and throws on a leaked secret. */
export async function closeTestGitHub(github: GitHubStandIn): Promise<void> {
  await github.close();
  const bodies = commentBodies(github.requests);
  const leaks = bodies.flatMap(secretsIn);
  const routes: Record<string, number> = {};
  for (const r of github.requests) {
    const route = routePermission(r.method, r.path.split('?')[0]!);
    routes[route.granted ? `route:${route.key}` : `outside:${route.key}`] = 1;
  }
  tally('security', { commentBodies: bodies.length, secretsInComments: leaks.length, ...routes });
  if (leaks.length > 0) throw new Error(`secrets in comments: ${leaks.join(', ')}`);
}
