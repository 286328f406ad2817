import type { OcrResult } from '@listinglens/pipeline';
import { RedisOcrCache } from '@listinglens/ocr';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_URL, testQueuePrefix } from '../support/env';
import { deleteRedisKeys } from '../support/redis-keys';

const result = (text: string): OcrResult => ({ text, words: [{ text, confidence: 0.9, box: { x: 1, y: 2, width: 3, height: 4 } }] });

describe('RedisOcrCache against the real Redis', () => {
  const prefix = `${testQueuePrefix('ocr-cache')}:`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  afterAll(async () => {
    await deleteRedisKeys(`${prefix}*`);
    redis.disconnect();
  });

  it('round-trips a result under its prefix with the TTL it was given', async () => {
    const cache = new RedisOcrCache(redis, { keyPrefix: prefix, ttlSeconds: 60 });
    await cache.set('k', result('hello'));
    expect(await cache.get('k')).toEqual(result('hello'));
    expect(await cache.get('missing')).toBeNull();
    const ttl = await redis.ttl(`${prefix}k`);
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('treats a value that is not an OCR result as a miss', async () => {
    await redis.set(`${prefix}junk`, '{"nope":1}');
    expect(await new RedisOcrCache(redis, { keyPrefix: prefix }).get('junk')).toBeNull();
  });

  it('a Redis that is down is a miss and a reported error, never a failed scan', async () => {
    const down = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    const errors: unknown[] = [];
    const cache = new RedisOcrCache(down, { keyPrefix: prefix, onError: (err) => errors.push(err) });
    expect(await cache.get('k')).toBeNull();
    await cache.set('k', result('x'));
    expect(errors).toHaveLength(2);
    down.disconnect();
  });
});
