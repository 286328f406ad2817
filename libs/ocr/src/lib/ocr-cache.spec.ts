import type { OcrResult } from '@listinglens/pipeline';
import type { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { MemoryOcrCache, ocrCacheKey, TieredOcrCache } from './ocr-cache';
import { RedisOcrCache } from './redis-ocr-cache';

const result = (text: string): OcrResult => ({ text, words: [] });

describe('ocrCacheKey', () => {
  it('changes with the settings, not only the image', () => {
    expect(ocrCacheKey('abc', 'eng')).not.toBe(ocrCacheKey('abc', 'eng+chi_sim'));
    expect(ocrCacheKey('abc', 'eng')).toBe(ocrCacheKey('abc', 'eng'));
  });
});

describe('MemoryOcrCache', () => {
  it('evicts the least recently used entry', async () => {
    const cache = new MemoryOcrCache(2);
    await cache.set('a', result('a'));
    await cache.set('b', result('b'));
    await cache.get('a');
    await cache.set('c', result('c'));
    expect(await cache.get('b')).toBeNull();
    expect(await cache.get('a')).toEqual(result('a'));
    expect(cache.size).toBe(2);
  });
});

describe('TieredOcrCache', () => {
  it('copies a hit from the shared tier into the local one', async () => {
    const local = new MemoryOcrCache();
    const shared = new MemoryOcrCache();
    await shared.set('k', result('x'));
    const tiered = new TieredOcrCache([local, shared]);
    expect(await tiered.get('k')).toEqual(result('x'));
    expect(await local.get('k')).toEqual(result('x'));
  });
});

describe('RedisOcrCache', () => {
  it('stores JSON under the prefix with a TTL', async () => {
    const store = new Map<string, string>();
    const redis = {
      get: vi.fn(async (k: string) => store.get(k) ?? null),
      set: vi.fn(async (k: string, v: string) => {
        store.set(k, v);
        return 'OK';
      }),
    };
    const cache = new RedisOcrCache(redis as unknown as Redis, { keyPrefix: 'test:ocr:', ttlSeconds: 60 });
    await cache.set('k', result('hello'));
    expect(redis.set).toHaveBeenCalledWith('test:ocr:k', JSON.stringify(result('hello')), 'EX', 60);
    expect(await cache.get('k')).toEqual(result('hello'));
  });

  it('treats a Redis outage as a miss and reports it', async () => {
    const onError = vi.fn();
    const down = { get: async () => Promise.reject(new Error('ECONNREFUSED')), set: async () => Promise.reject(new Error('ECONNREFUSED')) };
    const cache = new RedisOcrCache(down as unknown as Redis, { onError });
    expect(await cache.get('k')).toBeNull();
    await cache.set('k', result('x'));
    expect(onError).toHaveBeenCalledTimes(2);
  });
});
