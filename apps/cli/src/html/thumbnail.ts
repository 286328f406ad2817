import sharp from 'sharp';

export interface Thumbnail {
  dataUri: string;
  width: number;
  height: number;
  /** The image's own size, upright (EXIF orientation applied, as OCR reads it): finding boxes are in it. */
  sourceWidth: number;
  sourceHeight: number;
}

/**
 * A small JPEG of the image as a data URI, so the report is one file that needs no network. Alpha
 * is flattened onto white (JPEG has none); the long side is at most `maxSide` pixels.
 */
export async function makeThumbnail(bytes: Buffer, maxSide = 360): Promise<Thumbnail> {
  const meta = await sharp(bytes, { limitInputPixels: 50_000_000 }).metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const sourceWidth = (turned ? meta.height : meta.width) ?? 0;
  const sourceHeight = (turned ? meta.width : meta.height) ?? 0;
  const { data, info } = await sharp(bytes, { limitInputPixels: 50_000_000 })
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 78 })
    .toBuffer({ resolveWithObject: true });
  return { dataUri: `data:image/jpeg;base64,${data.toString('base64')}`, width: info.width, height: info.height, sourceWidth, sourceHeight };
}
