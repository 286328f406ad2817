import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OcrCache } from '@listinglens/ocr';
import type { OcrResult } from '@listinglens/pipeline';

/**
 * OCR results kept on disk between evaluation runs, one JSON file per key. The reader's key is the
 * image's sha256 and a digest of its settings, reader version included (ocrCacheKey), so a reader
 * change never serves stale words; a detector change re-runs in a minute or two instead of reading again.
 */
export class FileOcrCache implements OcrCache {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private file(key: string): string {
    return join(this.dir, `${key.replace(/[^A-Za-z0-9]/g, '-')}.json`);
  }

  async get(key: string): Promise<OcrResult | null> {
    try {
      const parsed = JSON.parse(readFileSync(this.file(key), 'utf8')) as OcrResult;
      return typeof parsed.text === 'string' && Array.isArray(parsed.words) ? parsed : null;
    } catch {
      return null; // absent or half-written: read the image again
    }
  }

  async set(key: string, value: OcrResult): Promise<void> {
    const target = this.file(key);
    writeFileSync(`${target}.tmp`, JSON.stringify(value));
    renameSync(`${target}.tmp`, target);
  }
}

/** Remembers what the reader returned per image (by sha256), hit or miss, so the report can quote it. */
export class RecordingOcrCache implements OcrCache {
  readonly bySha = new Map<string, OcrResult>();
  hits = 0;
  misses = 0;

  constructor(private readonly inner: OcrCache) {}

  async get(key: string): Promise<OcrResult | null> {
    const value = await this.inner.get(key);
    if (value) {
      this.hits++;
      this.bySha.set(key.split(':')[0], value);
    } else this.misses++;
    return value;
  }

  async set(key: string, value: OcrResult): Promise<void> {
    this.bySha.set(key.split(':')[0], value);
    await this.inner.set(key, value);
  }
}
