import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderEvidence, THUMB_MAX_SIDE } from './evidence-rendering';
import { SharpImageDecoder } from './image-decoder';

describe('renderEvidence', () => {
  it("makes the thumbnail in the scan's own (EXIF-oriented) frame, so boxes scale onto it", async () => {
    // Stored 1000×500, EXIF orientation 6 (rotate 90°): the scan and its boxes see 500×1000.
    const jpeg = await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#369' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const scanned = await new SharpImageDecoder({ maxPixels: 50_000_000 }).inspect(jpeg);
    const { thumb, display } = await renderEvidence(jpeg, 'jpeg', 50_000_000);
    expect([scanned.width, scanned.height]).toEqual([500, 1000]);
    expect([thumb.width, thumb.height]).toEqual([THUMB_MAX_SIDE / 2, THUMB_MAX_SIDE]);
    expect((await sharp(thumb.bytes).metadata()).format).toBe('webp');
    expect(display).toBeNull(); // a JPEG is shown as stored
  });

  it('renders formats a browser is not given as stored (TIFF) to PNG, and never enlarges a small image', async () => {
    const tiff = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#963' } }).tiff().toBuffer();
    const { thumb, display } = await renderEvidence(tiff, 'tiff', 50_000_000);
    expect([thumb.width, thumb.height]).toEqual([40, 30]);
    expect(display && (await sharp(display.bytes).metadata()).format).toBe('png');
  });
});
