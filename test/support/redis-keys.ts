import { Redis } from 'ioredis';
import { REDIS_URL } from './env';

/** Every key matching `pattern` (e.g. "lltest-abc-*"); BullMQ and the OCR cache write many per prefix. */
export async function redisKeys(pattern: string): Promise<string[]> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return keys;
  } finally {
    redis.disconnect();
  }
}

/** Deletes what `redisKeys(pattern)` finds; returns how many. */
export async function deleteRedisKeys(pattern: string): Promise<number> {
  const keys = await redisKeys(pattern);
  if (keys.length === 0) return 0;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    for (let i = 0; i < keys.length; i += 500) await redis.unlink(...keys.slice(i, i + 500));
    return keys.length;
  } finally {
    redis.disconnect();
  }
}
