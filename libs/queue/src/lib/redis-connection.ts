import type { RedisOptions } from 'bullmq';

/** BullMQ connection options from a redis:// URL. Workers need maxRetriesPerRequest: null (BullMQ
 * blocks on Redis commands); producers keep failing fast so an API request never hangs on Redis. */
export function redisOptions(url: string, role: 'producer' | 'worker'): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: role === 'worker' ? null : 2,
    enableOfflineQueue: role === 'worker',
  };
}
