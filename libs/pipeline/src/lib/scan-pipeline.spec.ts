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


describe('ScanPipeline time budget', () => {
  it('leaves a detector that outlives the scan budget behind, says so on every image, and completes', async () => {
    const hung: Detector = { id: 'hung', version: 1, detect: () => new Promise(() => undefined) };
    const outcome = await pipeline([hung], { stepMs: 60_000, scanMs: 100 }).scan(LISTING, await inlineImages(2));
    for (const image of outcome.images) {
      expect(image.error).toEqual({ code: 'image.time_budget_exceeded', message: expect.stringContaining('before hung finished'), detector: 'hung' });
    }
  });

  it('starts no detector once the scan budget is spent', async () => {
    let ran = false;
    const late: Detector = { id: 'late', version: 1, detect: async () => ((ran = true), []) };
    const outcome = await pipeline([late], { stepMs: 1_000, scanMs: 0 }).scan(LISTING, await inlineImages(1));
    expect(ran).toBe(false);
    expect(outcome.images[0].error?.code).toBe('image.time_budget_exceeded');
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
        if (ctx.images[0].position === 1) ctx.reportError(ctx.images[0], { code: 'image.time_budget_exceeded', message: 'QR pass stopped' });
        return [];
      },
    };
    const outcome = await pipeline([reporter]).scan(LISTING, await inlineImages(3));
    expect(outcome.images.map((i) => i.error?.code ?? null)).toEqual([null, 'image.time_budget_exceeded', null]);
  });
});

/** A finding on each image it sees, so a test can tell which (detector, image) ran. */
const marking = (id: string): Detector => ({
  id,
  version: 1,
  detect: async (ctx) =>
    ctx.images.map((image) => ({
      code: 'promo.coupon' as const,
      severity: 'low' as const,
      confidence: 1,
      imagePosition: image.position,
      evidence: {} as never,
      ruleId: id,
      ruleVersion: 1,
    })),
});

describe('ScanPipeline detector boundary (issue 23)', () => {
  it("keeps a detector's exception on the image it threw on: other images and detectors go on, the scan completes", async () => {
    const thrower: Detector = {
      id: 'thrower',
      version: 1,
      detect: async (ctx) => {
        if (ctx.images.some((i) => i.position === 1)) throw new Error('Expected integer between 0 and 100000000 for left but received -4');
        return [];
      },
    };
    const outcome = await pipeline([marking('before'), thrower, marking('after')]).scan(LISTING, await inlineImages(3));
    expect(outcome.images.map((i) => i.error?.code ?? null)).toEqual([null, 'image.detector_failed', null]);
    expect(outcome.images[1].error).toEqual({ code: 'image.detector_failed', detector: 'thrower', message: expect.stringContaining('received -4') });
    // Every other (detector, image) ran, the thrower's own image included.
    expect(outcome.findings.map((f) => `${f.ruleId}@${f.imagePosition}`)).toEqual(['before@0', 'before@1', 'before@2', 'after@0', 'after@1', 'after@2']);
  });

  it('records a synchronous throw the same way', async () => {
    const sync: Detector = { id: 'sync', version: 1, detect: () => { throw new TypeError('boom'); } };
    const outcome = await pipeline([sync, marking('other')]).scan(LISTING, await inlineImages(1));
    expect(outcome.images[0].error).toMatchObject({ code: 'image.detector_failed', detector: 'sync' });
    expect(outcome.findings).toHaveLength(1);
  });

  it('leaves a detector past its step budget on one image behind, not the scan', async () => {
    const stuck: Detector = { id: 'stuck', version: 1, detect: (ctx) => (ctx.images[0].position === 0 ? new Promise(() => undefined) : Promise.resolve([])) };
    const began = Date.now();
    const outcome = await pipeline([stuck, marking('other')], { stepMs: 100, scanMs: 10_000 }).scan(LISTING, await inlineImages(2));
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(outcome.images[0].error).toMatchObject({ code: 'image.time_budget_exceeded', detector: 'stuck' });
    expect(outcome.images[1].error).toBeNull();
    expect(outcome.findings).toHaveLength(2);
  });

  it("records a signal source's exception on its image under the source's id", async () => {
    const source = { id: 'qr.prefetch', prepare: async () => Promise.reject(new RangeError('bad band')) };
    const p = new ScanPipeline({ loader: new ImageLoader(noFetch, 1e6, null), decoder: new SharpImageDecoder({ maxPixels: 1e6 }), detectors: [marking('d')], sources: [source] });
    const outcome = await p.scan(LISTING, await inlineImages(1));
    expect(outcome.images[0].error).toMatchObject({ code: 'image.detector_failed', detector: 'qr.prefetch' });
    expect(outcome.findings).toHaveLength(1);
  });
});

describe('ScanPipeline text reads', () => {
  it('asks for every image up front but keeps at most textConcurrency reads in flight, so a scan beside it gets the OCR pool too', async () => {
    let inFlight = 0;
    let most = 0;
    let reads = 0;
    const textReader = {
      read: async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        reads++;
        return { text: '', words: [] };
      },
    };
    // A text detector: the scan ends once every image's text is in.
    const text: Detector = { id: 'text', version: 1, detect: async (ctx) => (await ctx.text(ctx.images[0]), []) };
    const scan = (textConcurrency?: number) =>
      new ScanPipeline({ loader: new ImageLoader(noFetch, 1e6, null), decoder: new SharpImageDecoder({ maxPixels: 1e6 }), detectors: [text], textReader, textConcurrency }).scan(LISTING, images);
    const images = await inlineImages(6);
    await scan(2);
    expect([reads, most]).toEqual([6, 2]);
    [reads, most] = [0, 0];
    await scan();
    expect([reads, most]).toEqual([6, 6]);
  });
});
