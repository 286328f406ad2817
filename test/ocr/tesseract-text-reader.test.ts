/**
 * The real TesseractTextReader: offline by construction, tall pages tiled with boxes mapped back,
 * per-image timeouts that leave the pool usable, cache by content hash, no crash on bad input.
 */
import http from 'node:http';
import https from 'node:https';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assembleLanguageFolder,
  createTextReader,
  MemoryOcrCache,
  NETWORK_DISABLED_MESSAGE,
  type OcrCache,
  OcrTimeoutError,
  planTiles,
  resolveOcrOptions,
  TESSERACT_READER_VERSION,
  TesseractWorkerPool,
  writeOfflineWorkerScript,
} from '@listinglens/ocr';
import type { OcrResult } from '@listinglens/pipeline';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzedImage, renderOverlay } from './support/render-overlay';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(closers.splice(0).map((close) => close()));
});

const simpleImage = () => renderOverlay({ width: 600, height: 200, texts: [{ text: 'OFFLINE 离线', x: 40, y: 60, size: 48 }] });

describe('offline language data', () => {
  it('reads text while every network API of the main thread throws', async () => {
    const refuse = (): never => {
      throw new Error('network used');
    };
    const spies = [
      vi.spyOn(globalThis, 'fetch').mockImplementation(refuse),
      vi.spyOn(http, 'request').mockImplementation(refuse),
      vi.spyOn(https, 'request').mockImplementation(refuse),
      vi.spyOn(net, 'connect').mockImplementation(refuse),
    ];
    // A fresh folder: the language data must be gathered and loaded now, from disk.
    const reader = createTextReader({ engine: 'tesseract', poolSize: 1, languageDir: mkdtempSync(join(tmpdir(), 'll-tessdata-')) });
    closers.push(() => reader.close());
    const result = await reader.read(await analyzedImage(await simpleImage()));
    expect(result.text).toContain('OFFLINE');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('cannot fetch from inside an OCR worker: a CDN langPath fails instead of downloading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'll-worker-'));
    const pool = new TesseractWorkerPool({
      languages: ['eng'],
      langPath: 'https://cdn.jsdelivr.net/npm/@tesseract.js-data/eng/4.0.0_best_int',
      workerPath: writeOfflineWorkerScript(dir),
      size: 1,
    });
    closers.push(() => pool.close());
    const outcome = await pool.recognize(await simpleImage(), Date.now() + 30_000, 30_000).then(
      () => 'recognised',
      (err: unknown) => String(err),
    );
    expect(outcome).toContain(NETWORK_DISABLED_MESSAGE);
  });
});

describe('tall listing pages', () => {
  it('tiles a 600×4200 page, reads a line cut by a tile edge once, and maps boxes back', async () => {
    const plan = planTiles(600, 4200, resolveOcrOptions().preprocess);
    expect(plan.tiles.length).toBeGreaterThan(1);
    // Put a line right across the first tile's bottom edge (in original pixels).
    const edge = Math.round((plan.tiles[0].top + plan.tiles[0].height) / plan.scale);
    const lines = [
      { text: 'TOP LINE 顶部', y: 80 },
      { text: 'EDGE LINE 边界', y: edge - 20 },
      { text: 'BOTTOM LINE 底部', y: 4050 },
    ];
    const bytes = await renderOverlay({ width: 600, height: 4200, texts: lines.map((l) => ({ text: l.text, x: 40, y: l.y, size: 40 })) });
    const reader = createTextReader({ engine: 'tesseract', poolSize: 2 });
    closers.push(() => reader.close());
    const result = await reader.read(await analyzedImage(bytes));
    for (const [i, word] of ['TOP', 'EDGE', 'BOTTOM'].entries()) {
      const hits = result.words.filter((w) => w.text === word);
      expect(hits, `${word} in ${result.text}`).toHaveLength(1);
      expect(Math.abs(hits[0].box.y - lines[i].y)).toBeLessThan(30);
      expect(hits[0].box.x).toBeGreaterThanOrEqual(30);
      expect(hits[0].box.x).toBeLessThan(60);
    }
  });
});

describe('timeouts and bad input', () => {
  it('fails one image with OcrTimeoutError and keeps the pool working', async () => {
    const langPath = assembleLanguageFolder(['eng'], 'auto', mkdtempSync(join(tmpdir(), 'll-tessdata-')));
    const pool = new TesseractWorkerPool({ languages: ['eng'], langPath, workerPath: writeOfflineWorkerScript(langPath), size: 1 });
    closers.push(() => pool.close());
    const image = await simpleImage();
    await pool.warmUp();
    await expect(pool.recognize(image, Date.now() + 5, 5)).rejects.toBeInstanceOf(OcrTimeoutError);
    const page = await pool.recognize(image, Date.now() + 30_000, 30_000);
    expect(page.blocks?.length).toBeGreaterThan(0);
  });

  it('reads an image without text as no words, and rejects bytes that are not an image', async () => {
    const reader = createTextReader({ engine: 'tesseract', poolSize: 1 });
    closers.push(() => reader.close());
    const blank = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#7a9' } }).png().toBuffer();
    expect(await reader.read(await analyzedImage(blank))).toEqual({ text: '', words: [], engine: TESSERACT_READER_VERSION });
    const junk = { ...(await analyzedImage(blank)), sha256: 'junk', bytes: Buffer.from('not an image') };
    await expect(reader.read(junk)).rejects.toThrow();
  });
});

describe('cache by content hash', () => {
  it('reads an image once: the second read, and concurrent reads, come from the cache', async () => {
    const memory = new MemoryOcrCache();
    const sets: string[] = [];
    const cache: OcrCache = {
      get: (key) => memory.get(key),
      set: async (key: string, value: OcrResult) => {
        sets.push(key);
        await memory.set(key, value);
      },
    };
    const reader = createTextReader({ engine: 'tesseract', poolSize: 1, cache });
    closers.push(() => reader.close());
    const image = await analyzedImage(await simpleImage());
    expect(reader.poolUsage()).toEqual([{ pool: 'tesseract', slots: 1, busySeconds: 0, queued: 0 }]);
    const [a, b] = await Promise.all([reader.read(image), reader.read(image)]);
    const [usage] = reader.poolUsage();
    expect(usage.busySeconds).toBeGreaterThan(0);
    const started = performance.now();
    const c = await reader.read(image);
    expect(performance.now() - started).toBeLessThan(50);
    // The pool's worker was busy reading once; the cached read and the idle time since add nothing.
    expect(reader.poolUsage()).toEqual([usage]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(sets).toHaveLength(1);
    expect(sets[0].startsWith(image.sha256)).toBe(true);
  });
});
