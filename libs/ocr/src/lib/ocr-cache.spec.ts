import type { OcrResult } from '@listinglens/pipeline';
import { describe, expect, it } from 'vitest';
import { MemoryOcrCache, ocrCacheKey, TieredOcrCache } from './ocr-cache';

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
