// The part of "delivery → comment" that is Probot's request throttling, not the app: the time from
// `createComment()` on Probot's installation Octokit (warm token, a new installation each time, so no
// throttling wait is due) to the request arriving at the stand-in, with throttling on (as in production)
// and off. Each Bottleneck limiter the request passes (retry, throttling's retry limiter, the write,
// notification and global groups) yields to the event loop a few times with setTimeout(0), which Node
// runs no sooner than 1 ms later, so this floor holds on an idle machine whatever the app does.
import { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit, type Logger } from 'probot';
import { startGitHubStandIn } from '../../src/demo/github-stand-in.js';
import { summarize, type Summary } from '../lib/stats.js';

const silent = { level: 'silent', child: () => silent } as Record<string, unknown>;
for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']) silent[level] = () => {};

export async function measureThrottleFloor(count = 100): Promise<{ on: Summary; off: Summary }> {
  const github = await startGitHubStandIn();
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  let arrived = 0;
  const record = github.requests.push.bind(github.requests);
  github.requests.push = (...items) => {
    arrived = performance.now();
    return record(...items);
  };
  const run = async (throttle: boolean, base: number): Promise<Summary> => {
    const probot = new Probot({
      appId: 1,
      privateKey,
      baseUrl: github.url,
      log: silent as unknown as Logger,
      ...(throttle
        ? {}
        : {
            Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({
              ...o,
              throttle: { ...(o.throttle as object), enabled: false },
            })),
          }),
    });
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const octokit = await probot.auth(base + i);
      const repo = { owner: 'floor', repo: `r${base + i}` };
      await octokit.rest.issues.listLabelsForRepo(repo); // the token, outside the timing
      const start = performance.now();
      await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'floor' });
      samples.push(arrived - start);
    }
    return summarize(samples);
  };
  try {
    return { on: await run(true, 700_000), off: await run(false, 800_000) };
  } finally {
    await github.close();
  }
}
