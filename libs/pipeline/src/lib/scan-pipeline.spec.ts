import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SharpImageDecoder } from './image-decoder';
import { ImageLoader } from './image-loader';
import { ScanPipeline } from './scan-pipeline';
import type { ImageSource, ListingFields } from '@listinglens/contracts';
import type { Detector } from './types';

const LISTING: ListingFields = { marketplace: 'm', externalId: 'x', sellerId: 's', title: 't', price: { amount: '1.00', currency: 'EUR' } };
const noFetch = { fetch: () => Promise.reject(new Error('no network in this test')) };

async function inlineImages(n: number): Promise<ImageSource[]> {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).png().toBuffer();
  return Array.from({ length: n }, () => ({ kind: 'inline' as const, bytes: png }));
}

function pipeline(detectors: Detector[], budgets = { stepMs: 1_000, scanMs: 10_000 }): ScanPipeline {
  return new ScanPipeline({ loader: new ImageLoader(noFetch, 1e6, null), decoder: new SharpImageDecoder({ maxPixels: 1e6 }), detectors, budgets });
}

const slow = (id: string, ms: number): Detector => ({ id, version: 1, detect: () => new Promise((r) => setTimeout(() => r([]), ms)) });

describe('ScanPipeline time budget', () => {
  it('stops before the detectors a spent scan budget leaves, and says so on every image', async () => {
    let ran = false;
    const late: Detector = { id: 'late', version: 1, detect: async () => ((ran = true), []) };
    const outcome = await pipeline([slow('slow', 150), late], { stepMs: 1_000, scanMs: 100 }).scan(LISTING, await inlineImages(2));
    expect(ran).toBe(false);
    for (const image of outcome.images) {
      expect(image.error).toEqual({ code: 'image.time_budget_exceeded', message: expect.stringContaining('before late') });
    }
  });

  it('gives each step a deadline no later than the scan budget allows', async () => {
    let left = 0;
    const probe: Detector = { id: 'probe', version: 1, detect: async (ctx) => ((left = ctx.stepDeadline() - Date.now()), []) };
    await pipeline([probe], { stepMs: 60_000, scanMs: 500 }).scan(LISTING, await inlineImages(1));
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(500);
  });

  it('records an error a detector reports for one image on that image only, and keeps its findings', async () => {
    const reporter: Detector = {
      id: 'reporter',
      version: 1,
      detect: async (ctx) => {
        ctx.reportError(ctx.images[1], { code: 'image.time_budget_exceeded', message: 'QR pass stopped' });
        return [];
      },
    };
    const outcome = await pipeline([reporter]).scan(LISTING, await inlineImages(3));
    expect(outcome.images.map((i) => i.error?.code ?? null)).toEqual([null, 'image.time_budget_exceeded', null]);
  });
});
