import { createHash } from 'node:crypto';
import type { OcrResult } from '@listinglens/pipeline';
import { LRUCache } from 'lru-cache';

/** Where OCR results are kept by content hash + OCR settings, so an image is never read twice. */
export interface OcrCache {
  get(key: string): Promise<OcrResult | null>;
  set(key: string, value: OcrResult): Promise<void>;
}

/** The cache key: the image's sha256 and a digest of every setting that changes the words. */
export function ocrCacheKey(imageSha256: string, settingsFingerprint: string): string {
  const settings = createHash('sha256').update(settingsFingerprint).digest('hex').slice(0, 16);
  return `${imageSha256}:${settings}`;
}

/** In-process LRU: enough for the CLI and as a first level in front of Redis. */
export class MemoryOcrCache implements OcrCache {
  private readonly entries: LRUCache<string, OcrResult>;

  constructor(maxEntries = 2_000) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  async get(key: string): Promise<OcrResult | null> {
    return this.entries.get(key) ?? null;
  }

  async set(key: string, value: OcrResult): Promise<void> {
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Looks in each cache in order; a hit in a later one is copied into the earlier ones. */
export class TieredOcrCache implements OcrCache {
  constructor(private readonly tiers: readonly OcrCache[]) {}

  async get(key: string): Promise<OcrResult | null> {
    for (let i = 0; i < this.tiers.length; i++) {
      const hit = await this.tiers[i].get(key);
      if (hit) {
        await Promise.all(this.tiers.slice(0, i).map((tier) => tier.set(key, hit)));
        return hit;
      }
    }
    return null;
  }

  async set(key: string, value: OcrResult): Promise<void> {
    await Promise.all(this.tiers.map((tier) => tier.set(key, value)));
  }
}

/**
 * Each image read at most once per key: concurrent reads of the same key share one recognition, and a
 * finished read is kept in `cache` for later ones. Both OCR readers read through it.
 */
export class CachedReads {
  private readonly inFlight = new Map<string, Promise<OcrResult>>();

  constructor(private readonly cache: OcrCache) {}

  read(key: string, recognise: () => Promise<OcrResult>): Promise<OcrResult> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const work = this.readThroughCache(key, recognise).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async readThroughCache(key: string, recognise: () => Promise<OcrResult>): Promise<OcrResult> {
    const cached = await this.cache.get(key);
    if (cached) return cached;
    const result = await recognise();
    await this.cache.set(key, result);
    return result;
  }
}
