// A captured signed webhook is valid forever: resent under a new delivery id, it would be obeyed again (an
// old `/triage as` undoing a later `/triage dismiss`). The guard remembers each body's hash with the
// delivery id it first came with: the same body again under its own id is a redelivery (let through; the
// queue decides), under another id a replay (ignored). In memory, or in Redis for replicas.
import { createLru } from '../util/lru.js';

export type ReplayVerdict = 'new' | 'redelivery' | 'replay';

export interface ReplayGuard {
  check(bodyHash: string, deliveryId: string): Promise<ReplayVerdict>;
}

export function createMemoryReplayGuard(maxEntries = 50_000): ReplayGuard {
  const firstIds = createLru<string>(maxEntries);
  return {
    check(hash, id) {
      const first = firstIds.get(hash);
      if (first === undefined) firstIds.set(hash, id);
      return Promise.resolve(first === undefined ? 'new' : first === id ? 'redelivery' : 'replay');
    },
  };
}

/** The Redis client calls the guard needs (ioredis's). */
export interface ReplayRedis {
  set(key: string, value: string, ex: 'EX', seconds: number, nx: 'NX'): Promise<'OK' | null>;
  get(key: string): Promise<string | null>;
}

export function createRedisReplayGuard(
  redis: ReplayRedis,
  prefix: string,
  ttlSeconds = 7 * 86_400,
): ReplayGuard {
  return {
    async check(hash, id) {
      const key = `${prefix}:body:${hash}`;
      if ((await redis.set(key, id, 'EX', ttlSeconds, 'NX')) === 'OK') return 'new';
      return (await redis.get(key)) === id ? 'redelivery' : 'replay';
    },
  };
}
