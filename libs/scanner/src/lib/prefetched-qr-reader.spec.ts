import { describe, expect, it } from 'vitest';
import type { AnalyzedImage } from '@listinglens/pipeline';
import { PrefetchedQrReader } from './prefetched-qr-reader';

const image = (bytes: Buffer) => ({ position: 0, bytes }) as AnalyzedImage;

describe('PrefetchedQrReader', () => {
  it('decodes an image once: the detector gets the pass the scan started beside OCR', async () => {
    let decodes = 0;
    const reader = new PrefetchedQrReader({ read: async () => (decodes++, [{ payload: 'https://t.me/x', box: { x: 0, y: 0, width: 1, height: 1 }, scale: 1 }]) });
    const bytes = Buffer.from('one image');
    await reader.prepare(image(bytes), Date.now() + 1000);
    expect(await reader.read(bytes, Date.now() + 1000)).toHaveLength(1);
    expect(decodes).toBe(1);
    await reader.read(Buffer.from('another image'), Date.now() + 1000);
    expect(decodes).toBe(2);
  });

  it("leaves a failure to the detector's read (recorded once), never throws from prepare", async () => {
    const reader = new PrefetchedQrReader({ read: () => Promise.reject(new Error('band failed')) });
    const bytes = Buffer.from('x');
    await expect(reader.prepare(image(bytes), Date.now() + 1000)).resolves.toBeUndefined();
    await expect(reader.read(bytes, Date.now() + 1000)).rejects.toThrow('band failed');
  });
});
