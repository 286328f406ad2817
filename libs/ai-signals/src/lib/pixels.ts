import sharp from 'sharp';

/** Decoded pixels as stored in the file (no auto-orientation: watermarks live in the stored grid). */
export interface RawPixels {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA). */
  channels: 3 | 4;
  data: Buffer;
}

/** Pixel decoding behind a small interface (STYLE.md: engines sit behind wrappers). */
export interface PixelDecoder {
  decode(bytes: Buffer, keepAlpha: boolean): Promise<RawPixels>;
}

export class SharpPixelDecoder implements PixelDecoder {
  constructor(private readonly maxPixels = 64_000_000) {}

  async decode(bytes: Buffer, keepAlpha: boolean): Promise<RawPixels> {
    let pipeline = sharp(bytes, { limitInputPixels: this.maxPixels }).toColourspace('srgb');
    pipeline = keepAlpha ? pipeline.ensureAlpha() : pipeline.removeAlpha();
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3, data };
  }
}
