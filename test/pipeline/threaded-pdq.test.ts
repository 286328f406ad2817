import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { CpuPool, ImageError, SharpImageDecoder, threadedPdq } from '@listinglens/pipeline';
import { scene } from '../../libs/pdq/src/lib/testing';

/** PDQ runs in the scanner's worker threads (the built pdq.task.js), off the event loop. */
const cpu = new CpuPool(2);
afterAll(() => cpu.close());

describe('threaded PDQ (the scanner\'s decoder)', () => {
  it('gives the same hash, quality and variants as the inline hasher', async () => {
    const photo = await sharp(await scene(31, 2400, 1600)).jpeg({ quality: 85 }).toBuffer();
    const inline = await new SharpImageDecoder({ maxPixels: 50_000_000 }).inspect(photo);
    const threaded = await new SharpImageDecoder({ maxPixels: 50_000_000, pdq: threadedPdq(cpu, 60_000) }).inspect(photo);
    expect(threaded).toEqual(inline);
    expect(threaded.pdqQuality).toBeGreaterThan(49);
  });

  it('keeps the event loop free while it hashes (inline, the same 8 images block it several times longer)', async () => {
    const photo = await sharp(await scene(32, 2400, 1600)).jpeg({ quality: 85 }).toBuffer();
    const threaded = new SharpImageDecoder({ maxPixels: 50_000_000, pdq: threadedPdq(cpu, 60_000) });
    await threaded.inspect(photo); // the thread's first start
    const inline = await longestLoopStall(() => Promise.all(Array.from({ length: 8 }, () => new SharpImageDecoder({ maxPixels: 50_000_000 }).inspect(photo))));
    const offLoop = await longestLoopStall(() => Promise.all(Array.from({ length: 8 }, () => threaded.inspect(photo))));
    expect(offLoop).toBeLessThan(inline / 2);
  });

  it('records a hash past its budget as the image\'s time_budget_exceeded', async () => {
    const photo = await scene(33, 640, 480);
    const decoder = new SharpImageDecoder({ maxPixels: 50_000_000, pdq: threadedPdq(cpu, 0) });
    await expect(decoder.inspect(photo)).rejects.toEqual(expect.any(ImageError));
    await expect(decoder.inspect(photo)).rejects.toMatchObject({ code: 'image.time_budget_exceeded' });
  });
});

/** The longest the event loop went without a turn while `work` ran (ms). */
async function longestLoopStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await work();
  clearInterval(timer);
  return longest;
}
