import type { OcrResult } from '@listinglens/pipeline';
import type { Redis } from 'ioredis';
import type { OcrCache } from './ocr-cache';

export interface RedisOcrCacheOptions {
  /** Prepended to every key, so several deployments can share one Redis. Default 'listinglens:ocr:'. */
  keyPrefix?: string;
  /** Entries expire after this many seconds. Default 30 days. */
  ttlSeconds?: number;
  /**
   * Called when Redis fails. A cache outage must not fail scans: get() then reports a miss and set() is
   * skipped, and OCR simply runs.
   */
  onError?: (err: unknown) => void;
}

/** OCR results shared by every worker process through Redis (JSON values). */
export class RedisOcrCache implements OcrCache {
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisOcrCacheOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? 'listinglens:ocr:';
    this.ttlSeconds = options.ttlSeconds ?? 30 * 24 * 3600;
  }

  async get(key: string): Promise<OcrResult | null> {
    try {
      const raw = await this.redis.get(this.prefix + key);
      if (raw === null) return null;
      const parsed = JSON.parse(raw) as OcrResult;
      return typeof parsed.text === 'string' && Array.isArray(parsed.words) ? parsed : null;
    } catch (err) {
      this.options.onError?.(err);
      return null;
    }
  }

  async set(key: string, value: OcrResult): Promise<void> {
    try {
      await this.redis.set(this.prefix + key, JSON.stringify(value), 'EX', this.ttlSeconds);
    } catch (err) {
      this.options.onError?.(err);
    }
  }
}
