import sharp from 'sharp';
import { BROWSER_IMAGE_TYPES, type ImageFormat } from '@listinglens/contracts';

/** The long side of an evidence thumbnail: a queue row's and the item view's picture. */
export const THUMB_MAX_SIDE = 480;

export interface Rendered {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * What the console is shown of one evidence image, made once by the worker when it keeps the bytes (the
 * api does no image work). Both are auto-oriented like the scan's own decode, so a finding's box (in the
 * oriented image's pixels) lands on the same spot: the thumbnail only scales, keeping the aspect ratio.
 */
export async function renderEvidence(bytes: Buffer, format: ImageFormat, maxPixels: number): Promise<{ thumb: Rendered; display: Rendered | null }> {
  const input = () => sharp(bytes, { limitInputPixels: maxPixels }).autoOrient();
  const thumb = await input()
    .resize(THUMB_MAX_SIDE, THUMB_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer({ resolveWithObject: true });
  const display = format in BROWSER_IMAGE_TYPES ? null : await input().png().toBuffer({ resolveWithObject: true });
  return {
    thumb: { bytes: thumb.data, width: thumb.info.width, height: thumb.info.height },
    display: display && { bytes: display.data, width: display.info.width, height: display.info.height },
  };
}
