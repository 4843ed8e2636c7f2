// The server's settings from the environment, checked before anything starts: a process that cannot
// verify webhooks or sign in as the app must refuse to start, loudly, instead of logging "ready" and
// dropping every job. Pure: the environment in, the settings or every problem out.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface ServerEnv {
  appId: number;
  privateKey: string;
  secret: string;
  host: string;
  port: number;
  webhookPath: string;
  /** GitHub's API: `GITHUB_API_URL`, or GitHub Enterprise Server's from `GHE_HOST`; github.com by default. */
  baseUrl: string | undefined;
  logLevel: string;
  /** `json` (one object per line, for log collectors) or `pretty` (for a terminal). */
  logFormat: 'json' | 'pretty';
  /** Durable queue and shared state on Redis; absent: the embedded in-process mode. */
  redisUrl: string | undefined;
  /** Prefix of every key the app writes in Redis, so several apps can share one Redis. */
  redisPrefix: string;
  /** How long running jobs get to finish their writes on SIGTERM/SIGINT. */
  shutdownSeconds: number;
  /** Redis mode: queues that run one job at a time each (jobs go to one by installation). */
  queueShards: number;
  /** Redis mode: a job whose replica stops renewing its lock this long is run by another replica. */
  queueLockSeconds: number;
  /** Webhook bodies larger than this are refused before they are read (GitHub's own cap is 25 MB). */
  maxBodyBytes: number;
}

export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export function readServerEnv(env: NodeJS.ProcessEnv): { env: ServerEnv } | { errors: string[] } {
  const errors: string[] = [];
  const development = env.NODE_ENV === 'development';
  const appId = Number(env.APP_ID);
  if (!Number.isInteger(appId) || appId <= 0) errors.push('APP_ID must be the GitHub App id (a number)');

  let privateKey = env.PRIVATE_KEY?.replace(/\\n/g, '\n') ?? '';
  if (!privateKey && env.PRIVATE_KEY_PATH) {
    try {
      privateKey = readFileSync(env.PRIVATE_KEY_PATH, 'utf8');
    } catch (err) {
      errors.push(`PRIVATE_KEY_PATH: cannot read ${env.PRIVATE_KEY_PATH}: ${(err as Error).message}`);
    }
  }
  if (!privateKey && !errors.some((e) => e.startsWith('PRIVATE_KEY_PATH'))) {
    errors.push('PRIVATE_KEY (or PRIVATE_KEY_PATH) must hold the GitHub App private key');
  } else if (privateKey) {
    try {
      createPrivateKey(privateKey);
    } catch (err) {
      errors.push(`the private key is not a valid PEM private key (${(err as Error).message})`);
    }
  }

  let secret = env.WEBHOOK_SECRET ?? '';
  if (!secret) {
    if (development) secret = 'development';
    else errors.push('WEBHOOK_SECRET must be set (only NODE_ENV=development may run without one)');
  }

  const number = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) {
      errors.push(`${name} must be a number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const result: ServerEnv = {
    appId,
    privateKey,
    secret,
    host: env.HOST || '0.0.0.0',
    port: number('PORT', 3000, 0, 65_535),
    webhookPath: env.WEBHOOK_PATH || '/api/github/webhooks',
    baseUrl:
      env.GITHUB_API_URL?.replace(/\/+$/, '') ||
      (env.GHE_HOST ? `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3` : undefined),
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: env.LOG_FORMAT === 'pretty' ? 'pretty' : 'json',
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.CRASH_TRIAGE_REDIS_PREFIX || 'crash-triage',
    shutdownSeconds: number('CRASH_TRIAGE_SHUTDOWN_SECONDS', 25, 0, 3600),
    queueShards: number('CRASH_TRIAGE_QUEUE_SHARDS', 64, 1, 256),
    queueLockSeconds: number('CRASH_TRIAGE_QUEUE_LOCK_SECONDS', 30, 2, 600),
    maxBodyBytes: MAX_WEBHOOK_BYTES,
  };
  return errors.length > 0 ? { errors } : { env: result };
}
